package org.modseq.reference.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code modseq} command line: one entry point, one subcommand per job. */
@Command(name = "modseq", mixinStandardHelpOptions = true, version = "modseq 0.1.0",
        description = "Executable specification and reference server for IMAP CONDSTORE and QRESYNC (RFC 7162).",
        subcommands = {TranscriptCommand.class})
public final class ModseqCommand implements Callable<Integer> {

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

    /** Runs the command line and returns its exit code: 0 done, 2 bad usage. */
    public static int run(String... args) {
        return new CommandLine(new ModseqCommand()).execute(args);
    }
}
