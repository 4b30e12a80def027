package org.modseq.reference.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import org.modseq.model.server.Outcome;
import org.modseq.model.server.Server;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.server.ServerState;
import org.modseq.model.wire.CommandParser;
import org.modseq.model.wire.CommandSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs a short two-session CONDSTORE/QRESYNC history through the model and prints it as an
 * RFC-style transcript ({@code A: C: ...}, {@code A: S: ...}).
 */
@Command(name = "transcript", mixinStandardHelpOptions = true,
        description = "Print the model's answers to a demo history of two sessions (CONDSTORE, QRESYNC, VANISHED).")
public final class TranscriptCommand implements Callable<Integer> {

    /** The demo: session A caches a mailbox, B changes it, A resynchronises. */
    static final String[][] DEMO = {
        {"A", "a1 LOGIN alex pw"},
        {"A", "a2 ENABLE QRESYNC"},
        {"A", "a3 APPEND INBOX (\\Seen) {5}\r\nHello"},
        {"A", "a4 APPEND INBOX () {5}\r\nWorld"},
        {"A", "a5 APPEND INBOX () {3}\r\nBye"},
        {"A", "a6 SELECT INBOX"},
        {"B", "b1 LOGIN bob pw"},
        {"B", "b2 SELECT INBOX"},
        {"B", "b3 STORE 2 +FLAGS (\\Flagged)"},
        {"B", "b4 STORE 3 +FLAGS (\\Deleted)"},
        {"B", "b5 EXPUNGE"},
        {"A", "a7 UID STORE 1 (UNCHANGEDSINCE 2) +FLAGS.SILENT (\\Answered)"},
        {"A", "a8 NOOP"},
        {"A", "a9 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 4 VANISHED)"},
        {"A", "a10 LOGOUT"},
        {"C", "c1 LOGIN alex pw"},
        {"C", "c2 ENABLE QRESYNC"},
        {"C", "c3 SELECT INBOX (QRESYNC (1 4 1:3))"},
    };

    @Option(names = "--hardest", description = "Use the server choices hardest on clients instead of the RFC's defaults.")
    private boolean hardest;

    @Override
    public Integer call() throws CommandSyntaxException {
        print(System.out, hardest ? ServerChoices.HARDEST_ON_CLIENTS : ServerChoices.RFC_DEFAULTS);
        return 0;
    }

    static void print(PrintStream out, ServerChoices choices) throws CommandSyntaxException {
        ServerState state = ServerState.initial(choices, Map.of("alex", "pw", "bob", "pw"));
        for (String[] step : DEMO) {
            String session = step[0];
            if (state.session(session).isEmpty()) {
                Outcome greeting = Server.connect(state, session);
                state = greeting.state();
                greeting.lines().forEach(line -> out.println(session + ": S: " + line));
            }
            CommandParser.Tagged command = CommandParser.parse(step[1]);
            out.println(session + ": C: " + step[1].replace("\r\n", "\\r\\n"));
            Outcome outcome = Server.execute(state, session, command.tag(), command.command());
            state = outcome.state();
            outcome.lines().forEach(line -> out.println(session + ": S: " + line.replace("\r\n", "\\r\\n")));
        }
    }
}
