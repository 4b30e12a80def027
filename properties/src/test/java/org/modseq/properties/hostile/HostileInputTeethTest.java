package org.modseq.properties.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.modseq.model.command.Command;
import org.modseq.model.response.Response;
import org.modseq.model.wire.CommandParser;
import org.modseq.model.wire.CommandSyntaxException;
import org.modseq.properties.engine.PropertyResult;
import org.modseq.properties.engine.Settings;
import org.modseq.reference.engine.Connection;
import org.modseq.reference.engine.ForwardingConnection;
import org.modseq.reference.engine.ImapEngine;

/**
 * {@link HostileInputProperty} has teeth: against the reference with one fault switched on (a
 * refusal that names a Java exception, a refusal that changes the mailbox), it fails.
 */
class HostileInputTeethTest {

    private static final Settings SETTINGS = Settings.defaults().withTries(500).withMaxSteps(1)
            .withMaxShrinkAttempts(100);

    @Test
    void aRefusalNamingAJavaExceptionFailsTheProperty() throws Exception {
        PropertyResult<HostileInput> result = checkWithFault((inner, responses) -> responses.stream()
                .map(response -> response instanceof Response.Status status && status.tag().isPresent()
                        && status.condition() != Response.Condition.OK
                        ? new Response.Status(status.tag(), status.condition(), status.code(),
                                "java.lang.IllegalStateException: " + status.text())
                        : response)
                .toList());
        assertFalse(result.passed());
        assertTrue(result.report().contains("leaks \"Exception\""), result.report());
    }

    @Test
    void aRefusalThatChangesTheMailboxFailsTheProperty() throws Exception {
        Command store = parse("x STORE 1:* +FLAGS ($Hostile)");
        PropertyResult<HostileInput> result = checkWithFault((inner, responses) -> {
            if (responses.getLast() instanceof Response.Status status && status.tag().isPresent()
                    && status.condition() != Response.Condition.OK) {
                inner.execute("x", store); // a BAD or NO whose command still did something
            }
            return responses;
        });
        assertFalse(result.passed());
        assertTrue(result.report().contains("the mailbox changed"), result.report());
    }

    private static Command parse(String line) {
        try {
            return CommandParser.parse(line).command();
        } catch (CommandSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static PropertyResult<HostileInput> checkWithFault(
            BiFunction<Connection, List<Response>, List<Response>> fault) throws Exception {
        ImapEngine engine = faulty(HostileInputProperty.reference(), fault);
        try (HostileInputProperty property = new HostileInputProperty(engine)) {
            return property.check(SETTINGS);
        }
    }

    /** {@code engine} with the responses of every command passed through {@code fault}. */
    private static ImapEngine faulty(ImapEngine engine, BiFunction<Connection, List<Response>, List<Response>> fault) {
        return () -> new ForwardingConnection(engine.open()) {
            @Override
            public List<Response> execute(String tag, Command command) {
                return fault.apply(delegate(), new ArrayList<>(super.execute(tag, command)));
            }

            @Override
            public List<Response> continueWith(String line) {
                return fault.apply(delegate(), new ArrayList<>(super.continueWith(line)));
            }
        };
    }
}
