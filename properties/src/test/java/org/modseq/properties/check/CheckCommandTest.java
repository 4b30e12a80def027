package org.modseq.properties.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modseq.model.server.ServerChoices;
import org.modseq.reference.fault.RewritingEngine;
import org.modseq.reference.net.ImapServer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code modseq-check} as a user runs it: exit code 0 for a conforming server, 1 for a faulty
 * one with the transcript, rule, seed and replay command, 2 with one line and no stack trace for
 * bad arguments and servers that cannot be checked; JSON and JUnit XML reports that parse.
 */
class CheckCommandTest {

    @TempDir
    Path dir;

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CheckCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static List<String> args(ImapServer server, String... more) {
        List<String> args = new ArrayList<>(List.of("--port", String.valueOf(server.port()), "--user", "alice",
                "--password", "alice-pw", "--user2", "bob", "--password2", "bob-pw", "--quiet"));
        args.addAll(List.of(more));
        return args;
    }

    private static void assertOneLineError(Run run, String start) {
        assertEquals(CheckCommand.EXIT_USAGE, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("modseq-check: " + start), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void badArgumentsExitWithTwo() {
        assertOneLineError(run(), "Missing required options");
        assertOneLineError(run("--port", "143", "--user", "a", "--password", "b", "--seed", "xyz"), "--seed must be");
        assertOneLineError(run("--port", "143", "--user", "a", "--password", "b", "--user2", "c"),
                "--user2 and --password2 go together");
        assertOneLineError(run("--port", "143", "--user", "a", "--password", "b", "--setup", "both"), "--setup must be");
        assertOneLineError(run("--port", "0", "--user", "a", "--password", "b"), "--port must be");
        assertOneLineError(run("--port", "143", "--user", "a", "--password", "b", "--tries", "0"), "--tries and");
        assertOneLineError(run("--port", "x", "--user", "a", "--password", "b"), "Invalid value");
        assertOneLineError(run("--port", "143", "--user", "a", "--password", "b", "--known", "R16,nonsense"),
                "--known: not a rule: 'nonsense'");
        assertOneLineError(run("--port", "143", "--user", "a", "--password", "b", "--known", "R999"),
                "--known: not a requirement ID");
    }

    /** A fault acknowledged with --known: exit 0, the deviation counted and shown; unacknowledged, exit 1. */
    @Test
    void aKnownDeviationExitsWithZeroAndIsShown() throws Exception {
        Path json = dir.resolve("report.json");
        try (ImapServer server = ReferenceServers.serve(new RewritingEngine(
                ReferenceServers.perUser(ServerChoices.RFC_DEFAULTS), ReferenceServers::withoutStoreFetches))) {
            Run run = run(args(server, "--tries", "20", "--seed", "0x5eedc0de", "--known", "R16,RFC3501-6.4.6",
                    "--json", json.toString()).toArray(String[]::new));
            assertEquals(CheckCommand.EXIT_CONFORMS, run.exitCode(), run.out() + run.err());
            assertTrue(run.out().startsWith("127.0.0.1:" + server.port() + " conforms apart from known deviations: 20"
                    + " scenarios"), run.out());
            assertTrue(run.out().contains("Known deviation RFC 3501 §6.4.6: ended "), run.out());
            assertTrue(run.out().contains("  reason: STORE without .SILENT"), run.out());
            JsonNode report = new ObjectMapper().readTree(json.toFile());
            assertTrue(report.get("conforms").asBoolean());
            assertEquals("RFC 3501 §6.4.6", report.get("known").get(0).get("rule").asText());

            Run strict = run(args(server, "--tries", "20", "--seed", "0x5eedc0de", "--shrink-time", "0")
                    .toArray(String[]::new));
            assertEquals(CheckCommand.EXIT_FAILS, strict.exitCode(), strict.out() + strict.err());
            assertTrue(strict.out().contains("Violated: RFC 3501 §6.4.6"), strict.out());
        }
    }

    @Test
    void anUnreachableServerExitsWithTwo() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertOneLineError(run("--port", String.valueOf(port), "--user", "a", "--password", "b", "--timeout", "2"),
                "cannot connect to 127.0.0.1:" + port);
    }

    @Test
    void aWrongPasswordExitsWithTwoAndTheReportsSayWhy() throws Exception {
        Path json = dir.resolve("report.json");
        Path junit = dir.resolve("report.xml");
        String message = "LOGIN as alice refused by 127.0.0.1:";
        try (ImapServer server = ReferenceServers.serve(ReferenceServers.perUser(ServerChoices.RFC_DEFAULTS))) {
            message += server.port();
            assertOneLineError(run("--port", String.valueOf(server.port()), "--user", "alice", "--password", "nope",
                    "--json", json.toString(), "--junit", junit.toString()), message);
        }
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertFalse(report.get("conforms").asBoolean());
        assertTrue(report.get("error").asText().startsWith(message), report.toString());
        Element suite = junit(junit).getDocumentElement();
        assertEquals("1", suite.getAttribute("errors"));
        Element error = (Element) suite.getElementsByTagName("error").item(0);
        assertTrue(error.getAttribute("message").startsWith(message), error.getAttribute("message"));
    }

    @Test
    void theReferenceConformsWithExitZeroAndReportsSaySo() throws Exception {
        Path json = dir.resolve("report.json");
        Path junit = dir.resolve("report.xml");
        try (ImapServer server = ReferenceServers.serve(ReferenceServers.perUser(ServerChoices.HARDEST_ON_CLIENTS))) {
            Run run = run(args(server, "--tries", "20", "--json", json.toString(), "--junit", junit.toString())
                    .toArray(String[]::new));
            assertEquals(CheckCommand.EXIT_CONFORMS, run.exitCode(), run.out() + run.err());
            assertTrue(run.out().startsWith("127.0.0.1:" + server.port() + " conforms: 20 scenarios"), run.out());
            assertEquals("", run.err());
        }
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertTrue(report.get("conforms").asBoolean());
        assertEquals(20, report.get("triesRun").asInt());
        assertTrue(report.get("firstSeed").asText().startsWith("0x"));
        Element suite = junit(junit).getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals(1, suite.getElementsByTagName("testcase").getLength());
        assertEquals(0, suite.getElementsByTagName("failure").getLength());
    }

    @Test
    void aFaultyServerExitsWithOneAndTheReplayReproducesIt() throws Exception {
        Path json = dir.resolve("report.json");
        Path junit = dir.resolve("report.xml");
        Run run;
        try (ImapServer server = faultyServer()) {
            run = run(args(server, "--tries", "500", "--seed", "0x5eedc0de", "--shrink-time", "5", "--json", json.toString(),
                    "--junit", junit.toString()).toArray(String[]::new));
        }
        assertEquals(CheckCommand.EXIT_FAILS, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("does not conform to RFC 7162"), run.out());
        assertTrue(run.out().contains("Minimal scenario ("), run.out());
        assertTrue(run.out().contains("A: S: * OK"), run.out());
        assertTrue(run.out().contains("Violated: R"), run.out());
        assertTrue(run.out().contains("(RFC 7162 §"), run.out());
        assertTrue(run.out().contains("  reason: "), run.out());
        assertTrue(run.out().contains("Seed: 0x"), run.out());
        assertTrue(run.out().contains("Replay: modseq-check --host 127.0.0.1 --port "), run.out());

        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertFalse(report.get("conforms").asBoolean());
        String rule = report.get("finding").get("kind").asText();
        assertTrue(rule.matches("R\\d+"), rule);
        assertTrue(report.get("transcript").size() > 0);
        assertEquals("connect", report.get("transcript").get(0).get("type").asText());
        String seed = report.get("seed").asText();
        assertTrue(run.out().contains("Seed: " + seed), run.out());
        assertTrue(report.get("replay").asText().contains("--seed " + seed + " --tries 1"));

        Element suite = junit(junit).getDocumentElement();
        assertEquals("1", suite.getAttribute("failures"));
        Element failure = (Element) suite.getElementsByTagName("failure").item(0);
        assertEquals(rule, failure.getAttribute("type"));
        assertTrue(failure.getTextContent().contains("Minimal scenario (seed " + seed + ")"));

        try (ImapServer server = faultyServer()) {
            Run replay = run(args(server, "--seed", seed, "--tries", "1", "--shrink-time", "0").toArray(String[]::new));
            assertEquals(CheckCommand.EXIT_FAILS, replay.exitCode(), replay.out() + replay.err());
            assertTrue(replay.out().contains("Violated: " + rule + " "), replay.out());
            assertTrue(replay.out().contains("(scenario 1, "), replay.out());
        }
    }

    private static ImapServer faultyServer() {
        return ReferenceServers.serve(new RewritingEngine(ReferenceServers.perUser(ServerChoices.RFC_DEFAULTS),
                ReferenceServers::withoutVanishedEarlier));
    }

    private static Document junit(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Files.newInputStream(file));
    }
}
