package org.modseq.reference.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.modseq.model.server.ServerChoices;
import org.modseq.reference.engine.ImapEngine;
import org.modseq.reference.engine.ModelEngine;
import org.modseq.reference.engine.NamespaceMode;
import org.modseq.reference.engine.StoreEngine;

/**
 * AUTHENTICATE PLAIN over a socket (RFC 3501 §6.2.2, RFC 4616, RFC 4959): the server sends the
 * continuation request, the network layer carries the client's next line to the engine as it is,
 * and the engine answers it. The same for the model and the store.
 */
@Timeout(60)
class AuthenticateExchangeTest {

    private static final ServerConfig CONFIG = ServerConfig.defaults().withPort(0);
    private static final String ALICE = plain("alice", "pw");

    static Stream<String> engines() {
        return Stream.of("model", "store");
    }

    private static ImapServer start(String kind) throws IOException {
        Map<String, String> accounts = Map.of("alice", "pw");
        ImapEngine engine = kind.equals("model") ? ModelEngine.create(ServerChoices.RFC_DEFAULTS, accounts)
                : StoreEngine.create(ServerChoices.RFC_DEFAULTS, accounts, NamespaceMode.PER_USER);
        return ImapServer.start(engine, CONFIG, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
    }

    private static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void theResponseFollowsTheContinuationRequest(String kind) throws IOException {
        try (ImapServer server = start(kind); ImapTestClient client = ImapTestClient.connect(server.port())) {
            client.send("a1 AUTHENTICATE PLAIN\r\n");
            assertEquals("+ ", client.readLine());
            client.send(ALICE + "\r\n");
            assertEquals(List.of("a1 OK AUTHENTICATE completed"), client.readUntilTagged("a1"));
            assertEquals(List.of("* LIST () \"/\" INBOX", "a2 OK LIST completed"), client.command("a2", "LIST \"\" *"));
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void anInitialResponseNeedsNoContinuation(String kind) throws IOException {
        try (ImapServer server = start(kind); ImapTestClient client = ImapTestClient.connect(server.port())) {
            assertEquals(List.of("a1 OK AUTHENTICATE completed"), client.command("a1", "AUTHENTICATE PLAIN " + ALICE));
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void starCancelsAndTheSessionGoesOn(String kind) throws IOException {
        try (ImapServer server = start(kind); ImapTestClient client = ImapTestClient.connect(server.port())) {
            client.send("a1 AUTHENTICATE PLAIN\r\n");
            assertEquals("+ ", client.readLine());
            client.send("*\r\n");
            assertEquals(List.of("a1 BAD AUTHENTICATE cancelled"), client.readUntilTagged("a1"));
            assertEquals(List.of("a2 OK LOGIN completed"), client.command("a2", "LOGIN alice pw"));
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aResponseThatIsNotBase64IsBadAndTheSessionGoesOn(String kind) throws IOException {
        try (ImapServer server = start(kind); ImapTestClient client = ImapTestClient.connect(server.port())) {
            client.send("a1 AUTHENTICATE PLAIN\r\n");
            assertEquals("+ ", client.readLine());
            // A command line in place of the response is a response all the same, and not base64.
            client.send("a2 LOGIN alice pw\r\n");
            assertEquals(List.of("a1 BAD Response is not valid base64"),
                    client.readUntilTagged("a1"));
            client.send("a3 AUTHENTICATE PLAIN\r\n" + plain("alice", "nope") + "\r\n");
            assertEquals(List.of("+ ", "a3 NO [AUTHENTICATIONFAILED] Invalid credentials"), client.readUntilTagged("a3"));
            assertEquals(List.of("a4 BAD Log in first"), client.command("a4", "NAMESPACE"));
        }
    }

    private static String base64(String message) {
        return Base64.getEncoder().encodeToString(message.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The review of issue 7, one answer per case, with the initial response (RFC 4959) and after
     * the continuation request alike: base64 errors are BAD (RFC 4959 §3), a message that does
     * not split at its two NULs into three parts (RFC 4616 §2) and wrong credentials are NO
     * [AUTHENTICATIONFAILED], an authorization identity other than the user's own is NO
     * [AUTHORIZATIONFAILED] (RFC 5530); none of them logs the client in.
     */
    @ParameterizedTest
    @MethodSource("engines")
    void everyKindOfBadResponseIsRefusedBothWays(String kind) throws IOException {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("!!!!", "BAD Response is not valid base64");
        expected.put("YWxpY2U", "BAD Response is not valid base64");
        expected.put("=AAA", "BAD Response is not valid base64");
        expected.put("=", "NO [AUTHENTICATIONFAILED] Response is not a PLAIN message (RFC 4616)");
        expected.put(base64("alice\0pw"), "NO [AUTHENTICATIONFAILED] Response is not a PLAIN message (RFC 4616)");
        expected.put(base64("\0alice\0pw\0"), "NO [AUTHENTICATIONFAILED] Response is not a PLAIN message (RFC 4616)");
        expected.put(base64("\0\0pw"), "NO [AUTHENTICATIONFAILED] Response is not a PLAIN message (RFC 4616)");
        expected.put(base64("\0alice\0"), "NO [AUTHENTICATIONFAILED] Response is not a PLAIN message (RFC 4616)");
        expected.put(base64("\0alice\0PW"), "NO [AUTHENTICATIONFAILED] Invalid credentials");
        expected.put(base64("\0Alice\0pw"), "NO [AUTHENTICATIONFAILED] Invalid credentials");
        expected.put(base64("bob\0alice\0pw"), "NO [AUTHORIZATIONFAILED] No user may act as another");
        try (ImapServer server = start(kind); ImapTestClient client = ImapTestClient.connect(server.port())) {
            int n = 0;
            for (Map.Entry<String, String> c : expected.entrySet()) {
                n++;
                assertEquals(List.of("i" + n + " " + c.getValue()), client.command("i" + n, "AUTHENTICATE PLAIN " + c.getKey()),
                        "initial response " + c.getKey());
                client.send("c" + n + " AUTHENTICATE PLAIN\r\n");
                assertEquals("+ ", client.readLine());
                client.send(c.getKey() + "\r\n");
                assertEquals(List.of("c" + n + " " + c.getValue()), client.readUntilTagged("c" + n),
                        "continuation " + c.getKey());
            }
            assertEquals(List.of("n BAD Log in first"), client.command("n", "NAMESPACE"));
            // The user's own name as the authorization identity is the same as none.
            assertEquals(List.of("a OK AUTHENTICATE completed"), client.command("a", "AUTHENTICATE PLAIN "
                    + base64("alice\0alice\0pw")));
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void pipelinedLinesAreCarriedInOrder(String kind) throws IOException {
        try (ImapServer server = start(kind); ImapTestClient client = ImapTestClient.connect(server.port())) {
            client.send("a1 ID NIL\r\na2 AUTHENTICATE PLAIN\r\n" + ALICE + "\r\na3 NAMESPACE\r\n");
            assertEquals(List.of("* ID (\"name\" \"Modseq\" \"version\" \"0.1.0\")", "a1 OK ID completed", "+ ",
                    "a2 OK AUTHENTICATE completed", "* NAMESPACE ((\"\" \"/\")) NIL NIL", "a3 OK NAMESPACE completed"),
                    client.readUntilTagged("a3"));
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aResponseBeyondTheLineLimitEndsTheConnection(String kind) throws IOException {
        try (ImapServer server = start(kind); ImapTestClient client = ImapTestClient.connect(server.port())) {
            client.send("a1 AUTHENTICATE PLAIN\r\n");
            assertEquals("+ ", client.readLine());
            client.send("A".repeat(CONFIG.maxLineLength() + 4) + "\r\n");
            assertEquals("* BYE Command line too long", client.readLine());
            assertTrue(client.isClosedByServer());
        }
    }
}
