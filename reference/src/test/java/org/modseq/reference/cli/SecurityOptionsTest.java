package org.modseq.reference.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.modseq.reference.net.ImapServer;
import org.modseq.reference.net.ImapTestClient;
import org.modseq.reference.tls.SelfSignedCertificate;
import org.modseq.reference.tls.ServerTls;
import picocli.CommandLine;

/** {@code modseq serve}'s TLS and login options: servers started with them, and their one-line errors. */
@Timeout(60)
class SecurityOptionsTest {

    @TempDir
    Path dir;

    @Test
    void aSelfSignedCertificateServesImapsAndStartTls() throws Exception {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--in-memory", "--port", "0", "--tls-self-signed", "--imaps-port", "0");
        StringWriter out = new StringWriter();
        try (ImapServer server = command.start(new PrintWriter(out, true))) {
            ServerTls tls = server.security().tls().orElseThrow();
            List<String> lines = out.toString().lines().toList();
            assertTrue(lines.contains("IMAPS (implicit TLS) on 127.0.0.1:" + server.imapsPort()), lines.toString());
            assertTrue(lines.contains("STARTTLS offered on 127.0.0.1:" + server.port() + "; TLS certificate: self-signed"),
                    lines.toString());
            assertTrue(lines.contains("Certificate SHA-256 fingerprint: " + tls.fingerprint()), lines.toString());
            SSLContext trusting = ImapTestClient.trusting(tls.certificate());
            try (ImapTestClient client = ImapTestClient.connectTls(server.imapsPort(), trusting)) {
                client.expectOk("l", "LOGIN demo demo");
                assertTrue(client.expectOk("s", "SELECT INBOX").contains("* 5 EXISTS"));
            }
            try (ImapTestClient client = ImapTestClient.connect(server.port())) {
                client.expectOk("t", "STARTTLS");
                client.startTls(trusting);
                client.expectOk("l", "LOGIN demo demo");
            }
        }
    }

    @Test
    void pemFilesServeImaps() throws Exception {
        SelfSignedCertificate generated = SelfSignedCertificate.generate(List.of("127.0.0.1"));
        Path certificate = Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE",
                generated.certificate().getEncoded()), StandardCharsets.US_ASCII);
        Path key = Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", generated.key().getEncoded()),
                StandardCharsets.US_ASCII);
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--in-memory", "--port", "0", "--imaps-port", "0", "--tls-cert", certificate.toString(),
                "--tls-key", key.toString(), "--no-demo", "--user", "alice:pw");
        StringWriter out = new StringWriter();
        try (ImapServer server = command.start(new PrintWriter(out, true))) {
            assertTrue(out.toString().contains("TLS certificate: " + certificate + " and " + key), out.toString());
            try (ImapTestClient client = ImapTestClient.connectTls(server.imapsPort(),
                    ImapTestClient.trusting(generated.certificate()))) {
                client.expectOk("l", "LOGIN alice pw");
            }
        }
    }

    @Test
    void plaintextLoginsFromAnywhereAreSaidOutLoud() throws Exception {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--in-memory", "--port", "0", "--allow-plaintext-login");
        StringWriter out = new StringWriter();
        try (ImapServer server = command.start(new PrintWriter(out, true))) {
            assertTrue(out.toString().contains("Plaintext logins allowed from any address (--allow-plaintext-login)"),
                    out.toString());
            assertTrue(server.security().allowPlaintextLogin());
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static void assertOneLineError(String expected, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = ModseqCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertEquals(2, exitCode, err.toString());
        assertEquals(List.of("modseq serve: " + expected), err.toString().lines().toList());
    }

    @Test
    void inconsistentOptionsAreOneLineErrors() {
        assertOneLineError("--tls-cert and --tls-key go together: give both, or neither",
                "serve", "--port", "0", "--tls-cert", "cert.pem");
        assertOneLineError("--imaps-port needs a certificate: add --tls-cert and --tls-key, or --tls-self-signed",
                "serve", "--port", "0", "--imaps-port", "993");
        assertOneLineError("--tls-self-signed and --tls-cert exclude each other: give one",
                "serve", "--port", "0", "--tls-self-signed", "--tls-cert", "a.pem", "--tls-key", "b.pem");
        Path missing = dir.resolve("missing.pem");
        assertOneLineError("cannot read TLS certificate " + missing + ": no such file",
                "serve", "--port", "0", "--tls-cert", missing.toString(), "--tls-key", missing.toString());
    }
}
