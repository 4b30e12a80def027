package org.modseq.reference.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A new EC P-256 key and a certificate for it signed by itself, for {@code serve --tls-self-signed}
 * and for tests. Clients do not trust it, so they must be told to (or shown its fingerprint): it
 * encrypts the demo's traffic but proves nothing about the server.
 *
 * <p>Bouncy Castle builds the certificate (the JDK has no public API for it); the key and the
 * signature are the JDK's own.
 */
public record SelfSignedCertificate(PrivateKey key, X509Certificate certificate) {

    /** How long the certificate is valid; a demo server restarted once a year gets a new one. */
    private static final Duration VALIDITY = Duration.ofDays(365);

    public SelfSignedCertificate {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(certificate, "certificate");
    }

    /**
     * A certificate for these host names and IP addresses (its subject alternative names; the first
     * is also its common name), valid from an hour ago, for server authentication only.
     */
    public static SelfSignedCertificate generate(List<String> names) throws GeneralSecurityException {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one name");
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, names.getFirst()).build();
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new SecureRandom()).add(BigInteger.ONE), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
        List<GeneralName> alternatives = new ArrayList<>();
        for (String name : names) {
            alternatives.add(new GeneralName(isIpAddress(name) ? GeneralName.iPAddress : GeneralName.dNSName, name));
        }
        try {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(alternatives.toArray(GeneralName[]::new)));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return new SelfSignedCertificate(pair.getPrivate(), certificate);
        } catch (CertIOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot build a self-signed certificate: " + e.getMessage(), e);
        }
    }

    /** An IPv4 or IPv6 literal, which goes into the certificate as an address, not a DNS name. */
    private static boolean isIpAddress(String name) {
        return name.indexOf(':') >= 0 || name.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }
}
