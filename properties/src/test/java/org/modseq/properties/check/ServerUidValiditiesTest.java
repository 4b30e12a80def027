package org.modseq.properties.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.modseq.model.command.Command;
import org.modseq.model.command.SelectParameter;
import org.modseq.model.command.StatusItem;
import org.modseq.model.mailbox.Mailbox;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.server.ServerState;

/** A QRESYNC parameter drawn from the model's UIDVALIDITY goes out with the one the server reported. */
class ServerUidValiditiesTest {

    private static final Mailbox GUIDE = ServerState.initial(ServerChoices.RFC_DEFAULTS, Map.of("u", "p"))
            .mailbox("INBOX").orElseThrow();
    private static final long G = GUIDE.uidValidity().value();

    private static Command qresync(String mailbox, long uidValidity) {
        return new Command.Select(mailbox, false, Optional.of(new SelectParameter.Qresync(uidValidity, ModSeq.of(3),
                Optional.empty(), Optional.empty())));
    }

    private static long sent(ServerUidValidities known, String namespace, Command command) {
        Command sent = known.forServer(namespace, command, Optional.of(GUIDE));
        return ((SelectParameter.Qresync) ((Command.Select) sent).parameter().orElseThrow()).uidValidity();
    }

    @Test
    void theModelsValueBecomesTheServersAndAMismatchStaysOne() {
        ServerUidValidities known = new ServerUidValidities();
        assertEquals(G, sent(known, "alice", qresync("box", G)), "nothing learnt yet: as drawn");
        known.learn("alice", new Command.Select("box", false, Optional.empty()), List.of("* 0 EXISTS",
                "* OK [UIDVALIDITY 1795887436] UIDs valid", "t1 OK [READ-WRITE] Select completed"));
        assertEquals(1795887436L, sent(known, "alice", qresync("box", G)));
        assertEquals(1795887437L, sent(known, "alice", qresync("box", G + 1)));
        assertEquals(G + 7, sent(known, "alice", qresync("box", G + 7)), "neither: as drawn");
        assertEquals(G, sent(known, "bob", qresync("box", G)), "another user's mailbox of the same name");
        Command plain = new Command.Select("box", false, Optional.empty());
        assertEquals(plain, known.forServer("alice", plain, Optional.of(GUIDE)));
    }

    @Test
    void statusTeachesRenameMovesAndDeleteForgets() {
        ServerUidValidities known = new ServerUidValidities();
        known.learn("", new Command.Status("a", List.of(StatusItem.MESSAGES, StatusItem.UIDVALIDITY)),
                List.of("* STATUS a (MESSAGES 0 UIDVALIDITY 42)", "t1 OK STATUS completed"));
        assertEquals(42, sent(known, "", qresync("a", G)));
        known.learn("", new Command.Rename("a", "b"), List.of("t2 OK RENAME completed"));
        assertEquals(G, sent(known, "", qresync("a", G)));
        assertEquals(42, sent(known, "", qresync("b", G)));
        known.learn("", new Command.Delete("b"), List.of("t3 NO [NONEXISTENT] no"));
        assertEquals(42, sent(known, "", qresync("b", G)), "a failed DELETE changes nothing");
        known.learn("", new Command.Delete("b"), List.of("t4 OK DELETE completed"));
        assertEquals(G, sent(known, "", qresync("b", G)));
        known.learn("", new Command.Select("c", false, Optional.empty()),
                List.of("* OK [UIDVALIDITY 4294967295] UIDs valid", "t5 OK [READ-WRITE] Select completed"));
        assertEquals(4294967294L, sent(known, "", qresync("c", G + 1)), "a mismatch within 32 bits");
    }
}
