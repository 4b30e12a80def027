package org.modseq.benchmarks.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modseq.model.server.ServerChoices;
import org.modseq.reference.engine.StoreEngine;
import org.modseq.reference.net.ImapServer;
import org.modseq.reference.net.ServerConfig;

/** The load driver against the reference server on loopback, with tiny sizes: it must see every change. */
class LoadDriverTest {

    @TempDir
    Path dir;

    private ImapServer server;

    @BeforeEach
    void start() throws IOException {
        server = ImapServer.start(StoreEngine.create(ServerChoices.RFC_DEFAULTS, Map.of("load", "pw")),
                ServerConfig.defaults().withPort(0));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void resyncReportsExactlyTheChangesAndExpungesOfTheOtherConnection() throws IOException {
        Path results = dir.resolve("results.jsonl");
        StringWriter out = new StringWriter();
        int exit = LoadDriver.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "--port", String.valueOf(server.port()), "--user", "load", "--password", "pw", "--label", "modseq",
                "--messages", "60,120", "--changes", "20", "--repeats", "2", "--seconds", "0.3",
                "--connections", "2", "--pipeline", "4", "--out", results.toString());
        assertEquals(0, exit, out.toString());
        List<String> lines = Files.readAllLines(results);
        assertEquals(2, lines.size(), lines.toString());
        for (String line : lines) {
            // 20 flag changes and 2 expunges: QRESYNC must name all of them, nothing else (RFC 7162 §3.2.5).
            assertTrue(line.contains("\"changes\":20,\"expunges\":2"), line);
            assertTrue(line.contains("\"fetchedPerResync\":20,\"vanishedPerResync\":2"), line);
            assertTrue(line.contains("\"storePerSecond\":"), line);
        }
        assertTrue(lines.get(0).startsWith("{\"label\":\"modseq\",\"messages\":60,"), lines.get(0));
        assertTrue(out.toString().contains("modseq n=120 k=20 expunges=2"), out.toString());
    }

    @Test
    void unreachableServerIsAUsageErrorInOneLine() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        StringWriter err = new StringWriter();
        int exit = LoadDriver.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "--port", String.valueOf(port));
        assertEquals(LoadDriver.EXIT_USAGE, exit);
        assertTrue(err.toString().startsWith("load: cannot reach 127.0.0.1:" + port), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    @Test
    void tooManyChangesForTheMailboxAreRefusedClearly() {
        StringWriter err = new StringWriter();
        int exit = LoadDriver.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "--port", String.valueOf(server.port()), "--user", "load", "--password", "pw",
                "--messages", "5", "--changes", "10");
        assertEquals(LoadDriver.EXIT_USAGE, exit);
        assertTrue(err.toString().contains("need at least that many messages, not 5"), err.toString());
    }

    @Test
    void wrongFlagIsAUsageError() {
        StringWriter err = new StringWriter();
        assertEquals(LoadDriver.EXIT_USAGE, LoadDriver.run(new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true), "--nope"));
        assertTrue(err.toString().startsWith("load: Unknown option: '--nope'"), err.toString());
    }
}
