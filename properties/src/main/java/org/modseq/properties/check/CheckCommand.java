package org.modseq.properties.check;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.modseq.model.judge.ServerSetup;
import org.modseq.model.judge.Violation;
import org.modseq.model.server.Server;
import org.modseq.properties.engine.Settings;
import org.modseq.reference.cli.Account;
import org.modseq.reference.cli.CommandFailure;
import org.modseq.reference.cli.ModseqCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code modseq-check}: points the judge at an IMAP server and says whether it conforms to
 * RFC 7162, and if not, shows the minimal scenario that proves it.
 */
@Command(name = "modseq-check", mixinStandardHelpOptions = true, sortOptions = false,
        version = "modseq-check " + Server.VERSION,
        description = {
            "Check an IMAP server's CONDSTORE and QRESYNC (RFC 7162) against Modseq's judge.",
            "",
            "Runs random scenarios of two or three connections (every CONDSTORE/QRESYNC command, connection"
                    + " drops and QRESYNC resyncs), judges every response, and on the first violation shrinks"
                    + " the scenario and prints the minimal transcript, the rule broken and the seed to replay it.",
            "The scenarios work only in mailboxes named modseq-check-* that they create and delete; INBOX is"
                    + " never touched.",
            "",
            "Exit codes: 0 the server conforms (apart from the known deviations acknowledged with --known),"
                    + " 1 it does not (or hangs, or drops a connection), 2 bad arguments or a server that cannot be"
                    + " checked (unreachable, LOGIN refused, no QRESYNC), 3 an internal error of the checker.",
            ""
        })
public final class CheckCommand implements Callable<Integer> {

    /** Exit code: every scenario's every answer was permitted. */
    public static final int EXIT_CONFORMS = 0;
    /** Exit code: a violation, a hang or a lost connection. */
    public static final int EXIT_FAILS = 1;
    /** Exit code: bad arguments, or a server that cannot be checked. */
    public static final int EXIT_USAGE = ModseqCommand.EXIT_USAGE;
    /** Exit code: the checker failed on its own. */
    public static final int EXIT_INTERNAL = 3;

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The server's host name or address (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", paramLabel = "PORT", required = true,
            description = "The server's IMAP port (plain text; no TLS).")
    private int port;

    @Option(names = "--user", paramLabel = "NAME", required = true,
            description = "The account sessions A and B log in as.")
    private String user;

    @Option(names = "--password", paramLabel = "PASSWORD", required = true, description = "Its password.")
    private String password;

    @Option(names = "--user2", paramLabel = "NAME",
            description = "Another account, for session C (default: --user for all three sessions).")
    private String user2;

    @Option(names = "--password2", paramLabel = "PASSWORD", description = "Its password.")
    private String password2;

    @Option(names = "--tries", paramLabel = "N", defaultValue = "" + CheckOptions.DEFAULT_TRIES,
            description = "Scenarios to run (default: ${DEFAULT-VALUE}).")
    private int tries;

    @Option(names = "--steps", paramLabel = "M", defaultValue = "" + CheckOptions.DEFAULT_MAX_STEPS,
            description = "The longest scenario, in steps (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--seed", paramLabel = "S",
            description = "The first scenario's seed, 0x... or decimal, as a report prints it (default: random).")
    private String seed;

    @Option(names = "--setup", paramLabel = "per-user|shared", defaultValue = "per-user",
            description = "per-user: each account has mailboxes of its own (most servers); shared: all accounts"
                    + " see the same mailboxes (default: ${DEFAULT-VALUE}).")
    private String setup;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for a connection or an answer before calling it a hang"
                    + " (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Option(names = "--shrink-time", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long shrinking a failing scenario may take (default: ${DEFAULT-VALUE}).")
    private int shrinkSeconds;

    @Option(names = "--known", paramLabel = "RULE", split = ",",
            description = "Rules the server is known to break, as violations name them: requirement IDs (R16) or"
                    + " RFC sections (RFC3501-6.4.4 for 'RFC 3501 §6.4.4'); BYE for a server that may close a"
                    + " connection with BYE in mid-scenario. A violation of one ends its scenario and"
                    + " is reported as a known deviation, counted and shown with its first transcript; the check"
                    + " goes on, and exits 0 when it found nothing else.")
    private List<String> known = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
    private Path json;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the report as JUnit XML to FILE.")
    private Path junit;

    @Option(names = "--quiet", description = "No progress on stderr.")
    private boolean quiet;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line: its exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** As {@link #run(String...)}, writing to {@code out} and {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    private static CommandLine commandLine() {
        return ModseqCommand.withOneLineErrors(new CommandLine(new CheckCommand()), EXIT_INTERNAL);
    }

    @Override
    public Integer call() throws CommandFailure {
        CheckTarget target = CheckTarget.tcp(host, port, Duration.ofSeconds(timeoutSeconds), account(user, password,
                "--user"), secondAccount(), serverSetup());
        CheckOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StderrProgress progress = new StderrProgress(err, System.console() != null && !quiet);
        CheckReport report;
        try {
            report = Checker.run(target, options, quiet ? CheckProgress.SILENT : progress);
        } catch (UnusableTargetException e) {
            // CI reads the reports: they say why there is no verdict.
            if (json != null) {
                write(json, "--json", JsonReport.unusable(target.name(), e.getMessage()));
            }
            if (junit != null) {
                write(junit, "--junit", JunitReport.unusable(target.name(), e.getMessage()));
            }
            throw new CommandFailure(e.getMessage(), e);
        } finally {
            progress.finish();
        }
        Optional<String> replay = report instanceof CheckReport.Fails f ? Optional.of(replayCommand(f))
                : Optional.empty();
        out.print(text(report, replay));
        out.flush();
        if (json != null) {
            write(json, "--json", JsonReport.of(report, replay));
        }
        if (junit != null) {
            write(junit, "--junit", JunitReport.of(report, replay));
        }
        return report.conforms() ? EXIT_CONFORMS : EXIT_FAILS;
    }

    private CheckOptions options() {
        if (port < 1 || port > 65_535) {
            throw usage("--port must be between 1 and 65535, not " + port);
        }
        if (tries < 1 || steps < 1) {
            throw usage("--tries and --steps must be at least 1");
        }
        if (timeoutSeconds < 1 || shrinkSeconds < 0) {
            throw usage("--timeout must be at least 1 second and --shrink-time not negative");
        }
        CheckOptions options = CheckOptions.defaults().withTries(tries).withMaxSteps(steps)
                .withMaxShrinkTime(Duration.ofSeconds(shrinkSeconds));
        try {
            options = options.withKnown(KnownRules.of(known));
        } catch (IllegalArgumentException e) {
            throw usage("--known: " + e.getMessage());
        }
        if (seed != null) {
            try {
                options = options.withSeed(Settings.parseSeed(seed));
            } catch (IllegalArgumentException e) {
                throw usage("--seed must be 0x followed by hex digits, or a decimal number, not '" + seed + "'");
            }
        }
        return options;
    }

    private Optional<Account> secondAccount() {
        if ((user2 == null) != (password2 == null)) {
            throw usage("--user2 and --password2 go together");
        }
        return user2 == null ? Optional.empty() : Optional.of(account(user2, password2, "--user2"));
    }

    private Account account(String name, String secret, String option) {
        try {
            return new Account(name, secret);
        } catch (IllegalArgumentException e) {
            throw usage(option + ": " + e.getMessage());
        }
    }

    private ServerSetup serverSetup() {
        return switch (setup) {
            case "per-user" -> ServerSetup.PER_USER_MAILBOXES;
            case "shared" -> ServerSetup.shared(Set.of());
            default -> throw usage("--setup must be per-user or shared, not '" + setup + "'");
        };
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private static void write(Path file, String option, String content) throws CommandFailure {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandFailure("cannot write the " + option + " report to " + file + ": " + e, e);
        }
    }

    /** What the user reads on stdout: the verdict, and for a failure the transcript, the rule, the seed and the replay. */
    static String text(CheckReport report, Optional<String> replay) {
        StringBuilder out = new StringBuilder();
        String seconds = String.format(Locale.ROOT, "%.1f s", report.elapsed().toMillis() / 1000.0);
        switch (report) {
            case CheckReport.Conforms c -> out.append(c.target())
                    .append(c.known().isEmpty() ? " conforms: " : " conforms apart from known deviations: ")
                    .append(c.triesRun()).append(c.triesRun() == 1 ? " scenario, " : " scenarios, ").append(c.steps())
                    .append(" steps, ").append(seconds).append(" (first seed ").append(Settings.formatSeed(c.firstSeed()))
                    .append(")\n");
            case CheckReport.Fails f -> {
                out.append(f.target()).append(" does not conform to RFC 7162 (scenario ").append(f.triesRun())
                        .append(", ").append(seconds).append(").\n\n");
                out.append("Minimal scenario (").append(f.minimalSteps()).append(" steps, shrunk from ")
                        .append(f.originalSteps()).append(" in ").append(f.shrinkReplays()).append(" replays):\n");
                out.append(f.transcriptText()).append('\n');
                switch (f.finding()) {
                    case Finding.Violated v -> {
                        Violation x = v.violation();
                        out.append("Violated: ").append(x.rule()).append('\n');
                        out.append("  at event ").append(x.event()).append(" (").append(x.connection()).append(": ")
                                .append(x.command().replace("\r\n", "\\r\\n")).append(')');
                        if (x.line() >= 0) {
                            out.append(", line ").append(x.line() + 1).append(": ")
                                    .append(x.lineText().replace("\r\n", "\\r\\n"));
                        }
                        out.append("\n  reason: ").append(x.reason()).append('\n');
                    }
                    case Finding.NoAnswer n -> out.append("Failed: ").append(n.describe()).append('\n');
                    case Finding.ClosedAfterBye c -> out.append("Failed: ").append(c.describe())
                            .append("\n  (--known BYE accepts this of a server that means it)\n");
                    case Finding.ConnectionLost l -> out.append("Failed: ").append(l.describe()).append('\n');
                }
                out.append("Seed: ").append(f.seedText()).append('\n');
                replay.ifPresent(r -> out.append("Replay: ").append(r).append('\n'));
            }
        }
        for (KnownDeviation k : report.known()) {
            out.append(knownText(k));
        }
        return out.toString();
    }

    /** Events of a known deviation's transcript shown: the scenario is not shrunk, so its end. */
    static final int KNOWN_EVENTS_SHOWN = 12;

    /** A known deviation: its rule, how many scenarios it ended, the first violation and the end of its transcript. */
    static String knownText(KnownDeviation k) {
        String name = k.first() instanceof Finding.Violated v ? v.violation().rule().toString() : k.rule();
        StringBuilder out = new StringBuilder("\nKnown deviation ").append(name).append(": ended ")
                .append(k.scenarios()).append(k.scenarios() == 1 ? " scenario" : " scenarios")
                .append("; the first (seed ").append(Settings.formatSeed(k.firstSeed())).append("):\n");
        int from = Math.max(0, k.transcript().size() - KNOWN_EVENTS_SHOWN);
        if (from > 0) {
            out.append("  (events 0-").append(from - 1).append(" left out)\n");
        }
        out.append(CheckReport.transcriptText(k.transcript(), from));
        if (!(k.first() instanceof Finding.Violated v)) {
            return out.append("  ").append(k.first().describe()).append('\n').toString();
        }
        Violation x = v.violation();
        out.append("  at event ").append(x.event());
        if (x.line() >= 0) {
            out.append(", line ").append(x.line() + 1).append(": ").append(x.lineText().replace("\r\n", "\\r\\n"));
        }
        return out.append("\n  reason: ").append(x.reason()).append('\n').toString();
    }

    /** The command line that runs the failing scenario again first: these options, that seed, one try. */
    private String replayCommand(CheckReport.Fails fails) {
        List<String> words = new ArrayList<>(launcher());
        words.addAll(List.of("--host", host, "--port", String.valueOf(port), "--user", user, "--password", password));
        if (user2 != null) {
            words.addAll(List.of("--user2", user2, "--password2", password2));
        }
        words.addAll(List.of("--setup", setup, "--steps", String.valueOf(steps), "--timeout",
                String.valueOf(timeoutSeconds), "--seed", fails.seedText(), "--tries", "1"));
        if (!known.isEmpty()) {
            words.addAll(List.of("--known", String.join(",", known)));
        }
        return String.join(" ", words.stream().map(CheckCommand::shellWord).toList());
    }

    /** How this checker was started: {@code java -jar <its jar>}, or its name when not from a jar. */
    private static List<String> launcher() {
        try {
            Path location = Path.of(CheckCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (location.toString().endsWith(".jar")) {
                return List.of("java", "-jar", location.toString());
            }
        } catch (Exception e) {
            // No code source to name (a custom class loader): fall back to the command's name.
        }
        return List.of("modseq-check");
    }

    private static String shellWord(String word) {
        return SHELL_SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * Progress on stderr: one line rewritten in place on a terminal, a line per tenth of the
     * scenarios otherwise (CI logs).
     */
    static final class StderrProgress implements CheckProgress {
        private final PrintWriter err;
        private final boolean inPlace;
        private long lastPrinted;
        private int lastTenth;
        private boolean lineOpen;

        StderrProgress(PrintWriter err, boolean inPlace) {
            this.err = err;
            this.inPlace = inPlace;
        }

        @Override
        public void scenarioStarted(int tryNumber, int tries, long steps, Duration elapsed) {
            String line = String.format(Locale.ROOT, "scenario %d/%d, %d steps, %.1f s", tryNumber, tries, steps,
                    elapsed.toMillis() / 1000.0);
            int tenth = tryNumber * 10 / tries;
            if (inPlace) {
                show(line, tryNumber == 1 || tryNumber == tries);
            } else if (tryNumber == 1 || tenth > lastTenth) {
                lastTenth = tenth;
                err.println(line);
                err.flush();
            }
        }

        @Override
        public void shrinkReplayStarted(int replay, Finding finding, Duration elapsed) {
            if (replay == 1) {
                finish();
                err.println("found: " + finding.kind() + "; shrinking the scenario (replaying shorter ones)");
                err.flush();
            }
            String line = String.format(Locale.ROOT, "shrinking: replay %d, %.1f s", replay, elapsed.toMillis() / 1000.0);
            if (inPlace) {
                show(line, false);
            } else if (replay % 100 == 0) {
                err.println(line);
                err.flush();
            }
        }

        private void show(String line, boolean always) {
            long now = System.nanoTime();
            if (always || now - lastPrinted > 200_000_000L) {
                lastPrinted = now;
                err.print("\r" + line + "\u001b[K");
                err.flush();
                lineOpen = true;
            }
        }

        void finish() {
            if (lineOpen) {
                err.println();
                err.flush();
                lineOpen = false;
            }
        }
    }
}
