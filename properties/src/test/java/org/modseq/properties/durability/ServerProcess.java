package org.modseq.properties.durability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code modseq serve} on a data directory, in a JVM of its own, so that it can be killed as a
 * crash kills it: {@link Process#destroyForcibly()} is SIGKILL on Linux, no shutdown hook runs
 * and nothing is flushed. Its standard error (the recovery log lines) goes to a file kept for
 * failure reports.
 */
final class ServerProcess {

    static final String USER = "crash";
    static final String PASSWORD = "pw";
    private static final Pattern LISTENING = Pattern.compile("^Modseq listening on 127\\.0\\.0\\.1:(\\d+) ");

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the server on {@code data} and returns once it listens; {@code context} goes in a failure's message. */
    static ServerProcess start(Path data, Path errors, String context) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath(),
                "org.modseq.reference.cli.ModseqCommand", "serve", "--data", data.toString(), "--port", "0",
                "--no-demo", "--user", USER + ":" + PASSWORD));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(errors.toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the server: " + command, e);
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line = out.readLine();
            Matcher listening = line == null ? null : LISTENING.matcher(line);
            if (listening == null || !listening.find()) {
                process.destroyForcibly();
                throw new AssertionError(context + ": the server did not start (first line: " + line
                        + "); its errors:\n" + errorsOf(errors));
            }
            Thread drain = new Thread(() -> {
                try {
                    while (out.readLine() != null) {
                        // The rest of the banner; read so that the pipe never fills.
                    }
                } catch (IOException e) {
                    // The process is gone.
                }
            }, "server-stdout");
            drain.setDaemon(true);
            drain.start();
            return new ServerProcess(process, Integer.parseInt(listening.group(1)));
        } catch (IOException e) {
            process.destroyForcibly();
            throw new UncheckedIOException(e);
        }
    }

    /** The test's class path: surefire's own view of it when there is one (its booter jar hides it). */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    static String errorsOf(Path errors) {
        try {
            return Files.exists(errors) ? Files.readString(errors) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    int port() {
        return port;
    }

    /** SIGKILL, then waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the server did not die within 30 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while killing the server", e);
        }
    }
}
