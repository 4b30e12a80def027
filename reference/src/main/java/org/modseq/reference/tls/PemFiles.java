package org.modseq.reference.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * A key and a certificate chain in PEM files, as certbot, openssl and most CAs write them
 * ({@code serve --tls-cert FILE --tls-key FILE}). The certificate file holds the server's
 * certificate first, then any intermediates; the key file an unencrypted private key in PKCS#8
 * ({@code BEGIN PRIVATE KEY}) or the older RSA or EC forms. Bouncy Castle's PEM reader parses them.
 */
public final class PemFiles {

    private PemFiles() {
    }

    /**
     * TLS with the key and chain of these files.
     *
     * @throws IOException with a one-line message naming the file when a file cannot be read, holds
     *     no certificate or key, holds an encrypted key, or the key is not the certificate's
     */
    public static ServerTls load(Path certificateFile, Path keyFile) throws IOException {
        List<X509Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile);
        try {
            if (!matches(key, chain.getFirst().getPublicKey())) {
                throw new IOException("TLS key " + keyFile + " is not the key of the certificate in " + certificateFile);
            }
            return ServerTls.of(key, chain, certificateFile + " and " + keyFile);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use TLS key " + keyFile + " with certificate " + certificateFile + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> certificates(Path file) throws IOException {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object item : items(file, "certificate")) {
            if (item instanceof X509CertificateHolder holder) {
                try {
                    chain.add(converter.getCertificate(holder));
                } catch (GeneralSecurityException e) {
                    throw new IOException("TLS certificate " + file + ": " + e.getMessage(), e);
                }
            }
        }
        if (chain.isEmpty()) {
            throw new IOException("TLS certificate " + file + " holds no certificate (expected -----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file) throws IOException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        for (Object item : items(file, "key")) {
            switch (item) {
                case PrivateKeyInfo info -> {
                    return converter.getPrivateKey(info);
                }
                case PEMKeyPair pair -> {
                    return converter.getKeyPair(pair).getPrivate();
                }
                case PEMEncryptedKeyPair encrypted -> throw encrypted(file);
                case PKCS8EncryptedPrivateKeyInfo encrypted -> throw encrypted(file);
                default -> {
                    // Certificates and parameters beside the key are skipped.
                }
            }
        }
        throw new IOException("TLS key " + file + " holds no private key (expected -----BEGIN PRIVATE KEY-----)");
    }

    private static IOException encrypted(Path file) {
        return new IOException("TLS key " + file + " is encrypted; the server cannot ask for its passphrase"
                + " (decrypt it with: openssl pkey -in KEY -out KEY.plain)");
    }

    /** Every PEM object in the file, in order. */
    private static List<Object> items(Path file, String what) throws IOException {
        List<Object> items = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            Object item;
            while ((item = parser.readObject()) != null) {
                items.add(item);
            }
        } catch (NoSuchFileException e) {
            throw new IOException("cannot read TLS " + what + " " + file + ": no such file", e);
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot read TLS " + what + " " + file + ": not a valid PEM file ("
                    + e.getMessage() + ")", e);
        }
        return items;
    }

    /** Whether the key signs what the certificate's public key verifies. */
    private static boolean matches(PrivateKey key, PublicKey certified) throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return true; // an algorithm this check does not know: the handshake will tell
        }
        byte[] probe = "modseq".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (InvalidKeyException | SignatureException e) {
            return false; // a public key of another kind
        }
    }
}
