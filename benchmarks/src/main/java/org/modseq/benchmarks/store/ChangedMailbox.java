package org.modseq.benchmarks.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.modseq.model.command.Command;
import org.modseq.model.response.Response;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.wire.CommandSyntaxException;
import org.modseq.model.wire.CommandParser;
import org.modseq.reference.engine.Connection;
import org.modseq.reference.engine.ImapEngine;
import org.modseq.reference.engine.StoreEngine;

/**
 * The state every change-driven benchmark starts from: an INBOX of {@code messages} messages; a
 * client ({@link #reader}) that selected it with QRESYNC enabled and remembers UIDVALIDITY and
 * HIGHESTMODSEQ ({@link #since}); then {@code changes} flag changes, one mod-sequence each, and
 * {@code changes / 10} (at least one) expunges by another client ({@link #writer}), spread evenly
 * over the mailbox (when k exceeds the live messages, some change twice). What a resync must
 * report is those changes, whatever n is.
 */
final class ChangedMailbox {

    static final String USER = "bench";
    static final String PASSWORD = "pw";
    /** Message content shared by every message: the benchmarks measure the store, not bodies. */
    static final String CONTENT = "From: bench@example.org\r\nSubject: benchmark\r\n\r\nBody.\r\n";

    final ImapEngine engine;
    final Connection writer;
    final Connection reader;
    final long uidValidity;
    final long since;
    final int messages;
    final int changes;
    final int expunges;

    ChangedMailbox(ImapEngine engine, int messages, int changes) {
        this.engine = engine;
        this.messages = messages;
        this.changes = changes;
        this.expunges = Math.max(1, changes / 10);
        if (expunges >= messages) {
            throw new IllegalArgumentException(changes + " changes need a bigger mailbox than " + messages);
        }
        writer = login(engine);
        Command append = command("APPEND INBOX {" + CONTENT.length() + "}\r\n" + CONTENT);
        for (int i = 0; i < messages; i++) {
            writer.execute("a", append);
        }
        run(writer, "SELECT INBOX");
        reader = login(engine);
        run(reader, "ENABLE QRESYNC");
        List<Response> selected = run(reader, "SELECT INBOX");
        uidValidity = code(selected, ResponseCode.UidValidityCode.class).uidValidity().value();
        since = code(selected, ResponseCode.HighestModSeq.class).modSeq().value();
        // Expunges spread over the mailbox; changes spread over the live rest. When k exceeds the
        // live messages the changes go round again with another keyword, so each is a real change.
        long expungeStride = messages / expunges;
        List<Long> live = new ArrayList<>();
        for (long uid = 1; uid <= messages; uid++) {
            if ((uid - 1) % expungeStride == 0 && (uid - 1) / expungeStride < expunges) {
                run(writer, "UID STORE " + uid + " +FLAGS.SILENT (\\Deleted)");
            } else {
                live.add(uid);
            }
        }
        int stride = Math.max(1, live.size() / changes);
        for (int i = 0; i < changes; i++) {
            long uid = live.get((i * stride) % live.size());
            run(writer, "UID STORE " + uid + " +FLAGS.SILENT ($Round" + i / live.size() + ")");
        }
        run(writer, "EXPUNGE");
        run(reader, "NOOP"); // the reader is told now, so that each measured command starts alike
    }

    static ChangedMailbox of(ImapEngine engine, int messages, int changes) {
        return new ChangedMailbox(engine, messages, changes);
    }

    static ImapEngine storeEngine(ServerChoices choices) {
        return StoreEngine.create(choices, Map.of(USER, PASSWORD));
    }

    static Connection login(ImapEngine engine) {
        Connection connection = engine.open();
        run(connection, "LOGIN " + USER + " " + PASSWORD);
        return connection;
    }

    /** Parses a command line once, as a client's line would be; benchmarks then reuse the value. */
    static Command command(String text) {
        try {
            return CommandParser.parseCommand(text);
        } catch (CommandSyntaxException e) {
            throw new IllegalArgumentException("benchmark command does not parse: " + text, e);
        }
    }

    /** Runs a command that must succeed. */
    static List<Response> run(Connection connection, String text) {
        List<Response> responses = connection.execute("b", command(text));
        if (!(responses.getLast() instanceof Response.Status status) || status.condition() != Response.Condition.OK) {
            throw new IllegalStateException("benchmark setup failed at '" + text + "': " + responses.getLast().toWire());
        }
        return responses;
    }

    static <T extends ResponseCode> T code(List<Response> responses, Class<T> type) {
        for (Response response : responses) {
            if (response instanceof Response.Status status && type.isInstance(status.code().orElse(null))) {
                return type.cast(status.code().orElseThrow());
            }
        }
        throw new IllegalStateException("no " + type.getSimpleName() + " in " + responses);
    }
}
