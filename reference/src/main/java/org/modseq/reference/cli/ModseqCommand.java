package org.modseq.reference.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.modseq.model.server.Server;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code modseq} command line: one entry point, one subcommand per job. */
@Command(name = "modseq", mixinStandardHelpOptions = true, version = "modseq " + Server.VERSION,
        description = "Executable specification and reference server for IMAP CONDSTORE and QRESYNC (RFC 7162).",
        subcommands = {ServeCommand.class, TranscriptCommand.class, HashPasswordCommand.class})
public final class ModseqCommand implements Callable<Integer> {

    /** Exit code of a usage error or a failure the user can fix ({@link CommandFailure}). */
    public static final int EXIT_USAGE = 2;

    /** Exit code of a bug: an exception no command expected. */
    public static final int EXIT_INTERNAL = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code: 0 done, 2 bad usage or a failure the user can fix. */
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

    /**
     * The command line with error handlers that print one line, never a stack trace: usage errors
     * and {@link CommandFailure} exit with {@link #EXIT_USAGE}, anything else with {@link #EXIT_INTERNAL}.
     */
    static CommandLine commandLine() {
        return withOneLineErrors(new CommandLine(new ModseqCommand()), EXIT_INTERNAL);
    }

    /**
     * Sets the error handlers of {@code commandLine} (this one's or another tool's built on the
     * same conventions): usage errors and {@link CommandFailure} print one line and exit with
     * {@link #EXIT_USAGE}; anything else prints one line and exits with {@code internalExitCode}.
     */
    public static CommandLine withOneLineErrors(CommandLine commandLine, int internalExitCode) {
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println(name(failed) + ": " + oneLine(e.getMessage()) + " (see "
                    + failed.getCommandSpec().qualifiedName() + " --help)");
            failed.getErr().flush();
            return EXIT_USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            if (e instanceof CommandFailure) {
                failed.getErr().println(name(failed) + ": " + oneLine(e.getMessage()));
                failed.getErr().flush();
                return EXIT_USAGE;
            }
            failed.getErr().println(name(failed) + ": internal error: " + oneLine(String.valueOf(e)));
            failed.getErr().flush();
            return internalExitCode;
        });
        return commandLine;
    }

    private static String name(CommandLine commandLine) {
        return commandLine.getCommandSpec().qualifiedName();
    }

    private static String oneLine(String message) {
        return String.valueOf(message).strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
