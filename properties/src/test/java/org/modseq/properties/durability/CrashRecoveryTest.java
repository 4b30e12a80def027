package org.modseq.properties.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.modseq.model.command.Command;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.set.NumberSet;
import org.modseq.model.wire.CommandParser;
import org.modseq.model.wire.CommandSyntaxException;
import org.modseq.properties.sessions.TcpSessions;
import org.modseq.properties.sync.ClientCache;

/**
 * Durability under SIGKILL (issue 6): {@code modseq serve} runs on a data directory as a child
 * process, several clients load it at random (APPEND, STORE with UNCHANGEDSINCE, EXPUNGE, COPY,
 * MOVE; QRESYNC enabled), the process is killed at a random instant, restarted on the same
 * directory, and the protocol must show that nothing acknowledged was lost and nothing any client
 * saw went backwards:
 *
 * <ul>
 * <li>UIDVALIDITY is the same (a change would be allowed only for a damaged directory, R97);</li>
 * <li>HIGHESTMODSEQ and UIDNEXT are at least the highest any response showed (R1, R7; RFC 3501 §2.3.1.1);</li>
 * <li>every acknowledged APPEND or COPY is live with its own octets, or in the expunge history
 *     (VANISHED (EARLIER) from mod-sequence 1, R78, R80): never lost, its UID never reused;</li>
 * <li>every message's MODSEQ is at least the highest any response gave it, and a STORE's
 *     acknowledged flags are there unless a later change (a higher MODSEQ) replaced them;</li>
 * <li>every client's cache from before the crash, resynchronised with SELECT (QRESYNC ...), equals
 *     the mailbox as a full FETCH shows it (R67-R80): the expunge history survived exactly.</li>
 * </ul>
 *
 * <p>{@value #DEFAULT_CYCLES} cycles by default; {@code -Dmodseq.crash.cycles=500} for a longer run,
 * {@code -Dmodseq.crash.seed=N} to replay one. The seed is in every failure message.
 */
@Timeout(900)
class CrashRecoveryTest {

    static final int DEFAULT_CYCLES = 25;
    private static final int SESSIONS = 4;

    @TempDir
    Path dir;

    @Test
    void noAcknowledgedChangeIsLostAndNothingSeenGoesBackwardsAcrossKills() throws Exception {
        int cycles = Integer.getInteger("modseq.crash.cycles", DEFAULT_CYCLES);
        long seed = Long.getLong("modseq.crash.seed", System.nanoTime());
        Path data = dir.resolve("data");
        Path errors = dir.resolve("server-errors.log");
        Random random = new Random(seed);
        Witnessed witnessed = new Witnessed();
        Map<String, Long> uidValidities = new HashMap<>();
        List<ClientCache> caches = new ArrayList<>();
        int verified = 0;
        for (int cycle = 0; cycle <= cycles; cycle++) {
            String context = "seed " + seed + " (-Dmodseq.crash.seed=" + seed + "), cycle " + cycle + " of " + cycles;
            ServerProcess server = ServerProcess.start(data, errors, context);
            try {
                if (cycle == 0) {
                    setUp(server.port(), uidValidities);
                } else {
                    verify(server.port(), witnessed, uidValidities, caches, context + "; server log:\n"
                            + ServerProcess.errorsOf(errors));
                    verified++;
                }
                if (cycle == cycles) {
                    break;
                }
                List<LoadSession> load = new ArrayList<>();
                List<Thread> threads = new ArrayList<>();
                for (int s = 0; s < SESSIONS; s++) {
                    LoadSession session = new LoadSession(server.port(), random.nextLong(), witnessed,
                            "c" + cycle + "s" + s);
                    load.add(session);
                    threads.add(Thread.ofPlatform().name("load-" + s).start(session));
                }
                Thread.sleep(150 + random.nextInt(900)); // the crash comes at a random instant of the load
                server.kill();
                for (Thread t : threads) {
                    t.join(Duration.ofSeconds(60));
                    assertTrue(!t.isAlive(), "a load session hangs after the kill; " + context);
                }
                caches.clear();
                for (LoadSession session : load) {
                    if (session.failure() != null) {
                        throw new AssertionError(context + ": the load failed", session.failure());
                    }
                    if (session.cache() != null) {
                        caches.add(session.cache());
                    }
                }
            } catch (RuntimeException e) {
                throw new AssertionError(context + ": " + e + "; server log:\n" + ServerProcess.errorsOf(errors), e);
            } finally {
                server.kill();
            }
        }
        System.out.println("crash test: " + verified + " SIGKILL cycles recovered with zero loss, "
                + witnessed.acknowledged() + " acknowledged changes checked (seed " + seed + ")");
        assertEquals(cycles, verified);
        assertTrue(witnessed.acknowledged() > cycles, "the load acknowledged almost nothing: " + witnessed.acknowledged());
    }

    /** The second mailbox of the load, and the UIDVALIDITY of each, which must never change. */
    private static void setUp(int port, Map<String, Long> uidValidities) {
        try (TcpSessions sessions = TcpSessions.connectTo("127.0.0.1", port, Duration.ofSeconds(20))) {
            sessions.connect("check");
            send(sessions, "l", "LOGIN " + ServerProcess.USER + " " + ServerProcess.PASSWORD);
            assertTrue(Answers.isTaggedOk(send(sessions, "c", "CREATE " + LoadSession.OTHER), "c"));
            for (String mailbox : List.of(LoadSession.INBOX, LoadSession.OTHER)) {
                List<String> status = send(sessions, "s", "STATUS " + mailbox + " (UIDVALIDITY)");
                uidValidities.put(mailbox, Answers.statuses(status).getFirst().uidValidity().orElseThrow());
            }
        }
    }

    private static void verify(int port, Witnessed witnessed, Map<String, Long> uidValidities,
            List<ClientCache> caches, String context) {
        try (TcpSessions sessions = TcpSessions.connectTo("127.0.0.1", port, Duration.ofSeconds(20))) {
            sessions.connect("check");
            send(sessions, "l", "LOGIN " + ServerProcess.USER + " " + ServerProcess.PASSWORD);
            send(sessions, "e", "ENABLE QRESYNC");
            Map<Long, Set<Flag>> inbox = null;
            for (String name : List.of(LoadSession.INBOX, LoadSession.OTHER)) {
                Map<Long, Set<Flag>> flags = verifyMailbox(sessions, name, witnessed.mailbox(name),
                        uidValidities.get(name), context);
                if (name.equals(LoadSession.INBOX)) {
                    inbox = flags;
                }
            }
            int client = 0;
            for (ClientCache cache : caches) {
                sessions.connect("client" + client);
                send(sessions, "client" + client, "l", "LOGIN " + ServerProcess.USER + " " + ServerProcess.PASSWORD);
                send(sessions, "client" + client, "e", "ENABLE QRESYNC");
                String known = cache.messages().isEmpty() ? ""
                        : " " + NumberSet.of(cache.messages().keySet().stream().map(Uid::value).toList()).toWire();
                List<String> select = send(sessions, "client" + client, "q", "SELECT " + LoadSession.INBOX + " (QRESYNC ("
                        + cache.uidValidity().orElseThrow().value() + " " + cache.highestModSeq().orElseThrow().value()
                        + known + "))");
                assertTrue(Answers.isTaggedOk(select, "q"), context + ": " + select.getLast());
                TreeMap<Long, Set<Flag>> resynced = new TreeMap<>();
                cache.messages().forEach((uid, f) -> resynced.put(uid.value(), f));
                Answers.vanished(select).forEach(resynced::remove);
                for (Answers.Fetched f : Answers.fetches(select)) {
                    resynced.put(f.uid(), f.flags().orElseThrow());
                }
                // Known-uids limits the report to those UIDs (R69): new ones are found by UID range,
                // as RFC 7162 section 6 has a client do. "n:*" includes the highest UID even below n.
                long knownMax = cache.messages().isEmpty() ? 0 : cache.messages().lastKey().value();
                for (Answers.Fetched f : Answers.fetches(send(sessions, "client" + client, "n",
                        "UID FETCH " + (knownMax + 1) + ":* (FLAGS)"))) {
                    if (f.uid() > knownMax) {
                        resynced.put(f.uid(), f.flags().orElseThrow());
                    }
                }
                assertEquals(new TreeMap<>(inbox), resynced, context + ": client " + client + "'s cache ("
                        + cache.describe() + ") after QRESYNC differs from the mailbox");
                client++;
            }
        }
    }

    /** Checks one mailbox against what was witnessed; returns its flags by UID. */
    private static Map<Long, Set<Flag>> verifyMailbox(TcpSessions sessions, String name, Witnessed.Mailbox seen,
            long uidValidity, String context) {
        List<String> select = send(sessions, "s", "SELECT " + name);
        String where = context + "; mailbox " + name;
        assertEquals(uidValidity, Answers.uidValidity(select).orElseThrow(), where + ": UIDVALIDITY changed");
        long uidNext = Answers.uidNext(select).orElseThrow();
        long highest = Answers.highestModSeqs(select).stream().mapToLong(Long::longValue).max().orElseThrow();
        List<String> all = send(sessions, "f", "UID FETCH 1:* (FLAGS MODSEQ BODY.PEEK[HEADER.FIELDS (X-Marker)])");
        List<String> history = send(sessions, "v", "UID FETCH 1:* (FLAGS) (CHANGEDSINCE 1 VANISHED)");
        Set<Long> vanished = Answers.vanished(history);
        Map<Long, Answers.Fetched> live = new HashMap<>();
        for (Answers.Fetched f : Answers.fetches(all)) {
            live.put(f.uid(), f);
        }
        // The load has ended (its threads were joined): what it witnessed holds still.
        assertTrue(highest >= seen.highestModSeq, where + ": HIGHESTMODSEQ " + highest
                + " is below the " + seen.highestModSeq + " a client was shown");
        assertTrue(uidNext >= seen.uidNext, where + ": UIDNEXT " + uidNext + " is below the " + seen.uidNext
                + " a client was shown");
        for (Map.Entry<Long, String> added : seen.added.entrySet()) {
            long uid = added.getKey();
            Answers.Fetched now = live.get(uid);
            assertTrue(now != null || vanished.contains(uid), where + ": acknowledged UID " + uid
                    + " is neither there nor in the expunge history: lost");
            if (now != null && added.getValue() != null) {
                assertEquals(added.getValue(), now.marker().orElse(null), where + ": UID " + uid
                        + " holds another message than the one acknowledged: a UID was reused");
            }
        }
        for (Map.Entry<Long, Long> modSeq : seen.modSeqs.entrySet()) {
            Answers.Fetched now = live.get(modSeq.getKey());
            if (now != null) {
                assertTrue(now.modSeq().orElseThrow() >= modSeq.getValue(), where + ": UID " + modSeq.getKey()
                        + " has MODSEQ " + now.modSeq().get() + ", below the " + modSeq.getValue()
                        + " a client was shown");
            }
        }
        for (Map.Entry<Long, Witnessed.StoreAck> store : seen.stores.entrySet()) {
            Answers.Fetched now = live.get(store.getKey());
            if (now == null) {
                assertTrue(vanished.contains(store.getKey()), where + ": stored-on UID " + store.getKey() + " lost");
            } else if (now.modSeq().orElseThrow() == store.getValue().modSeq()) {
                assertEquals(store.getValue().flags(), now.flags().orElseThrow(), where + ": UID "
                        + store.getKey() + " at MODSEQ " + store.getValue().modSeq() + " lost its acknowledged STORE");
            }
        }
        for (long uid : seen.expunged) {
            assertTrue(!live.containsKey(uid), where + ": UID " + uid + " was reported expunged and is back");
        }
        Map<Long, Set<Flag>> flags = new HashMap<>();
        for (Answers.Fetched f : live.values()) {
            assertTrue(f.uid() < uidNext, where + ": UID " + f.uid() + " at or above UIDNEXT " + uidNext);
            assertTrue(f.modSeq().orElseThrow() <= highest, where + ": MODSEQ above HIGHESTMODSEQ");
            flags.put(f.uid(), f.flags().orElseThrow());
        }
        return flags;
    }

    private static List<String> send(TcpSessions sessions, String tag, String line) {
        return send(sessions, "check", tag, line);
    }

    private static List<String> send(TcpSessions sessions, String id, String tag, String line) {
        Command command;
        try {
            command = CommandParser.parse(tag + " " + line).command();
        } catch (CommandSyntaxException e) {
            throw new AssertionError(e);
        }
        return sessions.send(id, tag, command);
    }
}
