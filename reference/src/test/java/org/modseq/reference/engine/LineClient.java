package org.modseq.reference.engine;

import java.util.List;
import org.modseq.model.response.Response;
import org.modseq.model.wire.CommandParser;
import org.modseq.model.wire.CommandSyntaxException;

/** A logged-in connection that answers command lines with response lines, for engine tests. */
record LineClient(Connection connection) {

    /** A connection to {@code engine}, logged in as {@code user} with the password {@code pw}. */
    static LineClient of(StoreEngine engine, String user) {
        LineClient client = new LineClient(engine.open());
        client.send("l LOGIN " + user + " pw");
        return client;
    }

    List<String> send(String line) {
        CommandParser.Tagged parsed;
        try {
            parsed = CommandParser.parse(line);
        } catch (CommandSyntaxException e) {
            throw new AssertionError(e);
        }
        return connection.execute(parsed.tag(), parsed.command()).stream().map(Response::toWire).toList();
    }
}
