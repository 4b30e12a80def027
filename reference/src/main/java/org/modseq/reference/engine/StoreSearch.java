package org.modseq.reference.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;
import org.modseq.model.command.Command;
import org.modseq.model.command.SearchKey;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.set.NumberSet;
import org.modseq.reference.store.MailboxStore;
import org.modseq.reference.store.SessionView;

/**
 * SEARCH, UID SEARCH and SEARCH RETURN with the MODSEQ key (RFC 7162 §3.1.5, §3.1.6, §3.1.10;
 * R49-R56). A search reads every message of the view, O(n); its sets are resolved once per
 * search rather than once per message.
 */
final class StoreSearch {

    private StoreSearch() {
    }

    private record Match(long number, long uid, long modSeq) {
    }

    /** One search's evaluation context: the view's size and last UID, and each set key resolved once. */
    private static final class Evaluation {
        final ServerChoices choices;
        final MailboxStore mailbox;
        final String user;
        final long exists;
        final long lastUid;
        final Map<SearchKey, NumberSet> resolved = new IdentityHashMap<>();

        Evaluation(ServerChoices choices, SessionView view) {
            this.choices = choices;
            this.mailbox = view.mailbox();
            this.user = view.user();
            this.exists = view.exists();
            this.lastUid = view.lastUid();
        }

        boolean matches(SearchKey key, int slot, long number, long uid) {
            return switch (key) {
                case SearchKey.All a -> true;
                case SearchKey.MessageNumbers s -> resolved.computeIfAbsent(s, k -> s.set().resolve(exists)).contains(number);
                case SearchKey.Uids s -> resolved.computeIfAbsent(s, k -> s.set().resolve(lastUid)).contains(uid);
                case SearchKey.FlagKey f -> mailbox.flagsFor(slot, user).contains(f.flag()) == f.set();
                case SearchKey.Larger l -> mailbox.table().content(slot).length() > l.size();
                case SearchKey.Smaller s -> mailbox.table().content(slot).length() < s.size();
                case SearchKey.Not n -> !matches(n.key(), slot, number, uid);
                case SearchKey.Or o -> matches(o.left(), slot, number, uid) || matches(o.right(), slot, number, uid);
                case SearchKey.And a -> a.keys().stream().allMatch(k -> matches(k, slot, number, uid));
                // R49: at least the value. R51: a server with per-flag mod-sequences narrows by the
                // entry; one with a mod-sequence per message must ignore the entry.
                case SearchKey.ModSeqKey k -> {
                    boolean perFlag = choices.conflictDetection() == ServerChoices.ConflictDetection.PER_FLAG;
                    long modSeq = k.entry().isPresent() && perFlag ? mailbox.flagModSeq(slot, user, k.entry().get().flag())
                            : mailbox.modSeqFor(slot, user);
                    yield modSeq >= k.modSeq().value();
                }
            };
        }
    }

    static List<Response> search(StoreExchange ex, StoreSession session, Command.Search command) {
        SessionView view = session.view;
        boolean modSeqKey = command.key().usesModSeq();
        if (modSeqKey && view.noModSeq()) {
            return ex.bad("MODSEQ search is not allowed after NOMODSEQ (RFC 7162 section 3.1.2.2)"); // R30, R56
        }
        if (modSeqKey) {
            StoreUpdates.enableCondstore(ex, session); // R15, R17, R56
        }
        Evaluation evaluation = new Evaluation(ex.choices(), view);
        MailboxStore mailbox = view.mailbox();
        List<Match> matches = new ArrayList<>();
        int[] number = {0};
        view.forEachMember(1, Long.MAX_VALUE, (uid, slot) -> {
            number[0]++;
            if (slot >= 0 && evaluation.matches(command.key(), slot, number[0], uid)) {
                matches.add(new Match(number[0], uid, mailbox.modSeqFor(slot, session.user)));
            }
            return true;
        });
        if (command.returnOptions().isPresent()) {
            ex.send(esearch(ex.tag, command, matches, modSeqKey));
        } else {
            List<Long> numbers = matches.stream().map(mt -> command.uid() ? mt.uid() : mt.number()).toList();
            // R53: the highest mod-sequence of the returned messages, only when there are some.
            Optional<ModSeq> highest = modSeqKey && !matches.isEmpty() ? Optional.of(highest(matches)) : Optional.empty();
            ex.send(new Response.Search(numbers, highest));
        }
        // R87: no VANISHED during a UID SEARCH whose criteria name message numbers.
        StoreUpdates.Moment moment = command.uid() && !command.key().usesMessageNumbers()
                ? StoreUpdates.Moment.UID_COMMAND : StoreUpdates.Moment.SEQUENCE_COMMAND;
        return StoreUpdates.finish(ex, session, moment, Condition.OK, null,
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
        ToLongFunction<Match> number = mt -> command.uid() ? mt.uid() : mt.number();
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
        return ModSeq.of(matches.stream().mapToLong(Match::modSeq).max().orElseThrow());
    }
}
