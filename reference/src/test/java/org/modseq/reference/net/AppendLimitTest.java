package org.modseq.reference.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.modseq.model.server.ServerChoices;
import org.modseq.reference.engine.NamespaceMode;
import org.modseq.reference.engine.StoreEngine;

/** RFC 7889: CAPABILITY announces the largest message APPEND takes, and APPEND keeps to it. */
@Timeout(60)
class AppendLimitTest {

    private static ImapServer start(ServerConfig config) throws IOException {
        return ImapServer.start(StoreEngine.create(ServerChoices.RFC_DEFAULTS, Map.of("alice", "pw"), NamespaceMode.PER_USER),
                config.withPort(0), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static String capability(ImapTestClient client) throws IOException {
        return client.expectOk("c", "CAPABILITY").getFirst();
    }

    @Test
    void theMessageSizeLimitIsAnnouncedBeforeAndAfterLogin() throws IOException {
        try (ImapServer server = start(ServerConfig.defaults().withMaxMessageSize(1000));
                ImapTestClient client = ImapTestClient.connect(server.port())) {
            assertTrue(capability(client).endsWith(" APPENDLIMIT=1000"), capability(client));
            client.expectOk("l", "LOGIN alice pw");
            assertTrue(capability(client).endsWith(" APPENDLIMIT=1000"), capability(client));
            client.expectOk("a1", "APPEND INBOX {1000+}\r\n" + "x".repeat(1000));
            List<String> tooBig = client.command("a2", "APPEND INBOX {1001}");
            assertEquals(List.of("a2 NO [TOOBIG] Message too large: the limit is 1000 octets"), tooBig);
        }
    }

    @Test
    void theLiteralLimitCapsTheAnnouncedLimit() throws IOException {
        ServerConfig config = ServerConfig.defaults().withMaxLiteralSize(5000).withMaxMessageSize(8000);
        try (ImapServer server = start(config); ImapTestClient client = ImapTestClient.connect(server.port())) {
            assertTrue(capability(client).endsWith(" APPENDLIMIT=5000"), capability(client));
        }
    }

    @Test
    void theDefaultIs25MiB() throws IOException {
        try (ImapServer server = start(ServerConfig.defaults()); ImapTestClient client = ImapTestClient.connect(server.port())) {
            assertTrue(capability(client).contains(" APPENDLIMIT=26214400"), capability(client));
        }
    }
}
