package org.modseq.reference.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modseq.reference.tls.ServerTls;

/**
 * The server's decision about passwords on a connection (LOGINDISABLED, RFC 9051 §6.2.3 and
 * §7.2.1) for clients on other machines, which tests cannot connect from: {@link TlsTest} covers
 * the same rule end to end on 127.0.0.1.
 */
class ChannelSecurityTest {

    private static final List<String> ENGINE = List.of("IMAP4rev1", "LITERAL+", "AUTH=PLAIN", "SASL-IR");

    private static ServerTls tls;

    @BeforeAll
    static void certificate() throws Exception {
        tls = ServerTls.selfSigned(List.of("localhost"));
    }

    private static InetAddress address(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal); // a literal: no lookup
    }

    private static SecurityConfig withTls() {
        return SecurityConfig.startTls(tls);
    }

    @Test
    void aRemoteClientWithoutTlsMayNotSendAPassword() throws UnknownHostException {
        for (String remote : List.of("192.0.2.10", "10.0.0.1", "2001:db8::1", "::ffff:192.0.2.10", "0.0.0.0")) {
            ChannelSecurity channel = ChannelSecurity.of(address(remote), false, withTls());
            assertFalse(channel.loginAllowed(), remote);
            assertEquals(List.of("IMAP4rev1", "LITERAL+", "SASL-IR", "STARTTLS", "LOGINDISABLED", "APPENDLIMIT=1000"),
                    channel.capabilities(ENGINE, false, 1000), remote);
        }
    }

    @Test
    void withoutACertificateThereIsNoStartTlsToOffer() throws UnknownHostException {
        ChannelSecurity channel = ChannelSecurity.of(address("192.0.2.10"), false, SecurityConfig.plaintext());
        assertFalse(channel.loginAllowed());
        assertEquals(List.of("IMAP4rev1", "LITERAL+", "SASL-IR", "LOGINDISABLED", "APPENDLIMIT=7"),
                channel.capabilities(ENGINE, false, 7));
    }

    @Test
    void tlsMakesARemoteClientSafe() throws UnknownHostException {
        ChannelSecurity channel = ChannelSecurity.of(address("192.0.2.10"), true, withTls());
        assertTrue(channel.loginAllowed());
        assertEquals(List.of("IMAP4rev1", "LITERAL+", "AUTH=PLAIN", "SASL-IR", "APPENDLIMIT=1000"),
                channel.capabilities(ENGINE, false, 1000));
    }

    @Test
    void theLoopbackAddressIsSafeUnlessTheOperatorSaysOtherwise() throws UnknownHostException {
        for (String loopback : List.of("127.0.0.1", "127.1.2.3", "::1")) {
            assertTrue(ChannelSecurity.of(address(loopback), false, withTls()).loginAllowed(), loopback);
            assertFalse(ChannelSecurity.of(address(loopback), false, withTls().withTrustLoopback(false)).loginAllowed(),
                    loopback);
        }
        assertEquals(List.of("IMAP4rev1", "LITERAL+", "AUTH=PLAIN", "SASL-IR", "STARTTLS", "APPENDLIMIT=1000"),
                ChannelSecurity.of(address("127.0.0.1"), false, withTls()).capabilities(ENGINE, false, 1000));
    }

    @Test
    void theOperatorMayAllowPlaintextPasswordsFromAnywhere() throws UnknownHostException {
        SecurityConfig allowing = new SecurityConfig(Optional.empty(), OptionalInt.empty(), true, false);
        ChannelSecurity channel = ChannelSecurity.of(address("192.0.2.10"), false, allowing);
        assertTrue(channel.loginAllowed());
        assertEquals(List.of("IMAP4rev1", "LITERAL+", "AUTH=PLAIN", "SASL-IR", "APPENDLIMIT=1000"),
                channel.capabilities(ENGINE, false, 1000));
    }

    @Test
    void startTlsIsOfferedOnlyBeforeLoginAndWithoutTls() throws UnknownHostException {
        ChannelSecurity plain = ChannelSecurity.of(address("127.0.0.1"), false, withTls());
        assertTrue(plain.startTlsOffered(false));
        assertFalse(plain.startTlsOffered(true));
        assertFalse(ChannelSecurity.of(address("127.0.0.1"), true, withTls()).startTlsOffered(false));
        assertFalse(plain.capabilities(ENGINE, true, 1).contains("STARTTLS"));
    }

    @Test
    void anImapsPortNeedsACertificate() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SecurityConfig.plaintext().withImapsPort(993));
        assertEquals("imapsPort needs a TLS key and certificate", e.getMessage());
    }
}
