package org.modseq.reference.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.modseq.reference.auth.PasswordHash;
import org.modseq.reference.net.ImapServer;
import org.modseq.reference.net.ImapTestClient;
import picocli.CommandLine;

/** {@code modseq hash-password}, and its hashes in a users file of {@code modseq serve}. */
@Timeout(60)
class HashPasswordCommandTest {

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run hash(String input, String... args) {
        HashPasswordCommand command = new HashPasswordCommand();
        command.in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ModseqCommand.withOneLineErrors(new CommandLine(command), ModseqCommand.EXIT_INTERNAL);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void printsASaltedHashOfTheFirstLine() {
        Run run = hash(" pass word \nsecond line\n", "--memory", "64", "--iterations", "1");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(1, lines.size(), run.out());
        assertTrue(lines.getFirst().startsWith("{ARGON2ID}$argon2id$v=19$m=64,t=1,p=1$"), run.out());
        assertTrue(PasswordHash.parse(lines.getFirst()).matches(" pass word "), "spaces are part of the password");
    }

    @Test
    void theDefaultCostIsTheServers() {
        Run run = hash("pw\r\n");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("{ARGON2ID}$argon2id$v=19$m=19456,t=2,p=1$"), run.out());
        assertTrue(PasswordHash.parse(run.out().strip()).matches("pw"), "the CR of a CRLF is not part of it");
    }

    @Test
    void noPasswordOrABadCostIsAOneLineError() {
        Run empty = hash("");
        assertEquals(2, empty.exitCode());
        assertEquals("hash-password: no password to hash: give it as the first line of standard input\n",
                empty.err().replace("\r\n", "\n"));
        Run cost = hash("pw\n", "--memory", "4");
        assertEquals(2, cost.exitCode());
        assertTrue(cost.err().contains("Invalid Argon2id cost: memory must be from 8 KiB per lane (8)"), cost.err());
    }

    @Test
    void aUsersFileMayHoldHashes() throws Exception {
        String hash = hash("s3cret\n", "--memory", "64", "--iterations", "1").out().strip();
        Path users = Files.writeString(dir.resolve("users"), "# hashed\nalice:" + hash + "\nbob:plain\n");
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--port", "0", "--no-demo", "--users-file", users.toString());
        try (ImapServer server = command.start(new PrintWriter(new StringWriter(), true));
                ImapTestClient alice = ImapTestClient.connect(server.port());
                ImapTestClient bob = ImapTestClient.connect(server.port())) {
            assertEquals("a1 NO [AUTHENTICATIONFAILED] Invalid credentials",
                    alice.command("a1", "LOGIN alice \"" + hash + "\"").getLast(), "the hash is not the password");
            alice.expectOk("a2", "LOGIN alice s3cret");
            bob.expectOk("b1", "LOGIN bob plain");
        }
    }

    @Test
    void aBadHashInAUsersFileNamesTheLine() throws Exception {
        Path users = Files.writeString(dir.resolve("users"), "alice:pw\nbob:{ARGON2ID}$argon2id$v=19$m=64\n");
        StringWriter err = new StringWriter();
        int exitCode = ModseqCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "serve", "--port", "0", "--no-demo", "--users-file", users.toString());
        assertEquals(2, exitCode);
        assertEquals("modseq serve: users file " + users + " line 2: an Argon2id hash has parameters, salt and hash"
                + " after $argon2id$v=19$", err.toString().strip());
    }

    @Test
    void theModelEngineTakesNoHashes() {
        String hash = hash("pw\n", "--memory", "64", "--iterations", "1").out().strip();
        StringWriter err = new StringWriter();
        int exitCode = ModseqCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "serve", "--port", "0", "--engine", "model", "--user", "alice:" + hash);
        assertEquals(2, exitCode);
        assertEquals("modseq serve: account alice has a password hash, and the model engine compares passwords in"
                + " plain text; use --engine store", err.toString().strip());
    }
}
