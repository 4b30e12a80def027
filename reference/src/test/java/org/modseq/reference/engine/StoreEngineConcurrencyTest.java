package org.modseq.reference.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.modseq.model.command.Command;
import org.modseq.model.command.FetchItem;
import org.modseq.model.command.StatusItem;
import org.modseq.model.command.StoreAction;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.response.Response;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.set.SequenceSet;

/**
 * Connections on their own threads against one {@link StoreEngine}: the engine lock serialises
 * them, so every command completes, nothing is lost, and the counters come out exact.
 */
class StoreEngineConcurrencyTest {

    private static final int THREADS = 4;
    private static final int ROUNDS = 300;

    @Test
    void connectionsOnManyThreadsLoseNothing() throws Exception {
        StoreEngine engine = StoreEngine.create(ServerChoices.RFC_DEFAULTS, Map.of("u", "p"));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            done.add(pool.submit(() -> {
                Connection c = engine.open();
                ok(c.execute("a", new Command.Login("u", "p")));
                ok(c.execute("b", new Command.Enable(List.of("QRESYNC"))));
                ok(c.execute("c", new Command.Select("INBOX", false, Optional.empty())));
                for (int i = 0; i < ROUNDS; i++) {
                    ok(c.execute("d", new Command.Append("INBOX", Set.of(), "body " + i)));
                    ok(c.execute("e", new Command.Store(false, SequenceSet.parse("1:*"), Optional.empty(), StoreAction.ADD,
                            true, Set.of(Flag.SEEN))));
                    ok(c.execute("f", new Command.Fetch(true, SequenceSet.parse("1:*"), List.of(FetchItem.FLAGS),
                            Optional.of(ModSeq.of(1)), true)));
                    c.idleUpdates();
                }
                c.execute("g", new Command.Logout());
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        Connection check = engine.open();
        check.execute("a", new Command.Login("u", "p"));
        List<Response> status = check.execute("b", new Command.Status("INBOX", List.of(StatusItem.MESSAGES,
                StatusItem.UIDNEXT)));
        assertEquals("* STATUS INBOX (MESSAGES " + THREADS * ROUNDS + " UIDNEXT " + (THREADS * ROUNDS + 1) + ")",
                status.get(0).toWire());
    }

    private static void ok(List<Response> responses) {
        String last = responses.get(responses.size() - 1).toWire();
        assertTrue(last.split(" ")[1].equals("OK"), last);
    }
}
