package org.modseq.reference.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys and certificates as PEM files ({@code serve --tls-cert FILE --tls-key FILE}) and the self-signed one. */
class PemFilesTest {

    private static SelfSignedCertificate server;
    private static SelfSignedCertificate other;

    @TempDir
    Path dir;

    @BeforeAll
    static void certificates() throws Exception {
        server = SelfSignedCertificate.generate(List.of("mail.example.org", "127.0.0.1"));
        other = SelfSignedCertificate.generate(List.of("other.example.org"));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String pem(X509Certificate certificate) throws CertificateEncodingException {
        return pem("CERTIFICATE", certificate.getEncoded());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
    }

    @Test
    void aCertificateAndAPkcs8KeyAreLoaded() throws Exception {
        Path chain = write("chain.pem", pem(server.certificate()));
        Path key = write("key.pem", "# a comment line before the key\n" + pem("PRIVATE KEY", server.key().getEncoded()));
        ServerTls tls = PemFiles.load(chain, key);
        assertEquals(server.certificate(), tls.certificate());
        assertEquals(tls.fingerprint(), ServerTls.of(server.key(), List.of(server.certificate()), "x").fingerprint());
        assertTrue(tls.fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), tls.fingerprint());
    }

    @Test
    void theSelfSignedCertificateNamesTheServer() throws Exception {
        X509Certificate certificate = server.certificate();
        certificate.checkValidity();
        certificate.verify(certificate.getPublicKey());
        assertEquals("CN=mail.example.org", certificate.getSubjectX500Principal().getName());
        assertEquals(List.of(List.of(2, "mail.example.org"), List.of(7, "127.0.0.1")),
                certificate.getSubjectAlternativeNames().stream().map(name -> List.copyOf(name)).toList());
        assertEquals(-1, certificate.getBasicConstraints(), "not a CA");
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefused() throws Exception {
        Path certificate = write("cert.pem", pem(server.certificate()));
        Path key = write("key.pem", pem("PRIVATE KEY", other.key().getEncoded()));
        IOException e = assertThrows(IOException.class, () -> PemFiles.load(certificate, key));
        assertEquals("TLS key " + key + " is not the key of the certificate in " + certificate, e.getMessage());
    }

    /** A chain whose next certificate did not sign the one before: the JDK's key store refuses it. */
    @Test
    void aChainThatIsNoChainIsRefused() throws Exception {
        Path chain = write("chain.pem", pem(server.certificate()) + pem(other.certificate()));
        Path key = write("key.pem", pem("PRIVATE KEY", server.key().getEncoded()));
        IOException e = assertThrows(IOException.class, () -> PemFiles.load(chain, key));
        assertEquals("cannot use TLS key " + key + " with certificate " + chain + ": Certificate chain is not valid",
                e.getMessage());
    }

    @Test
    void missingAndWrongFilesAreNamed() throws Exception {
        Path certificate = write("cert.pem", pem(server.certificate()));
        Path key = write("key.pem", pem("PRIVATE KEY", server.key().getEncoded()));
        Path missing = dir.resolve("missing.pem");
        assertEquals("cannot read TLS certificate " + missing + ": no such file",
                assertThrows(IOException.class, () -> PemFiles.load(missing, key)).getMessage());
        assertEquals("cannot read TLS key " + missing + ": no such file",
                assertThrows(IOException.class, () -> PemFiles.load(certificate, missing)).getMessage());
        assertEquals("TLS certificate " + key + " holds no certificate (expected -----BEGIN CERTIFICATE-----)",
                assertThrows(IOException.class, () -> PemFiles.load(key, key)).getMessage());
        assertEquals("TLS key " + certificate + " holds no private key (expected -----BEGIN PRIVATE KEY-----)",
                assertThrows(IOException.class, () -> PemFiles.load(certificate, certificate)).getMessage());
        Path garbage = write("garbage.pem", "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        String message = assertThrows(IOException.class, () -> PemFiles.load(garbage, key)).getMessage();
        assertTrue(message.startsWith("cannot read TLS certificate " + garbage + ": not a valid PEM file"), message);
    }
}
