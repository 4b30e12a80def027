package org.modseq.properties.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modseq.model.command.Command;
import org.modseq.properties.engine.Source;
import org.modseq.properties.history.HistoryGenerator;
import org.modseq.properties.history.HistoryStep;
import org.modseq.properties.history.MailboxNames;

/**
 * The checker's scenarios name only mailboxes under its prefix, never INBOX, whose content on a
 * real account the judge cannot know; and they reach every one of those names.
 */
class ScenarioMailboxesTest {

    @Test
    void scenariosNameOnlyMailboxesUnderThePrefix() {
        for (boolean hierarchy : List.of(true, false)) {
            MailboxNames names = MailboxNames.underPrefix("modseq-check-x", hierarchy);
            HistoryGenerator generator = HistoryGenerator.of(names);
            Set<String> named = new HashSet<>();
            for (long seed = 1; seed <= 40; seed++) {
                ModelGuide guide = new ModelGuide(true, seed % 2 == 0);
                for (String id : List.of("A", "B", "C")) {
                    guide.reconnect(id);
                }
                for (String name : names.created()) {
                    guide.send("A", new Command.Create(name));
                    guide.send("C", new Command.Create(name));
                }
                Source source = Source.random(seed);
                for (int step = 0; step < 80; step++) {
                    HistoryStep next = generator.nextStep(guide::state).generate(source);
                    switch (next) {
                        case HistoryStep.Reconnect r -> guide.reconnect(r.session());
                        case HistoryStep.Send s -> {
                            if (!guide.authenticated(s.session())) {
                                continue;
                            }
                            for (String mailbox : mailboxes(s.command())) {
                                assertFalse(mailbox.equalsIgnoreCase("INBOX"), s.toString());
                                assertTrue(mailbox.startsWith("modseq-check-x-"), s.toString());
                                named.add(mailbox.replaceAll("/$", ""));
                            }
                            guide.send(s.session(), s.command());
                        }
                    }
                }
                guide.close();
            }
            Set<String> expected = new HashSet<>(List.of(names.first(), names.archive(), names.attic()));
            names.sublevel().ifPresent(expected::add);
            assertTrue(named.containsAll(expected), "named " + named + ", expected " + expected);
        }
    }

    private static List<String> mailboxes(Command command) {
        return switch (command) {
            case Command.Select c -> List.of(c.mailbox());
            case Command.Status c -> List.of(c.mailbox());
            case Command.Append c -> List.of(c.mailbox());
            case Command.Create c -> List.of(c.mailbox());
            case Command.Delete c -> List.of(c.mailbox());
            case Command.Rename c -> List.of(c.from(), c.to());
            case Command.Subscribe c -> List.of(c.mailbox());
            case Command.Unsubscribe c -> List.of(c.mailbox());
            case Command.Copy c -> List.of(c.mailbox());
            case Command.Move c -> List.of(c.mailbox());
            default -> List.of();
        };
    }
}
