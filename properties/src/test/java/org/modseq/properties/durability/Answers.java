package org.modseq.properties.durability;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.response.FetchAttribute;
import org.modseq.model.response.Response;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.wire.ResponseParser;
import org.modseq.model.wire.ResponseSyntaxException;

/**
 * What the crash test reads from a server's response lines (wire text, literals inline): only
 * the values a client relies on across a crash, taken from the model's {@link ResponseParser},
 * so that an answer the grammar refuses fails the test instead of being half read.
 */
final class Answers {

    /** The test's own header in each message it appends, to tell a message's body from another's. */
    private static final Pattern MARKER = Pattern.compile("X-Marker: (\\S+)");

    private Answers() {
    }

    /** One FETCH response: the UID, and whatever of MODSEQ, FLAGS and the test's marker header it has. */
    record Fetched(long uid, Optional<Long> modSeq, Optional<Set<Flag>> flags, Optional<String> marker) {
    }

    /** A STATUS response's mailbox and its UIDNEXT / HIGHESTMODSEQ / UIDVALIDITY items. */
    record Status(String mailbox, Optional<Long> uidNext, Optional<Long> highestModSeq, Optional<Long> uidValidity) {
    }

    private static List<Response> parse(List<String> lines) {
        List<Response> responses = new ArrayList<>(lines.size());
        for (String line : lines) {
            try {
                responses.add(ResponseParser.parse(line));
            } catch (ResponseSyntaxException e) {
                throw new AssertionError("the server's answer does not parse: " + line, e);
            }
        }
        return responses;
    }

    private static List<ResponseCode> codes(List<String> lines) {
        List<ResponseCode> codes = new ArrayList<>();
        for (Response r : parse(lines)) {
            if (r instanceof Response.Status status) {
                status.code().ifPresent(codes::add);
            }
        }
        return codes;
    }

    static List<Long> highestModSeqs(List<String> lines) {
        return codes(lines).stream().flatMap(c -> c instanceof ResponseCode.HighestModSeq h
                ? Stream.of(h.modSeq().value()) : Stream.empty()).toList();
    }

    static Optional<Long> uidNext(List<String> lines) {
        return codes(lines).stream().flatMap(c -> c instanceof ResponseCode.UidNext u
                ? Stream.of(u.uidNext()) : Stream.empty()).findFirst();
    }

    static Optional<Long> uidValidity(List<String> lines) {
        return codes(lines).stream().flatMap(c -> c instanceof ResponseCode.UidValidityCode v
                ? Stream.of(v.uidValidity().value()) : Stream.empty()).findFirst();
    }

    static List<Status> statuses(List<String> lines) {
        List<Status> found = new ArrayList<>();
        for (Response r : parse(lines)) {
            if (r instanceof Response.StatusData data) {
                found.add(new Status(data.mailbox(), item(data, "UIDNEXT"), item(data, "HIGHESTMODSEQ"),
                        item(data, "UIDVALIDITY")));
            }
        }
        return found;
    }

    private static Optional<Long> item(Response.StatusData data, String name) {
        return data.items().stream().filter(i -> i.name().equalsIgnoreCase(name)).map(Response.StatusData.Item::value)
                .findFirst();
    }

    /** The FETCH responses that carry a UID (all of them once QRESYNC is enabled, R20). */
    static List<Fetched> fetches(List<String> lines) {
        List<Fetched> found = new ArrayList<>();
        for (Response r : parse(lines)) {
            if (!(r instanceof Response.Fetch fetch)) {
                continue;
            }
            Optional<Long> uid = Optional.empty();
            Optional<Long> modSeq = Optional.empty();
            Optional<Set<Flag>> flags = Optional.empty();
            Optional<String> marker = Optional.empty();
            for (FetchAttribute a : fetch.attributes()) {
                switch (a) {
                    case FetchAttribute.UidAttribute u -> uid = Optional.of(u.uid().value());
                    case FetchAttribute.ModSeqAttribute m -> modSeq = Optional.of(m.modSeq().value());
                    // \Recent is a session's, not the message's (RFC 3501 §2.3.2): a cache leaves it out.
                    case FetchAttribute.Flags f -> flags = Optional.of(f.flags().stream()
                            .filter(flag -> !flag.equals(Flag.RECENT)).collect(Collectors.toUnmodifiableSet()));
                    case FetchAttribute.BodySection b -> marker = b.content().flatMap(Answers::marker);
                    // The model keeps BODY[HEADER.FIELDS (...)] as it came, literal and all.
                    case FetchAttribute.Unmodelled u when u.name().startsWith("BODY[") -> marker = marker(u.value());
                    default -> {
                    }
                }
            }
            if (uid.isPresent()) {
                found.add(new Fetched(uid.get(), modSeq, flags, marker));
            }
        }
        return found;
    }

    private static Optional<String> marker(String content) {
        Matcher m = MARKER.matcher(content);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The UIDs of every VANISHED response, EARLIER or not. */
    static Set<Long> vanished(List<String> lines) {
        return parse(lines).stream().flatMap(r -> r instanceof Response.Vanished v
                ? v.uids().toList().stream() : Stream.empty()).collect(Collectors.toSet());
    }

    /** APPENDUID's UID (RFC 4315), from a tagged OK. */
    static Optional<Long> appendUid(String tagged) {
        return codes(List.of(tagged)).stream().flatMap(c -> c instanceof ResponseCode.AppendUid a
                ? Stream.of(a.uid().value()) : Stream.empty()).findFirst();
    }

    /** COPYUID's pairs, source UID then new UID (RFC 4315: both sets in the same order). */
    static List<long[]> copyUids(List<String> lines) {
        List<long[]> pairs = new ArrayList<>();
        for (ResponseCode code : codes(lines)) {
            if (code instanceof ResponseCode.CopyUid copy) {
                List<Long> from = copy.source().toList();
                List<Long> to = copy.destination().toList();
                for (int i = 0; i < Math.min(from.size(), to.size()); i++) {
                    pairs.add(new long[] {from.get(i), to.get(i)});
                }
            }
        }
        return pairs;
    }

    static boolean isTaggedOk(List<String> lines, String tag) {
        return !lines.isEmpty() && parse(List.of(lines.getLast())).getFirst() instanceof Response.Status s
                && s.tag().equals(Optional.of(tag)) && s.condition() == Response.Condition.OK;
    }
}
