package org.modseq.benchmarks.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The resynchronisation a client does after being away: a mailbox of n messages, k flag changes
 * and k/10 expunges made by another connection, then the two ways RFC 7162 offers to catch up,
 * each timed from the command's first octet to its tagged OK: {@code SELECT (QRESYNC (v m))}
 * (§3.2.5) and {@code UID FETCH 1:* (FLAGS) (CHANGEDSINCE m VANISHED)} (§3.2.6). A server whose
 * cost follows the changes answers both in the same time for every n.
 */
final class ResyncWorkload {

    private static final Pattern UIDVALIDITY = Pattern.compile("\\[UIDVALIDITY (\\d+)]");
    private static final Pattern HIGHESTMODSEQ = Pattern.compile("\\[HIGHESTMODSEQ (\\d+)]");
    private static final int APPEND_BATCH = 500;

    /** What one run measured; times in nanoseconds. */
    record Result(int messages, int changes, int expunges, Histogram qresyncSelect, Histogram changedSinceFetch,
            int fetchedPerResync, int vanishedPerResync, double appendsPerSecond) {
    }

    private ResyncWorkload() {
    }

    static Result run(Target target, String mailbox, int messages, int changes, int repeats, long seed)
            throws IOException {
        Random random = new Random(seed);
        int expunges = Math.max(1, changes / 10);
        if (changes + expunges > messages) {
            throw new IllegalArgumentException("--changes " + changes + " and its " + expunges
                    + " expunges need at least that many messages, not " + messages);
        }
        String box = WireClient.quoted(mailbox);
        double appendsPerSecond;
        List<Long> uids;
        try (WireClient filler = WireClient.login(target)) {
            filler.command("DELETE " + box); // NO when it does not exist yet: either way it is gone
            filler.expectOk("CREATE " + box);
            long start = System.nanoTime();
            append(filler, box, messages);
            appendsPerSecond = messages / ((System.nanoTime() - start) / 1e9);
            filler.expectOk("SELECT " + box);
            uids = searchAll(filler);
        }
        if (uids.size() != messages) {
            throw new IOException("the mailbox holds " + uids.size() + " messages after " + messages + " APPENDs");
        }

        long uidValidity;
        long modSeq;
        try (WireClient cache = WireClient.login(target)) {
            cache.expectOk("ENABLE QRESYNC");
            List<String> select = cache.expectOk("SELECT " + box);
            uidValidity = number(select, UIDVALIDITY, "UIDVALIDITY");
            modSeq = number(select, HIGHESTMODSEQ, "HIGHESTMODSEQ");
        }

        List<Long> shuffled = new ArrayList<>(uids);
        Collections.shuffle(shuffled, random);
        List<Long> changed = shuffled.subList(0, changes);
        List<Long> expunged = shuffled.subList(changes, changes + expunges);
        try (WireClient other = WireClient.login(target)) {
            other.expectOk("SELECT " + box);
            List<String> tags = new ArrayList<>();
            for (long uid : changed) {
                String tag = other.nextTag();
                other.write(tag, "UID STORE " + uid + " +FLAGS.SILENT (\\Flagged)"); // one mod-sequence each
                tags.add(tag);
            }
            other.flush();
            for (String tag : tags) {
                other.readUntil(tag);
            }
            String set = join(expunged);
            other.expectOk("UID STORE " + set + " +FLAGS.SILENT (\\Deleted)");
            other.expectOk("UID EXPUNGE " + set);
        }

        Histogram selects = new Histogram(3);
        Histogram fetches = new Histogram(3);
        int fetched = 0;
        int vanished = 0;
        try (WireClient resync = WireClient.login(target)) {
            resync.expectOk("ENABLE QRESYNC");
            String qresync = "SELECT " + box + " (QRESYNC (" + uidValidity + " " + modSeq + "))";
            String changedSince = "UID FETCH 1:* (FLAGS) (CHANGEDSINCE " + modSeq + " VANISHED)";
            int warmup = Math.max(2, repeats / 5);
            for (int i = -warmup; i < repeats; i++) {
                long t0 = System.nanoTime();
                List<String> lines = resync.expectOk(qresync);
                long t1 = System.nanoTime();
                List<String> fetchLines = resync.expectOk(changedSince);
                long t2 = System.nanoTime();
                if (i >= 0) {
                    selects.recordValue(t1 - t0);
                    fetches.recordValue(t2 - t1);
                }
                fetched = count(lines, " FETCH ");
                vanished = vanishedUids(lines);
                int fetchedAgain = count(fetchLines, " FETCH ");
                if (fetchedAgain != fetched) {
                    throw new IOException("QRESYNC reported " + fetched + " changed messages, CHANGEDSINCE "
                            + fetchedAgain);
                }
            }
        }
        return new Result(messages, changes, expunges, selects, fetches, fetched, vanished, appendsPerSecond);
    }

    /** APPENDs with non-synchronizing literals (RFC 7888), a batch in flight at a time. */
    private static void append(WireClient client, String box, int messages) throws IOException {
        for (int first = 0; first < messages; first += APPEND_BATCH) {
            List<String> tags = new ArrayList<>();
            for (int i = first; i < Math.min(messages, first + APPEND_BATCH); i++) {
                byte[] message = message(i);
                String tag = client.nextTag();
                client.write(tag, "APPEND " + box + " {" + message.length + "+}");
                client.writeOctets(message);
                client.writeOctets(new byte[] {'\r', '\n'});
                tags.add(tag);
            }
            client.flush();
            for (String tag : tags) {
                String last = client.readUntil(tag).getLast();
                if (!last.startsWith(tag + " OK")) {
                    throw new IOException("APPEND refused: " + last);
                }
            }
        }
    }

    static byte[] message(int i) {
        return ("From: Load Driver <driver@example.org>\r\n"
                + "To: Mailbox <box@example.org>\r\n"
                + "Subject: message " + i + "\r\n"
                + "Date: Mon, 01 Jan 2024 00:00:00 +0000\r\n"
                + "Message-ID: <" + i + "@driver.example.org>\r\n"
                + "\r\n"
                + "Body of message " + i + ".\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static List<Long> searchAll(WireClient client) throws IOException {
        List<Long> uids = new ArrayList<>();
        for (String line : client.expectOk("UID SEARCH ALL")) {
            if (line.startsWith("* SEARCH")) {
                for (String word : line.substring("* SEARCH".length()).trim().split(" ")) {
                    if (!word.isEmpty()) {
                        uids.add(Long.parseLong(word));
                    }
                }
            }
        }
        return uids;
    }

    private static long number(List<String> lines, Pattern pattern, String what) throws IOException {
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new IOException("the server's SELECT gave no " + what + ": " + lines);
    }

    private static int count(List<String> lines, String marker) {
        return (int) lines.stream().filter(l -> l.startsWith("* ") && l.contains(marker)).count();
    }

    /** UIDs named by {@code * VANISHED (EARLIER) set} lines. */
    private static int vanishedUids(List<String> lines) {
        int total = 0;
        for (String line : lines) {
            if (line.startsWith("* VANISHED ")) {
                String set = line.substring(line.lastIndexOf(' ') + 1);
                for (String range : set.split(",")) {
                    int colon = range.indexOf(':');
                    total += colon < 0 ? 1
                            : (int) Math.abs(Long.parseLong(range.substring(colon + 1))
                                    - Long.parseLong(range.substring(0, colon))) + 1;
                }
            }
        }
        return total;
    }

    static String join(List<Long> uids) {
        StringBuilder sb = new StringBuilder();
        for (long uid : uids) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(uid);
        }
        return sb.toString();
    }
}
