package org.modseq.properties.history;

import org.modseq.model.command.Command;

/** One step of a multi-session history: a session sends a command, or loses its connection and logs in again. */
public sealed interface HistoryStep {

    String session();

    /** Session {@code session} sends {@code command}. */
    record Send(String session, Command command) implements HistoryStep {
        @Override
        public String toString() {
            return session + ": " + command.toWire().replace("\r\n", "\\r\\n");
        }
    }

    /** The connection drops without LOGOUT; a new one logs in as the same user. */
    record Reconnect(String session) implements HistoryStep {
        @Override
        public String toString() {
            return session + ": (connection dropped; reconnect and log in)";
        }
    }
}
