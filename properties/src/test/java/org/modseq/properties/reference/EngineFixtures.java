package org.modseq.properties.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.modseq.model.command.Command;
import org.modseq.model.command.StoreAction;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.set.SequenceSet;

/** Commands that fill INBOX before a history starts, so that the store's indexes are more than trivial. */
final class EngineFixtures {

    private static final List<Set<Flag>> FLAG_CYCLE = List.of(Set.of(), Set.of(Flag.SEEN), Set.of(Flag.FLAGGED),
            Set.of(Flag.SEEN, Flag.of("$Label")), Set.of(Flag.DELETED), Set.of(Flag.SEEN, Flag.ANSWERED));

    private EngineFixtures() {
    }

    /**
     * {@code count} APPENDs with cycling flags, then (when there are any) STOREs over ranges and
     * single messages and an EXPUNGE, run by a session that then unselects.
     */
    static List<Command> preload(int count) {
        List<Command> commands = new ArrayList<>();
        if (count == 0) {
            return commands;
        }
        for (int i = 0; i < count; i++) {
            commands.add(new Command.Append("INBOX", FLAG_CYCLE.get(i % FLAG_CYCLE.size()), "message " + i));
        }
        commands.add(new Command.Select("INBOX", false, Optional.empty()));
        commands.add(new Command.Store(false, SequenceSet.parse("1:" + count / 2), Optional.empty(), StoreAction.ADD,
                true, Set.of(Flag.of("$MDNSent"))));
        for (int n = 3; n <= count; n += 7) {
            commands.add(new Command.Store(false, SequenceSet.of(n), Optional.empty(), StoreAction.ADD, true,
                    Set.of(Flag.FLAGGED)));
        }
        commands.add(new Command.Expunge());
        commands.add(new Command.Store(true, SequenceSet.parse(count / 3 + ":" + count / 2), Optional.empty(),
                StoreAction.REMOVE, true, Set.of(Flag.SEEN)));
        commands.add(new Command.Unselect());
        return commands;
    }

    /**
     * {@link #preload} and then three quarters of the INBOX deleted and expunged, so that the
     * store's message table holds more dead slots than live ones and compacts, renumbering its
     * slots; no history of a few dozen steps expunges that much (found by mutation testing,
     * docs/mutation.md).
     */
    static List<Command> preloadThenExpungeMost(int count) {
        List<Command> commands = new ArrayList<>(preload(count));
        commands.removeLast();
        commands.add(new Command.Store(false, SequenceSet.parse("1:" + count * 3 / 4), Optional.empty(),
                StoreAction.ADD, true, Set.of(Flag.DELETED)));
        commands.add(new Command.Expunge());
        commands.add(new Command.Unselect());
        return commands;
    }
}
