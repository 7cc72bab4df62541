package io.hubwarden.simulator;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * A certificate for 127.0.0.1 and localhost, generated at start, that the simulators' HTTPS listeners present. Clients
 * trust it through {@link #clientContext()} or {@link #trustStore()}; nothing else trusts it.
 */
public final class SelfSignedCertificate {

    private static final char[] PASSWORD = "simulator".toCharArray();

    private final X509Certificate certificate;
    private final KeyStore keyStore;

    private static volatile @Nullable SelfSignedCertificate shared;

    private SelfSignedCertificate(X509Certificate certificate, KeyStore keyStore) {
        this.certificate = certificate;
        this.keyStore = keyStore;
    }

    /**
     * One certificate for the whole JVM, generated on first use. Generating takes a moment (the first time mostly for
     * loading the crypto classes), so simulators started one after another in a test run share it.
     */
    public static SelfSignedCertificate shared() {
        SelfSignedCertificate current = shared;
        if (current == null) {
            synchronized (SelfSignedCertificate.class) {
                current = shared;
                if (current == null) {
                    current = generate();
                    shared = current;
                }
            }
        }
        return current;
    }

    /**
     * Generates a fresh P-256 key pair and a certificate valid from a day ago for ten years (by real time: TLS clients
     * check it against the machine's clock, not the simulated one).
     *
     * @throws IllegalStateException when the JDK lacks EC keys or SHA256withECDSA
     */
    public static SelfSignedCertificate generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256, new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=127.0.0.1, O=Hubwarden simulators");
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    subject,
                    new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(3650))),
                    subject,
                    keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")
            }));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("simulator", keys.getPrivate(), PASSWORD, new Certificate[] {certificate});
            return new SelfSignedCertificate(certificate, keyStore);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot generate the simulators' certificate", e);
        }
    }

    /** The certificate the HTTPS listeners present. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** A trust store holding only this certificate, e.g. for a client's {@code TrustManagerFactory}. */
    public KeyStore trustStore() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("simulator", certificate);
            return trust;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store", e);
        }
    }

    /** A TLS context for the HTTPS listeners: this certificate and its key. */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the server TLS context", e);
        }
    }

    /**
     * A TLS context for clients that trusts this certificate and nothing else, e.g. for
     * {@code HttpClient.newBuilder().sslContext(...)} or {@code HttpsURLConnection.setDefaultSSLSocketFactory(...)}.
     */
    public SSLContext clientContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the client TLS context", e);
        }
    }
}
