package org.modseq.properties.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.modseq.model.server.Outcome;
import org.modseq.model.server.Server;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.server.ServerState;
import org.modseq.properties.engine.Source;
import org.modseq.properties.history.HistoryGenerator;
import org.modseq.properties.history.HistoryStep;

/**
 * The random histories reach the behaviour they are meant to test: a generator that only ever
 * produced BAD commands or empty mailboxes would let every property pass. Counts the kinds of
 * responses seen over a fixed-seed sample and demands each of them.
 */
class HistoryReachTest {

    private static final Pattern KIND = Pattern.compile(
            "^(?:\\* (?:\\d+ )?([A-Z]+)(?: \\((EARLIER)\\))?|\\S+ (OK|NO|BAD))(?: \\[([A-Z-]+))?");

    @Test
    void historiesReachEveryKindOfResponse() {
        Map<String, Integer> seen = new TreeMap<>();
        ModelHistoryProperty property = new ModelHistoryProperty("reach", ServerChoices.RFC_DEFAULTS);
        for (long seed = 1; seed <= 60; seed++) {
            Source source = Source.random(seed);
            ServerState state = property.initialState();
            for (int step = 0; step < 60; step++) {
                HistoryStep next = HistoryGenerator.next(state).generate(source);
                if (!property.precondition(state, next)) {
                    continue;
                }
                if (next instanceof HistoryStep.Send send) {
                    Outcome outcome = Server.execute(state, send.session(), "t", send.command());
                    for (String line : outcome.lines()) {
                        Matcher m = KIND.matcher(line);
                        if (m.find()) {
                            String kind = (m.group(1) != null ? m.group(1) : m.group(3))
                                    + (m.group(2) != null ? " EARLIER" : "") + (m.group(4) != null ? " " + m.group(4) : "");
                            seen.merge(kind, 1, Integer::sum);
                        }
                    }
                }
                state = property.run(state, next);
            }
        }
        String report = seen.toString();
        for (String kind : new String[] {"EXISTS", "EXPUNGE", "VANISHED", "VANISHED EARLIER", "FETCH", "SEARCH",
            "ESEARCH", "STATUS", "ENABLED", "OK HIGHESTMODSEQ", "OK CLOSED", "OK MODIFIED", "NO", "BAD",
            "OK COPYUID", "OK APPENDUID", "OK READ-ONLY", "LIST", "LSUB", "NAMESPACE", "ID", "NO NONEXISTENT"}) {
            assertTrue(seen.getOrDefault(kind, 0) > 0, "no \"" + kind + "\" in the sample: " + report);
        }
    }
}
