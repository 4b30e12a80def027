package org.modseq.reference.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.modseq.reference.net.ImapServer;
import picocli.CommandLine;

/** {@code modseq serve}: its errors in-process, and a started server with the demo account. */
@Timeout(60)
class ServeCommandTest {

    @TempDir
    Path dir;

    /** The exit code and what the command wrote to standard output and standard error. */
    private record Run(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = ModseqCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void busyPortIsAOneLineError() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String port = String.valueOf(busy.getLocalPort());
            Run run = run("serve", "--in-memory", "--port", port, "--no-demo");
            assertEquals(2, run.exitCode(), run.err());
            assertEquals(List.of("modseq serve: cannot listen on 127.0.0.1:" + port
                    + ": address already in use (is another server running?)"), run.errLines());
        }
    }

    @Test
    void unknownPolicyNamesTheValidOnes() {
        Run run = run("serve", "--policy", "nope");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("unknown policy 'nope'; valid policies: rfc-defaults, hardest"), run.err());
    }

    @Test
    void unknownFaultNamesTheValidOnes() {
        Run run = run("serve", "--fault", "nope");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("unknown fault 'nope'; valid faults: vanished-misses-uids-above-highest-live, "),
                run.err());
        assertTrue(run.err().contains(", move-without-expunges"), run.err());
    }

    @Test
    void servesWithAFault() throws Exception {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--in-memory", "--port", "0", "--fault", "modseq-zero");
        StringWriter out = new StringWriter();
        try (ImapServer server = command.start(new PrintWriter(out, true))) {
            List<String> lines = out.toString().lines().toList();
            assertEquals("Modseq listening on 127.0.0.1:" + server.port()
                    + " (engine store, policy rfc-defaults, fault modseq-zero)", lines.get(0));
            assertEquals("Deliberately broken: FETCH responses carry MODSEQ (0) (R1)", lines.get(1));
            List<String> session = talk(server.port(), "a1 LOGIN demo demo", "a2 SELECT INBOX (CONDSTORE)",
                    "a3 FETCH 1 (MODSEQ)", "a4 LOGOUT");
            assertTrue(session.contains("* 1 FETCH (MODSEQ (0))"), session.toString());
        }
    }

    @Test
    void unknownEngineNamesTheValidOnes() {
        Run run = run("serve", "--engine", "fast");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("valid engines: store, model"), run.err());
    }

    @Test
    void badUserOptionIsAUsageError() {
        Run run = run("serve", "--user", "alice");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("expected NAME:PASSWORD"), run.err());
    }

    @Test
    void portOutOfRangeIsAUsageError() {
        Run run = run("serve", "--in-memory", "--port", "70000");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("'--port': must be from 0 to 65535"), run.err());
    }

    /** Issue 7: a bad limit is one line naming the option and what it takes, and exit code 2. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--max-line-length|100|at least 8192 octets (RFC 7162 section 4), not 100",
        "--max-line-length|lots|'lots' is not an int",
        "--max-literal-size|-5|must be from 0 to 1073741824 octets, not -5",
        "--max-literal-size|99999999999999|must be from 0 to 1073741824 octets",
        "--max-message-size|0|must be from 1 to 1073741824 octets, not 0",
        "--max-connections|0|must be at least 1, not 0",
        "--max-connections|99999999999|'99999999999' is not an int",
        "--max-connections-per-user|-1|must be at least 1, not -1",
        "--idle-timeout|0|0 is not a number of seconds from 1 to 2147483",
        "--idle-timeout|9999999999|is not a number of seconds from 1 to 2147483",
        "--write-timeout|-3|-3 is not a number of seconds from 1 to 2147483",
        "--write-timeout|1m|'1m' is not a long",
        "--login-timeout|0|0 is not a number of seconds from 1 to 2147483"})
    void badLimitIsAOneLineUsageError(String option, String value, String says) {
        Run run = run("serve", "--in-memory", "--port", "0", "--no-demo", option, value);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("option '" + option + "'"), run.err());
        assertTrue(run.err().contains(says), run.err());
    }

    @Test
    void badLineInUsersFileNamesFileAndLine() throws Exception {
        Path users = dir.resolve("users.txt");
        Files.writeString(users, "# accounts\nalice:pw\n\nbob\n");
        Run run = run("serve", "--in-memory", "--port", "0", "--users-file", users.toString());
        assertEquals(2, run.exitCode());
        assertEquals(List.of("modseq serve: users file " + users + " line 4: expected NAME:PASSWORD, found no ':'"),
                run.errLines());
    }

    @Test
    void missingUsersFileIsAOneLineError() {
        Path missing = dir.resolve("none.txt");
        Run run = run("serve", "--in-memory", "--port", "0", "--users-file", missing.toString());
        assertEquals(2, run.exitCode());
        assertEquals(List.of("modseq serve: cannot read users file " + missing + ": no such file"), run.errLines());
    }

    @Test
    void accountGivenTwiceIsAnError() {
        Run run = run("serve", "--in-memory", "--port", "0", "--no-demo", "--user", "alice:a", "--user", "alice:b");
        assertEquals(2, run.exitCode());
        assertEquals(List.of("modseq serve: account alice is given twice"), run.errLines());
    }

    @Test
    void helpSaysWhereMailboxesAreKept() {
        String help = run("serve", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("Mailboxes are kept in a data directory (--data, default ./modseq-data)"), help);
        assertTrue(help.contains("--in-memory"), help);
    }

    @Test
    void aDataDirectoryKeepsChangesAcrossRestartsAndTheDemoIsFilledOnce() throws Exception {
        Path data = dir.resolve("data");
        ServeCommand first = new ServeCommand();
        new CommandLine(first).parseArgs("--data", data.toString(), "--port", "0");
        StringWriter out = new StringWriter();
        try (ImapServer server = first.start(new PrintWriter(out, true))) {
            assertEquals("Mailboxes are kept in " + data.toAbsolutePath().normalize()
                    + " (new); each account has its own.", out.toString().lines().toList().get(2));
            List<String> session = talk(server.port(), "a1 LOGIN demo demo", "a2 SELECT INBOX",
                    "a3 STORE 4 +FLAGS (\\Answered)", "a4 CREATE Archive", "a5 LOGOUT");
            assertTrue(session.contains("a4 OK CREATE completed"), session.toString());
        } finally {
            first.closeDataDirectory();
        }
        ServeCommand second = new ServeCommand();
        new CommandLine(second).parseArgs("--data", data.toString(), "--port", "0");
        out = new StringWriter();
        try (ImapServer server = second.start(new PrintWriter(out, true))) {
            assertTrue(out.toString().contains(" (recovered "), out.toString());
            List<String> session = talk(server.port(), "b1 LOGIN demo demo", "b2 STATUS INBOX (MESSAGES HIGHESTMODSEQ)",
                    "b3 LIST \"\" Archive", "b4 LOGOUT");
            // Five demo messages, not ten: the demo is not appended again; the STORE kept its mod-sequence.
            assertTrue(session.contains("* STATUS INBOX (MESSAGES 5 HIGHESTMODSEQ 7)"), session.toString());
            assertTrue(session.stream().anyMatch(l -> l.startsWith("* LIST") && l.endsWith("Archive")), session.toString());
        } finally {
            second.closeDataDirectory();
        }
    }

    @Test
    void aDamagedJournalIsAOneLineRefusal() throws Exception {
        Path data = dir.resolve("data");
        ServeCommand first = new ServeCommand();
        new CommandLine(first).parseArgs("--data", data.toString(), "--port", "0");
        try (ImapServer server = first.start(new PrintWriter(new StringWriter(), true))) {
            talk(server.port(), "a1 LOGIN demo demo", "a2 SELECT INBOX", "a3 STORE 1:5 +FLAGS (x)", "a4 LOGOUT");
        } finally {
            first.closeDataDirectory();
        }
        Path journal = data.resolve("journal.log");
        byte[] octets = Files.readAllBytes(journal);
        octets[octets.length / 3] ^= 0x55; // inside an early record: good records follow it
        Files.write(journal, octets);
        Run run = run("serve", "--data", data.toString(), "--port", "0");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("modseq serve: " + journal + ": the record at offset "), run.err());
        assertTrue(run.err().contains("refusing to start"), run.err());
    }

    @Test
    void dataNeedsTheStoreEngineOnDisk() {
        Run run = run("serve", "--engine", "model", "--data", dir.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--data needs the store engine kept on disk"), run.err());
    }

    @Test
    void helpTellsWhoSeesWhichMailboxes() {
        Run run = run("serve", "--help");
        assertEquals(0, run.exitCode());
        String help = run.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("Each account has its own INBOX and mailboxes: accounts given with --user or"
                + " --users-file start with an empty INBOX, and only the demo account comes with sample messages."),
                help);
        assertTrue(help.contains("The model engine (--engine model) instead has ONE mailbox namespace shared by all"
                + " users"), help);
        assertTrue(run.out().contains("rfc-defaults, hardest"), run.out());
    }

    @Test
    void startsWithTheDemoAccountAndFiveMessages() throws Exception {
        Path users = dir.resolve("users.txt");
        Files.writeString(users, "# accounts\ncarol:secret:with:colons\n");
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--in-memory", "--port", "0", "--user", "alice:pw", "--users-file", users.toString(),
                "--policy", "hardest");
        StringWriter out = new StringWriter();
        try (ImapServer server = command.start(new PrintWriter(out, true))) {
            List<String> lines = out.toString().lines().toList();
            assertEquals("Modseq listening on 127.0.0.1:" + server.port() + " (engine store, policy hardest)",
                    lines.get(0));
            assertEquals("Log in with: demo / demo, or as alice, carol (passwords as given)", lines.get(1));
            assertEquals("Mailboxes are in memory only; each account has its own.", lines.get(2));

            List<String> session = talk(server.port(),
                    "a1 LOGIN demo demo", "a2 ENABLE QRESYNC", "a3 SELECT INBOX (CONDSTORE)",
                    "a4 FETCH 2 (FLAGS)", "a5 LOGOUT");
            assertTrue(session.contains("* 5 EXISTS"), session.toString());
            assertTrue(session.contains("a3 OK [READ-WRITE] SELECT completed"), session.toString());
            assertTrue(session.stream().anyMatch(line -> line.startsWith("* 2 FETCH (FLAGS (")
                    && line.contains("\\Seen") && line.contains("\\Answered")), session.toString());
            assertTrue(session.contains("a5 OK LOGOUT completed"), session.toString());
            assertEquals("c1 OK LOGIN completed", talk(server.port(), "c1 LOGIN carol secret:with:colons").getLast());
        }
    }

    @Test
    void onlyTheDemoAccountComesWithMessagesAndEachAccountListsItsOwnMailboxes() throws Exception {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--in-memory", "--port", "0", "--user", "alice:pw", "--user", "bob:pw");
        try (ImapServer server = command.start(new PrintWriter(new StringWriter(), true))) {
            List<String> demo = talk(server.port(), "d1 LOGIN demo demo", "d2 STATUS INBOX (MESSAGES)",
                    "d3 CREATE Demo/Notes", "d4 LIST \"\" *");
            assertEquals(List.of("* STATUS INBOX (MESSAGES 5)", "d2 OK STATUS completed"), demo.subList(2, 4));
            assertEquals(List.of("* LIST () \"/\" Demo/Notes", "* LIST () \"/\" INBOX", "d4 OK LIST completed"),
                    demo.subList(5, 8));
            List<String> alice = talk(server.port(), "a1 LOGIN alice pw", "a2 SELECT INBOX", "a3 LIST \"\" *",
                    "a4 SELECT Demo/Notes");
            assertTrue(alice.contains("* 0 EXISTS"), alice.toString());
            assertEquals(List.of("* LIST () \"/\" INBOX", "a3 OK LIST completed"),
                    alice.subList(alice.indexOf("* LIST () \"/\" INBOX"), alice.indexOf("a3 OK LIST completed") + 1));
            assertEquals("a4 NO [NONEXISTENT] No such mailbox", alice.getLast());
            assertEquals("b2 OK [APPENDUID 2 1] APPEND completed",
                    talk(server.port(), "b1 LOGIN bob pw", "b2 APPEND INBOX {1+}\r\nx").getLast());
            assertTrue(talk(server.port(), "a1 LOGIN alice pw", "a2 STATUS INBOX (MESSAGES)")
                    .contains("* STATUS INBOX (MESSAGES 0)"));
        }
    }

    @Test
    void theModelEngineSaysItsMailboxesAreShared() throws Exception {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--in-memory", "--port", "0", "--engine", "model", "--user", "alice:pw");
        StringWriter out = new StringWriter();
        try (ImapServer server = command.start(new PrintWriter(out, true))) {
            assertEquals("Mailboxes are in memory only, and shared by all users.", out.toString().lines().toList().get(2));
            assertTrue(talk(server.port(), "a1 LOGIN alice pw", "a2 STATUS INBOX (MESSAGES)")
                    .contains("* STATUS INBOX (MESSAGES 5)"));
        }
    }

    /** Sends the commands one at a time and returns every line the server sent, greeting included. */
    private static List<String> talk(int port, String... commands) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
            socket.setSoTimeout(5000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            lines.add(in.readLine());
            for (String command : commands) {
                out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                String tag = command.substring(0, command.indexOf(' ')) + " ";
                String line;
                do {
                    line = in.readLine();
                    if (line == null) {
                        return lines;
                    }
                    lines.add(line);
                } while (!line.startsWith(tag));
            }
        }
        return lines;
    }
}
