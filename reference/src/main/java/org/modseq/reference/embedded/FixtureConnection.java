package org.modseq.reference.embedded;

import java.util.List;
import org.modseq.model.command.Command;
import org.modseq.model.response.Response;
import org.modseq.reference.engine.Connection;
import org.modseq.reference.engine.ImapEngine;

/**
 * A connection of the fixtures to the engine, logged in as one user, as a second client on the
 * network would be: it sends typed commands and reads typed responses. Any answer but OK is a
 * fixture that cannot be set up, reported with the server's own words.
 */
final class FixtureConnection implements AutoCloseable {

    private final Connection connection;
    private final String user;
    private int tags;

    private FixtureConnection(Connection connection, String user) {
        this.connection = connection;
        this.user = user;
    }

    /**
     * Opens a connection and logs in.
     *
     * @throws IllegalStateException when the server refuses the login
     */
    static FixtureConnection open(ImapEngine engine, String user, String password) {
        FixtureConnection c = new FixtureConnection(engine.open(), user);
        try {
            c.send(new Command.Login(user, password));
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /**
     * Sends one command: its responses, the tagged OK last.
     *
     * @throws IllegalStateException when the tagged response is not OK; the message names the
     *     command (the password of LOGIN left out) and quotes the server's answer
     */
    List<Response> send(Command command) {
        String tag = "fixture" + ++tags;
        List<Response> responses = connection.execute(tag, command);
        if (!(responses.getLast() instanceof Response.Status status && status.condition() == Response.Condition.OK)) {
            String sent = command instanceof Command.Login ? "LOGIN " + user : command.toWire();
            int literal = sent.indexOf("\r\n");
            throw new IllegalStateException("the server refused " + (literal < 0 ? sent : sent.substring(0, literal))
                    + " from " + user + ": " + responses.getLast().toWire());
        }
        return responses;
    }

    /** Logs out; a connection the server already ended is dropped instead. */
    @Override
    public void close() {
        if (connection.isLoggedOut()) {
            return;
        }
        connection.execute("fixture" + ++tags, new Command.Logout());
        if (!connection.isLoggedOut()) {
            connection.drop();
        }
    }
}
