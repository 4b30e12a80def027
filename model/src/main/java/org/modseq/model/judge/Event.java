package org.modseq.model.judge;

import java.util.List;
import org.modseq.model.command.Command;

/**
 * One step of a history a checker ran against a server: a connection opens (with its greeting),
 * a command is sent and answered, or a connection drops. Commands run one at a time, each
 * answered completely before the next one is sent on any connection. Response lines are wire
 * text as received, one response per line with literals inline, without the final CRLF.
 */
public sealed interface Event {

    /** The connection this event belongs to. */
    String connection();

    /** A one-line description for reports. */
    String describe();

    /** A new connection and the lines the server sent before the first command: its greeting. */
    record Connect(String connection, List<String> lines) implements Event {
        public Connect {
            lines = List.copyOf(lines);
        }

        @Override
        public String describe() {
            return "(connect)";
        }
    }

    /**
     * A command and every response line up to and including its tagged response; for IDLE the
     * continuation, the updates while idling and the tagged response after DONE.
     */
    record Exchange(String connection, String tag, Command command, List<String> lines) implements Event {
        public Exchange {
            lines = List.copyOf(lines);
        }

        @Override
        public String describe() {
            return tag + " " + command.toWire();
        }
    }

    /** The connection ends without LOGOUT. */
    record Drop(String connection) implements Event {
        @Override
        public String describe() {
            return "(connection dropped)";
        }
    }
}
