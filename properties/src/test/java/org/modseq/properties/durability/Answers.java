package org.modseq.properties.durability;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.set.NumberSet;

/**
 * What the crash test reads from a server's response lines (wire text, literals inline): only
 * the values a client relies on across a crash, with the patterns of the grammar they come in.
 */
final class Answers {

    private static final Pattern HIGHEST = Pattern.compile("\\[HIGHESTMODSEQ (\\d+)]");
    private static final Pattern UIDNEXT = Pattern.compile("\\[UIDNEXT (\\d+)]");
    private static final Pattern UIDVALIDITY = Pattern.compile("\\[UIDVALIDITY (\\d+)]");
    private static final Pattern STATUS = Pattern.compile("^\\* STATUS (\\S+) \\((.*)\\)$");
    private static final Pattern STATUS_ITEM = Pattern.compile("(UIDNEXT|HIGHESTMODSEQ|UIDVALIDITY) (\\d+)");
    private static final Pattern FETCH = Pattern.compile("^\\* \\d+ FETCH \\(", Pattern.DOTALL);
    private static final Pattern UID = Pattern.compile("[( ]UID (\\d+)");
    private static final Pattern MODSEQ = Pattern.compile("MODSEQ \\((\\d+)\\)");
    private static final Pattern FLAGS = Pattern.compile("FLAGS \\(([^)]*)\\)");
    private static final Pattern MARKER = Pattern.compile("X-Marker: (\\S+)");
    private static final Pattern VANISHED = Pattern.compile("^\\* VANISHED (?:\\(EARLIER\\) )?(\\S+)$");
    private static final Pattern APPENDUID = Pattern.compile("\\[APPENDUID (\\d+) (\\d+)]");
    private static final Pattern COPYUID = Pattern.compile("\\[COPYUID (\\d+) (\\S+) (\\S+)]");

    private Answers() {
    }

    /** One FETCH response: the UID, and whatever of MODSEQ, FLAGS and the test's marker header it has. */
    record Fetched(long uid, Optional<Long> modSeq, Optional<Set<Flag>> flags, Optional<String> marker) {
    }

    static List<Long> highestModSeqs(List<String> lines) {
        List<Long> found = new ArrayList<>();
        for (String line : lines) {
            Matcher m = HIGHEST.matcher(line);
            while (m.find()) {
                found.add(Long.parseLong(m.group(1)));
            }
        }
        return found;
    }

    static Optional<Long> uidNext(List<String> lines) {
        return first(lines, UIDNEXT);
    }

    static Optional<Long> uidValidity(List<String> lines) {
        return first(lines, UIDVALIDITY);
    }

    private static Optional<Long> first(List<String> lines, Pattern pattern) {
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return Optional.of(Long.parseLong(m.group(1)));
            }
        }
        return Optional.empty();
    }

    /** A STATUS response's mailbox and its UIDNEXT / HIGHESTMODSEQ / UIDVALIDITY items, or null. */
    record Status(String mailbox, Optional<Long> uidNext, Optional<Long> highestModSeq, Optional<Long> uidValidity) {
    }

    static List<Status> statuses(List<String> lines) {
        List<Status> found = new ArrayList<>();
        for (String line : lines) {
            Matcher m = STATUS.matcher(line);
            if (m.find()) {
                Optional<Long> uidNext = Optional.empty();
                Optional<Long> highest = Optional.empty();
                Optional<Long> uidValidity = Optional.empty();
                Matcher item = STATUS_ITEM.matcher(m.group(2));
                while (item.find()) {
                    long value = Long.parseLong(item.group(2));
                    switch (item.group(1)) {
                        case "UIDNEXT" -> uidNext = Optional.of(value);
                        case "HIGHESTMODSEQ" -> highest = Optional.of(value);
                        default -> uidValidity = Optional.of(value);
                    }
                }
                found.add(new Status(m.group(1), uidNext, highest, uidValidity));
            }
        }
        return found;
    }

    /** The FETCH responses that carry a UID (all of them once QRESYNC is enabled, R20). */
    static List<Fetched> fetches(List<String> lines) {
        List<Fetched> found = new ArrayList<>();
        for (String line : lines) {
            if (!FETCH.matcher(line).find()) {
                continue;
            }
            Matcher uid = UID.matcher(line);
            if (!uid.find()) {
                continue;
            }
            Matcher modSeq = MODSEQ.matcher(line);
            Matcher flags = FLAGS.matcher(line);
            Matcher marker = MARKER.matcher(line);
            found.add(new Fetched(Long.parseLong(uid.group(1)),
                    modSeq.find() ? Optional.of(Long.parseLong(modSeq.group(1))) : Optional.empty(),
                    flags.find() ? Optional.of(flags(flags.group(1))) : Optional.empty(),
                    marker.find() ? Optional.of(marker.group(1)) : Optional.empty()));
        }
        return found;
    }

    /** Flags as a cache keeps them: without \Recent, which is a session's (RFC 3501 §2.3.2). */
    static Set<Flag> flags(String list) {
        Set<Flag> flags = new HashSet<>();
        for (String name : list.trim().split(" ")) {
            if (!name.isEmpty() && !name.equalsIgnoreCase("\\Recent")) {
                flags.add(Flag.of(name));
            }
        }
        return Set.copyOf(flags);
    }

    /** The UIDs of every VANISHED response, EARLIER or not. */
    static Set<Long> vanished(List<String> lines) {
        Set<Long> found = new HashSet<>();
        for (String line : lines) {
            Matcher m = VANISHED.matcher(line);
            if (m.find()) {
                found.addAll(NumberSet.parse(m.group(1)).toList());
            }
        }
        return found;
    }

    /** APPENDUID's UID (RFC 4315), from a tagged OK. */
    static Optional<Long> appendUid(String tagged) {
        Matcher m = APPENDUID.matcher(tagged);
        return m.find() ? Optional.of(Long.parseLong(m.group(2))) : Optional.empty();
    }

    /** COPYUID's pairs, source UID then new UID (RFC 4315: both sets in the same order). */
    static List<long[]> copyUids(List<String> lines) {
        List<long[]> pairs = new ArrayList<>();
        for (String line : lines) {
            Matcher m = COPYUID.matcher(line);
            if (m.find()) {
                List<Long> from = NumberSet.parse(m.group(2)).toList();
                List<Long> to = NumberSet.parse(m.group(3)).toList();
                for (int i = 0; i < Math.min(from.size(), to.size()); i++) {
                    pairs.add(new long[] {from.get(i), to.get(i)});
                }
            }
        }
        return pairs;
    }

    static boolean isTaggedOk(List<String> lines, String tag) {
        return !lines.isEmpty() && lines.getLast().startsWith(tag + " OK");
    }
}
