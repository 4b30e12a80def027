package org.modseq.model.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.modseq.model.command.Command;
import org.modseq.model.command.SearchKey;
import org.modseq.model.mailbox.Mailbox;
import org.modseq.model.mailbox.Message;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.session.SelectedMailbox;
import org.modseq.model.session.Session;
import org.modseq.model.set.NumberSet;

/** SEARCH, UID SEARCH and SEARCH RETURN with the MODSEQ key (RFC 7162 §3.1.5, §3.1.6, §3.1.10; R49-R56). */
final class SearchRules {

    private SearchRules() {
    }

    private record Match(long number, Uid uid, ModSeq modSeq) {
    }

    static Outcome search(Exchange ex, Session session, Command.Search command) {
        SelectedMailbox view = session.mailbox();
        boolean modSeqKey = command.key().usesModSeq();
        if (modSeqKey && view.noModSeq()) {
            return ex.bad("MODSEQ search is not allowed after NOMODSEQ (RFC 7162 section 3.1.2.2)"); // R30, R56
        }
        ServerState state = ex.before;
        Mailbox mailbox = state.mailbox(view.mailbox()).orElseThrow();
        if (modSeqKey) {
            session = UpdateRules.enableCondstore(ex, session, mailbox); // R15, R17, R56
            view = session.mailbox();
        }
        String user = session.userName();
        List<Match> matches = new ArrayList<>();
        long lastUid = view.view().isEmpty() ? 0 : view.view().get(view.exists() - 1).value();
        for (int i = 0; i < view.exists(); i++) {
            Uid uid = view.view().get(i);
            Message m = mailbox.message(uid).orElse(null);
            if (m != null && matches(ex.choices(), command.key(), m, user, i + 1, view.exists(), lastUid)) {
                matches.add(new Match(i + 1, uid, m.modSeqFor(user)));
            }
        }
        if (command.returnOptions().isPresent()) {
            ex.send(esearch(ex.tag, command, matches, modSeqKey));
        } else {
            List<Long> numbers = matches.stream().map(mt -> command.uid() ? mt.uid().value() : mt.number()).toList();
            // R53: the highest mod-sequence of the returned messages, only when there are some.
            Optional<ModSeq> highest = modSeqKey && !matches.isEmpty() ? Optional.of(highest(matches)) : Optional.empty();
            ex.send(new Response.Search(numbers, highest));
        }
        // R87: no VANISHED during a UID SEARCH whose criteria name message numbers.
        UpdateRules.Moment moment = command.uid() && !command.key().usesMessageNumbers() ? UpdateRules.Moment.UID_COMMAND
                : UpdateRules.Moment.SEQUENCE_COMMAND;
        return UpdateRules.finish(ex, state, session, moment, Condition.OK, null,
                (command.uid() ? "UID SEARCH" : "SEARCH") + " completed");
    }

    /**
     * R55, X23: ESEARCH (RFC 4731) with MODSEQ, the highest mod-sequence of the messages the
     * answer returns: all matches for ALL and COUNT, the extremes for MIN and MAX alone.
     */
    private static Response.ESearch esearch(String tag, Command.Search command, List<Match> matches, boolean modSeqKey) {
        List<Command.ReturnOption> options = command.returnOptions().orElseThrow();
        if (options.isEmpty()) {
            options = List.of(Command.ReturnOption.ALL);
        }
        boolean empty = matches.isEmpty();
        java.util.function.ToLongFunction<Match> number = mt -> command.uid() ? mt.uid().value() : mt.number();
        OptionalLong min = options.contains(Command.ReturnOption.MIN) && !empty
                ? OptionalLong.of(number.applyAsLong(matches.get(0))) : OptionalLong.empty();
        OptionalLong max = options.contains(Command.ReturnOption.MAX) && !empty
                ? OptionalLong.of(number.applyAsLong(matches.get(matches.size() - 1))) : OptionalLong.empty();
        OptionalLong count = options.contains(Command.ReturnOption.COUNT) ? OptionalLong.of(matches.size())
                : OptionalLong.empty();
        Optional<NumberSet> all = options.contains(Command.ReturnOption.ALL) && !empty
                ? Optional.of(NumberSet.of(matches.stream().map(number::applyAsLong).toList())) : Optional.empty();
        Optional<ModSeq> modSeq = Optional.empty();
        if (modSeqKey && !empty) {
            boolean whole = options.contains(Command.ReturnOption.ALL) || options.contains(Command.ReturnOption.COUNT);
            List<Match> returned = whole ? matches : extremes(matches, options);
            modSeq = Optional.of(highest(returned));
        }
        return new Response.ESearch(tag, command.uid(), min, max, count, all, modSeq);
    }

    private static List<Match> extremes(List<Match> matches, List<Command.ReturnOption> options) {
        List<Match> out = new ArrayList<>();
        if (options.contains(Command.ReturnOption.MIN)) {
            out.add(matches.get(0));
        }
        if (options.contains(Command.ReturnOption.MAX)) {
            out.add(matches.get(matches.size() - 1));
        }
        return out;
    }

    private static ModSeq highest(List<Match> matches) {
        return matches.stream().map(Match::modSeq).max(ModSeq::compareTo).orElseThrow();
    }

    /** Evaluates a key for one message. {@code *} in a set means the last message (or UID) in the view. */
    static boolean matches(ServerChoices choices, SearchKey key, Message m, String user, long number, long exists,
            long lastUid) {
        return switch (key) {
            case SearchKey.All a -> true;
            case SearchKey.MessageNumbers s -> s.set().resolve(exists).contains(number);
            case SearchKey.Uids s -> s.set().resolve(lastUid).contains(m.uid().value());
            case SearchKey.FlagKey f -> m.flagsFor(user).contains(f.flag()) == f.set();
            case SearchKey.Larger l -> m.size() > l.size();
            case SearchKey.Smaller s -> m.size() < s.size();
            case SearchKey.Not n -> !matches(choices, n.key(), m, user, number, exists, lastUid);
            case SearchKey.Or o -> matches(choices, o.left(), m, user, number, exists, lastUid)
                    || matches(choices, o.right(), m, user, number, exists, lastUid);
            case SearchKey.And a -> a.keys().stream().allMatch(k -> matches(choices, k, m, user, number, exists, lastUid));
            // R49: at least the value. R51: a server with per-flag mod-sequences narrows by the
            // entry; one with a mod-sequence per message must ignore the entry.
            case SearchKey.ModSeqKey k -> {
                boolean perFlag = choices.conflictDetection() == ServerChoices.ConflictDetection.PER_FLAG;
                ModSeq modSeq = k.entry().isPresent() && perFlag ? m.flagModSeq(user, k.entry().get().flag())
                        : m.modSeqFor(user);
                yield modSeq.compareTo(k.modSeq()) >= 0;
            }
        };
    }
}
