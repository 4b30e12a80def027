package org.modseq.model.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.modseq.model.command.Command;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.response.Response;
import org.modseq.model.set.NumberSet;

/**
 * The untagged answer of SEARCH and UID SEARCH from the messages that matched: {@code * SEARCH}
 * with {@code (MODSEQ m)} (R53), or ESEARCH for {@code SEARCH RETURN} (RFC 4731, R55). One
 * function for every engine, so that how matches become an answer is stated once.
 */
public final class SearchAnswer {

    /** A message that matched: its number in the client's view, its UID and its mod-sequence for the user. */
    public record Hit(long number, long uid, ModSeq modSeq) {
    }

    private SearchAnswer() {
    }

    /**
     * The answer to {@code command} for {@code hits} (ascending); {@code modSeqKey} says whether
     * the criteria searched MODSEQ, which adds the highest mod-sequence of the returned messages.
     */
    public static Response of(String tag, Command.Search command, List<Hit> hits, boolean modSeqKey) {
        if (command.returnOptions().isPresent()) {
            return esearch(tag, command, hits, modSeqKey);
        }
        List<Long> numbers = hits.stream().map(h -> number(command, h)).toList();
        // R53: the highest mod-sequence of the returned messages, only when there are some.
        Optional<ModSeq> highest = modSeqKey && !hits.isEmpty() ? Optional.of(highest(hits)) : Optional.empty();
        return new Response.Search(numbers, highest);
    }

    /**
     * R55, X23: ESEARCH with MODSEQ, the highest mod-sequence of the messages the answer returns:
     * all matches for ALL and COUNT, the extremes for MIN and MAX alone.
     */
    private static Response.ESearch esearch(String tag, Command.Search command, List<Hit> hits, boolean modSeqKey) {
        List<Command.ReturnOption> options = command.returnOptions().orElseThrow();
        if (options.isEmpty()) {
            options = List.of(Command.ReturnOption.ALL); // RFC 4731 §3.1: RETURN () means ALL
        }
        boolean empty = hits.isEmpty();
        OptionalLong min = options.contains(Command.ReturnOption.MIN) && !empty
                ? OptionalLong.of(number(command, hits.getFirst())) : OptionalLong.empty();
        OptionalLong max = options.contains(Command.ReturnOption.MAX) && !empty
                ? OptionalLong.of(number(command, hits.getLast())) : OptionalLong.empty();
        OptionalLong count = options.contains(Command.ReturnOption.COUNT) ? OptionalLong.of(hits.size())
                : OptionalLong.empty();
        Optional<NumberSet> all = options.contains(Command.ReturnOption.ALL) && !empty
                ? Optional.of(NumberSet.of(hits.stream().map(h -> number(command, h)).toList())) : Optional.empty();
        Optional<ModSeq> modSeq = Optional.empty();
        if (modSeqKey && !empty) {
            boolean whole = options.contains(Command.ReturnOption.ALL) || options.contains(Command.ReturnOption.COUNT);
            modSeq = Optional.of(highest(whole ? hits : extremes(hits, options)));
        }
        return new Response.ESearch(tag, command.uid(), min, max, count, all, modSeq);
    }

    private static long number(Command.Search command, Hit hit) {
        return command.uid() ? hit.uid() : hit.number();
    }

    private static List<Hit> extremes(List<Hit> hits, List<Command.ReturnOption> options) {
        List<Hit> out = new ArrayList<>();
        if (options.contains(Command.ReturnOption.MIN)) {
            out.add(hits.getFirst());
        }
        if (options.contains(Command.ReturnOption.MAX)) {
            out.add(hits.getLast());
        }
        return out;
    }

    private static ModSeq highest(List<Hit> hits) {
        return hits.stream().map(Hit::modSeq).max(ModSeq::compareTo).orElseThrow();
    }
}
