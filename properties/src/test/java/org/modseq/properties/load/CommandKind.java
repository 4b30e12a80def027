package org.modseq.properties.load;

import java.util.EnumSet;
import java.util.Set;
import org.modseq.model.command.Command;
import org.modseq.model.command.SelectParameter;

/** The kinds of command whose latencies the load report keeps apart. */
enum CommandKind {
    LOGIN("LOGIN"),
    ENABLE("ENABLE QRESYNC"),
    CREATE("CREATE"),
    SELECT_QRESYNC("SELECT (QRESYNC ...)"),
    SELECT_CONDSTORE("SELECT (CONDSTORE)"),
    EXAMINE_QRESYNC("EXAMINE (QRESYNC ...)"),
    EXAMINE_CONDSTORE("EXAMINE (CONDSTORE)"),
    FETCH_CHANGEDSINCE("FETCH (CHANGEDSINCE n)"),
    UID_FETCH_CHANGEDSINCE("UID FETCH (CHANGEDSINCE n)"),
    UID_FETCH_VANISHED("UID FETCH (CHANGEDSINCE n VANISHED)"),
    FETCH("FETCH / UID FETCH"),
    STORE_UNCHANGEDSINCE("STORE (UNCHANGEDSINCE n)"),
    STORE("STORE"),
    APPEND("APPEND"),
    EXPUNGE("EXPUNGE"),
    UID_EXPUNGE("UID EXPUNGE"),
    NOOP("NOOP"),
    STATUS("STATUS (... HIGHESTMODSEQ)"),
    OTHER("other");

    /** What the workload is made of: a run that never sent one of these did not do its job. */
    static final Set<CommandKind> MIX = EnumSet.of(SELECT_QRESYNC, SELECT_CONDSTORE, EXAMINE_QRESYNC,
            FETCH_CHANGEDSINCE, UID_FETCH_VANISHED, STORE_UNCHANGEDSINCE, STORE, APPEND, EXPUNGE, UID_EXPUNGE,
            NOOP, STATUS);

    private final String label;

    CommandKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static CommandKind of(Command command) {
        return switch (command) {
            case Command.Login c -> LOGIN;
            case Command.Enable c -> ENABLE;
            case Command.Create c -> CREATE;
            case Command.Select c -> {
                boolean qresync = c.parameter().orElse(null) instanceof SelectParameter.Qresync;
                boolean condstore = c.parameter().orElse(null) instanceof SelectParameter.Condstore;
                yield qresync ? c.readOnly() ? EXAMINE_QRESYNC : SELECT_QRESYNC
                        : condstore ? c.readOnly() ? EXAMINE_CONDSTORE : SELECT_CONDSTORE : OTHER;
            }
            case Command.Fetch c when c.changedSince().isEmpty() -> FETCH;
            case Command.Fetch c when c.vanished() -> UID_FETCH_VANISHED;
            case Command.Fetch c -> c.uid() ? UID_FETCH_CHANGEDSINCE : FETCH_CHANGEDSINCE;
            case Command.Store c -> c.unchangedSince().isPresent() ? STORE_UNCHANGEDSINCE : STORE;
            case Command.Append c -> APPEND;
            case Command.Expunge c -> EXPUNGE;
            case Command.UidExpunge c -> UID_EXPUNGE;
            case Command.Noop c -> NOOP;
            case Command.Status c -> STATUS;
            default -> OTHER;
        };
    }
}
