package org.modseq.reference.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.modseq.model.server.ServerChoices;
import org.modseq.reference.engine.NamespaceMode;
import org.modseq.reference.engine.StoreEngine;

/**
 * Issue 7's isolation review, over a socket: with the store engine's namespace per user, alice
 * tries every mailbox command on names that would reach bob's mailboxes if names were paths or
 * carried an owner ({@code ../bob/INBOX}, {@code ~bob}, {@code #shared}, ...), and bob's mailboxes,
 * messages and subscriptions stay as they were and never show in what alice sees. The store keys
 * mailboxes by name in a map per user, so no name can leave its user's map; these tests hold
 * whatever storage comes later to the same.
 */
@Timeout(120)
class MailboxIsolationTest {

    /** Names that would escape alice's mailboxes if they were file paths, owner-prefixed or shared. */
    private static final List<String> HOSTILE = List.of("../bob/INBOX", "../bob/Secret", "..", "../..", "/", "/bob",
            "~bob", "~bob/INBOX", "~bob/Secret", "#shared", "#shared/bob/Secret", "#users/bob", "bob/Secret", "bob",
            "INBOX/../x", "INBOX/../../bob/Secret", "./Secret", "Secret", "secret", "SECRET", "Secret/",
            "../../../../etc/passwd", "C:\\Windows", "x".repeat(4000), "%", "*", "INBOX\u00e9", "\u2215bob\u2215Secret");

    private static final String ONLY_INBOX = "* LIST () \"/\" INBOX";

    private StoreEngine engine;
    private ImapServer server;

    @BeforeEach
    void start() throws IOException {
        engine = StoreEngine.create(ServerChoices.RFC_DEFAULTS, Map.of("alice", "pw", "bob", "pw"), NamespaceMode.PER_USER);
        server = ImapServer.start(engine, ServerConfig.defaults().withPort(0),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try (ImapTestClient bob = ImapTestClient.connect(server.port())) {
            bob.expectOk("b1", "LOGIN bob pw");
            bob.expectOk("b2", "CREATE Secret");
            bob.expectOk("b3", "APPEND INBOX (\\Flagged) {11+}\r\nbob's mail.");
            bob.expectOk("b4", "APPEND Secret {14+}\r\nbob's secrets.");
            bob.expectOk("b5", "SUBSCRIBE Secret");
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A quoted string (RFC 3501 §4.3) holding any name, for names with spaces, quotes or backslashes. */
    private static String quoted(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** All bob can see of his own: his mailboxes, subscriptions, and every message's UID, flags and content. */
    private List<String> bobsView() throws IOException {
        try (ImapTestClient bob = ImapTestClient.connect(server.port())) {
            bob.expectOk("v1", "LOGIN bob pw");
            List<String> view = new ArrayList<>();
            view.addAll(bob.expectOk("v2", "LIST \"\" *"));
            view.addAll(bob.expectOk("v3", "LSUB \"\" *"));
            for (String mailbox : List.of("INBOX", "Secret")) {
                view.addAll(bob.expectOk("v4", "STATUS " + mailbox + " (MESSAGES UIDNEXT UIDVALIDITY HIGHESTMODSEQ)"));
                bob.expectOk("v5", "EXAMINE " + mailbox);
                view.addAll(bob.expectOk("v6", "FETCH 1:* (UID FLAGS MODSEQ BODY.PEEK[])"));
            }
            return view;
        }
    }

    private static boolean ok(List<String> lines, String tag) {
        return lines.getLast().startsWith(tag + " OK");
    }

    @Test
    void noNameReachesAnotherUsersMailboxes() throws IOException {
        List<String> before = bobsView();
        assertTrue(before.contains("* LIST () \"/\" Secret"), before.toString());
        try (ImapTestClient alice = ImapTestClient.connect(server.port())) {
            alice.expectOk("a1", "LOGIN alice pw");
            alice.expectOk("a2", "APPEND INBOX {13+}\r\nalice's mail.");
            alice.expectOk("a3", "SELECT INBOX");
            int n = 0;
            for (String name : HOSTILE) {
                String mailbox = quoted(name);
                n++;
                for (String command : List.of("SELECT " + mailbox, "EXAMINE " + mailbox, "STATUS " + mailbox + " (MESSAGES)",
                        "APPEND " + mailbox + " {4+}\r\nmine", "COPY 1 " + mailbox, "UID COPY 1 " + mailbox,
                        "MOVE 1 " + mailbox, "RENAME " + mailbox + " Renamed" + n, "DELETE " + mailbox)) {
                    List<String> answer = alice.command("h" + n, command);
                    assertFalse(ok(answer, "h" + n), "alice has no mailbox " + name + ", so " + command + " fails: " + answer);
                    if (command.startsWith("SELECT") || command.startsWith("EXAMINE")) {
                        alice.expectOk("r" + n, "SELECT INBOX"); // a failed SELECT leaves no mailbox selected
                    }
                }
                alice.command("s" + n, "SUBSCRIBE " + mailbox);
                alice.command("u" + n, "UNSUBSCRIBE " + mailbox);
                for (String list : List.of("LIST \"\" " + mailbox, "LIST \"\" " + quoted(name + "*"),
                        "LIST \"\" " + quoted(name + "/%"), "LIST " + mailbox + " *", "LSUB \"\" *")) {
                    List<String> listed = alice.command("l" + n, list);
                    assertTrue(listed.stream().filter(line -> line.startsWith("* ")).allMatch(ONLY_INBOX::equals),
                            "alice sees her INBOX at most, for " + list + ": " + listed);
                }
            }
            List<String> nul = alice.command("z", "SELECT \"bob\0Secret\"");
            assertTrue(nul.getLast().startsWith("z BAD"), nul.toString());
            assertEquals(List.of("* LIST () \"/\" INBOX", "e OK LIST completed"), alice.command("e", "LIST \"\" *"));
            assertEquals(List.of("e OK LSUB completed"), alice.command("e", "LSUB \"\" *"));
            List<String> inbox = alice.expectOk("f", "FETCH 1:* (BODY.PEEK[])");
            assertEquals(List.of("* 1 FETCH (BODY[] {13}", "alice's mail.)"), inbox.subList(0, 2), inbox.toString());
        }
        assertEquals(before, bobsView());
    }

    /**
     * Alice may create mailboxes with any of these names (those the grammar takes): they are hers,
     * in her namespace, and bob never sees them, nor they his, whatever the name says.
     */
    @Test
    void namesAliceCreatesAreHersAlone() throws IOException {
        List<String> before = bobsView();
        List<String> created = new ArrayList<>();
        try (ImapTestClient alice = ImapTestClient.connect(server.port())) {
            alice.expectOk("a1", "LOGIN alice pw");
            int n = 0;
            for (String name : HOSTILE) {
                n++;
                if (ok(alice.command("c" + n, "CREATE " + quoted(name)), "c" + n)) {
                    created.add(name);
                    List<String> append = alice.command("p" + n, "APPEND " + quoted(name) + " {6+}\r\nalice!");
                    assertTrue(ok(append, "p" + n), append.toString());
                    List<String> status = alice.command("t" + n, "STATUS " + quoted(name) + " (MESSAGES)");
                    assertTrue(status.getFirst().endsWith("(MESSAGES 1)"), "only alice's own message in " + name + ": " + status);
                }
            }
            assertTrue(created.contains("Secret"), created.toString());
        }
        assertEquals(before, bobsView());
    }

    /** INBOX is case-insensitive (RFC 3501 §5.1), and each user's own; other names are exact. */
    @Test
    void inboxInAnyCaseIsTheUsersOwn() throws IOException {
        try (ImapTestClient alice = ImapTestClient.connect(server.port())) {
            alice.expectOk("a1", "LOGIN alice pw");
            for (String inbox : List.of("INBOX", "inbox", "InBoX", "iNBOX")) {
                List<String> select = alice.expectOk("s", "SELECT " + inbox);
                assertTrue(select.contains("* 0 EXISTS"), "alice's INBOX is empty, bob's is not: " + select);
                assertTrue(alice.command("c", "CREATE " + inbox).getLast().startsWith("c NO"), "INBOX exists as " + inbox);
            }
            assertTrue(alice.command("d", "DELETE inbox").getLast().startsWith("d NO"));
            alice.expectOk("c", "CREATE secret");
            assertFalse(alice.command("s", "SELECT Secret").getLast().startsWith("s OK"), "names other than INBOX are exact");
        }
        List<String> view = bobsView();
        assertTrue(view.contains("* LIST () \"/\" Secret") && !view.contains("* LIST () \"/\" secret"), view.toString());
    }
}
