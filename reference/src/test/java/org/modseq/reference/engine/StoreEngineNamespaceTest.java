package org.modseq.reference.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modseq.model.server.ServerChoices;

/**
 * The store engine's namespaces: with {@link NamespaceMode#PER_USER} each account has its own
 * INBOX and mailboxes, and no command of one user reaches another's; {@link NamespaceMode#SHARED}
 * is the model's one namespace.
 */
class StoreEngineNamespaceTest {

    private static final Map<String, String> ACCOUNTS = Map.of("alice", "pw", "bob", "pw");

    private static StoreEngine perUser() {
        return StoreEngine.create(ServerChoices.RFC_DEFAULTS, ACCOUNTS, NamespaceMode.PER_USER);
    }

    @Test
    void eachAccountStartsWithAnEmptyInboxOfItsOwn() {
        StoreEngine engine = perUser();
        LineClient alice = LineClient.of(engine, "alice");
        LineClient bob = LineClient.of(engine, "bob");
        assertEquals(List.of("a1 OK [APPENDUID 1 1] APPEND completed"), alice.send("a1 APPEND INBOX {5+}\r\nHello"));
        assertEquals(List.of("* STATUS INBOX (MESSAGES 1 UIDVALIDITY 1)", "s1 OK STATUS completed"),
                alice.send("s1 STATUS INBOX (MESSAGES UIDVALIDITY)"));
        assertEquals(List.of("* STATUS INBOX (MESSAGES 0 UIDVALIDITY 2)", "s2 OK STATUS completed"),
                bob.send("s2 STATUS INBOX (MESSAGES UIDVALIDITY)"));
        List<String> select = bob.send("s3 SELECT inbox");
        assertEquals("* 0 EXISTS", select.get(1));
    }

    @Test
    void anotherUsersMailboxIsOutOfReach() {
        StoreEngine engine = perUser();
        LineClient alice = LineClient.of(engine, "alice");
        LineClient bob = LineClient.of(engine, "bob");
        alice.send("c1 CREATE Private");
        alice.send("a1 APPEND Private {6+}\r\nSecret");
        assertEquals(List.of("s1 NO [NONEXISTENT] No such mailbox"), bob.send("s1 SELECT Private"));
        assertEquals(List.of("s2 NO [NONEXISTENT] No such mailbox"), bob.send("s2 EXAMINE Private"));
        assertEquals(List.of("s3 NO [NONEXISTENT] No such mailbox"), bob.send("s3 STATUS Private (MESSAGES)"));
        assertEquals(List.of("a2 NO [TRYCREATE] No such mailbox"), bob.send("a2 APPEND Private {1+}\r\nx"));
        assertEquals(List.of("d1 NO [NONEXISTENT] No such mailbox"), bob.send("d1 DELETE Private"));
        assertEquals(List.of("r1 NO [NONEXISTENT] No such mailbox"), bob.send("r1 RENAME Private Mine"));
        assertEquals(List.of("u1 NO [NONEXISTENT] No such mailbox"), bob.send("u1 SUBSCRIBE Private"));
        assertEquals(List.of("* LIST () \"/\" INBOX", "l1 OK LIST completed"), bob.send("l1 LIST \"\" *"));
        bob.send("a3 APPEND INBOX {1+}\r\nx");
        bob.send("s4 SELECT INBOX");
        assertEquals(List.of("c2 NO [TRYCREATE] No such mailbox"), bob.send("c2 COPY 1 Private"));
        assertEquals(List.of("m1 NO [TRYCREATE] No such mailbox"), bob.send("m1 MOVE 1 Private"));
        assertEquals(List.of("* STATUS Private (MESSAGES 1)", "s5 OK STATUS completed"),
                alice.send("s5 STATUS Private (MESSAGES)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice/Private", "/alice/Private", "../alice/Private", "~alice/Private",
        "#user/alice/Private", "user.alice.Private", "Other Users/alice/Private"})
    void noNameReachesAnotherUsersStore(String name) {
        StoreEngine engine = perUser();
        LineClient.of(engine, "alice").send("c1 CREATE Private");
        LineClient bob = LineClient.of(engine, "bob");
        assertEquals(List.of("s1 NO [NONEXISTENT] No such mailbox"), bob.send("s1 SELECT \"" + name + "\""));
        assertEquals(List.of("l1 OK LIST completed"), bob.send("l1 LIST \"\" \"*Private*\""));
    }

    @Test
    void namesAreIndependentAcrossAccounts() {
        StoreEngine engine = perUser();
        LineClient alice = LineClient.of(engine, "alice");
        LineClient bob = LineClient.of(engine, "bob");
        assertEquals(List.of("c1 OK CREATE completed"), alice.send("c1 CREATE Work"));
        assertEquals(List.of("c2 OK CREATE completed"), bob.send("c2 CREATE Work"));
        alice.send("s1 SELECT Work");
        // Alice has her Work selected; Bob's is another mailbox, and not in use.
        assertEquals(List.of("d1 OK DELETE completed"), bob.send("d1 DELETE Work"));
        assertEquals(List.of("d2 NO [INUSE] Mailbox is selected"), alice.send("d2 DELETE Work"));
    }

    @Test
    void sessionsOfOneUserShareTheirMailboxes() {
        StoreEngine engine = perUser();
        LineClient first = LineClient.of(engine, "alice");
        LineClient second = LineClient.of(engine, "alice");
        first.send("s1 SELECT INBOX");
        second.send("a1 APPEND INBOX {1+}\r\nx");
        assertEquals(List.of("* 1 EXISTS", "n1 OK NOOP completed"), first.send("n1 NOOP"));
        second.send("c1 CREATE Shared/Notes");
        assertEquals(List.of("* LIST () \"/\" INBOX", "* LIST (\\Noselect) \"/\" Shared", "l1 OK LIST completed"),
                first.send("l1 LIST \"\" %"));
    }

    @Test
    void subscriptionsArePerUser() {
        StoreEngine engine = perUser();
        LineClient alice = LineClient.of(engine, "alice");
        LineClient bob = LineClient.of(engine, "bob");
        alice.send("s1 SUBSCRIBE INBOX");
        assertEquals(List.of("* LSUB () \"/\" INBOX", "l1 OK LSUB completed"), alice.send("l1 LSUB \"\" *"));
        assertEquals(List.of("l2 OK LSUB completed"), bob.send("l2 LSUB \"\" *"));
    }

    @Test
    void theSharedModeIsOneNamespaceForAll() {
        StoreEngine engine = StoreEngine.create(ServerChoices.RFC_DEFAULTS, ACCOUNTS);
        LineClient alice = LineClient.of(engine, "alice");
        LineClient bob = LineClient.of(engine, "bob");
        alice.send("c1 CREATE Private");
        alice.send("a1 APPEND INBOX {1+}\r\nx");
        assertEquals(List.of("* LIST () \"/\" INBOX", "* LIST () \"/\" Private", "l1 OK LIST completed"),
                bob.send("l1 LIST \"\" *"));
        assertEquals(List.of("* STATUS INBOX (MESSAGES 1 UIDVALIDITY 1)", "s1 OK STATUS completed"),
                bob.send("s1 STATUS INBOX (MESSAGES UIDVALIDITY)"));
    }
}
