package org.modseq.reference.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.modseq.reference.auth.HashCost;
import org.modseq.reference.auth.PasswordHash;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code modseq hash-password}: reads a password from standard input (its first line) and prints
 * its salted Argon2id hash, ready for a users file: {@code name:} and the printed line. The password
 * is read from standard input, not the command line, so that it stays out of the shell history and
 * the process list.
 */
@Command(name = "hash-password", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Read a password from standard input (the first line) and print its salted Argon2id hash,"
                    + " {ARGON2ID}$argon2id$..., for a users file line name:HASH.",
            "",
            "Example: printf '%s\\n' 's3cret' | modseq hash-password"
        })
public final class HashPasswordCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--memory", paramLabel = "KIB", defaultValue = "" + 19 * 1024,
            description = "Argon2id memory in KiB (default: ${DEFAULT-VALUE}, OWASP's first setting).")
    private int memoryKiB;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "2",
            description = "Argon2id passes over the memory (default: ${DEFAULT-VALUE}).")
    private int iterations;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "1",
            description = "Argon2id lanes (default: ${DEFAULT-VALUE}).")
    private int parallelism;

    /** Where the password is read from; standard input but in tests. */
    InputStream in = System.in;

    @Override
    public Integer call() throws CommandFailure {
        HashCost cost;
        try {
            cost = new HashCost(memoryKiB, iterations, parallelism);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid Argon2id cost: " + e.getMessage(), e);
        }
        String password = readPassword();
        if (password.isEmpty()) {
            throw new CommandFailure("no password to hash: give it as the first line of standard input");
        }
        // A client sends it as an IMAP string (RFC 3501 §6.2.3), which cannot hold CR, LF or NUL.
        if (password.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new CommandFailure("cannot hash this password: it holds control characters");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(PasswordHash.SCHEME + PasswordHash.of(password, cost).toPhc());
        out.flush();
        return 0;
    }

    /** The first line of the input without its line end; a password may hold spaces at either end. */
    private String readPassword() throws CommandFailure {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = reader.readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new CommandFailure("cannot read the password from standard input: " + e.getMessage(), e);
        }
    }
}
