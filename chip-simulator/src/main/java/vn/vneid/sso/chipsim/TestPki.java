package vn.vneid.sso.chipsim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away country PKI: a CSCA (EC P-384, self-signed) and the Document Signers it certifies (EC P-256).
 * TEST ONLY: {@link #demo()}'s private key is committed to the repository.
 */
public final class TestPki {

    public static final String CSCA_SUBJECT = "C=VN, O=VNeID TEST, CN=VNeID TEST CSCA - NOT FOR PRODUCTION";
    public static final String DEMO_CERTIFICATE_RESOURCE = "/test-pki/vneid-test-csca.pem";
    public static final String DEMO_PRIVATE_KEY_RESOURCE = "/test-pki/vneid-test-csca.key.pem";

    private static final String CSCA_SIGNATURE = "SHA384withECDSA";

    /** A Document Signer: the certificate travels in every SOD, the key signs it. */
    public record DocumentSigner(X509Certificate certificate, PrivateKey privateKey) {
        public DocumentSigner {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(privateKey, "privateKey");
        }
    }

    private final X509Certificate cscaCertificate;
    private final PrivateKey cscaPrivateKey;

    private TestPki(X509Certificate cscaCertificate, PrivateKey cscaPrivateKey) {
        this.cscaCertificate = cscaCertificate;
        this.cscaPrivateKey = cscaPrivateKey;
    }

    /** A fresh CSCA with the standard subject: trusted by nobody, e.g. the forger's PKI in tests. */
    public static TestPki generate() {
        return generate(CSCA_SUBJECT);
    }

    public static TestPki generate(String subjectDn) {
        try {
            KeyPair keys = ecKeyPair("secp384r1");
            X500Name subject = new X500Name(subjectDn);
            // Ten years, begun two years ago: expired Document Signers in tests still fall inside the CSCA's life.
            ZonedDateTime notBefore = Instant.now().truncatedTo(ChronoUnit.DAYS).atZone(ZoneOffset.UTC).minusYears(2);
            ZonedDateTime notAfter = notBefore.plusYears(10);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serialNumber(),
                    Date.from(notBefore.toInstant()), Date.from(notAfter.toInstant()), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            ext.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = certificate(builder.build(signer(keys.getPrivate())));
            return new TestPki(certificate, keys.getPrivate());
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create a test CSCA", e);
        }
    }

    /** The fixed demo CSCA committed under src/main/resources/test-pki (its key is public: demo realm only). */
    public static TestPki demo() {
        return fromPem(resource(DEMO_CERTIFICATE_RESOURCE), resource(DEMO_PRIVATE_KEY_RESOURCE));
    }

    /** A CSCA from a certificate PEM and a PKCS#8 ("PRIVATE KEY") PEM. */
    public static TestPki fromPem(String certificatePem, String privateKeyPem) {
        try {
            Object cert = readPem(certificatePem);
            Object key = readPem(privateKeyPem);
            if (!(cert instanceof X509CertificateHolder holder)) {
                throw new IllegalArgumentException("not a certificate PEM");
            }
            if (!(key instanceof PrivateKeyInfo keyInfo)) {
                throw new IllegalArgumentException("not a PKCS#8 private key PEM");
            }
            PrivateKey privateKey = new JcaPEMKeyConverter().setProvider(Crypto.BC).getPrivateKey(keyInfo);
            return new TestPki(certificate(holder), privateKey);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the CSCA PEM", e);
        }
    }

    public X509Certificate cscaCertificate() {
        return cscaCertificate;
    }

    public PrivateKey cscaPrivateKey() {
        return cscaPrivateKey;
    }

    /** Valid from a day ago for a year: the ordinary, trustworthy signer. */
    public DocumentSigner issueDocumentSigner() {
        Instant now = Instant.now();
        return issueDocumentSigner(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    /** Any validity, so tests can make expired and not-yet-valid signers. */
    public DocumentSigner issueDocumentSigner(Instant notBefore, Instant notAfter) {
        try {
            KeyPair keys = ecKeyPair("secp256r1");
            BigInteger serial = serialNumber();
            X500Name subject = new X500Name("C=VN, O=VNeID TEST, CN=VNeID TEST Document Signer "
                    + serial.toString(16).substring(0, 8));
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(cscaCertificate, serial,
                    Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic())
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            ext.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(cscaCertificate));
            return new DocumentSigner(certificate(builder.build(signer(cscaPrivateKey))), keys.getPrivate());
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a Document Signer", e);
        }
    }

    /** A current CRL (this update an hour ago, next update in a week) revoking these certificates. */
    public X509CRL crl(List<X509Certificate> revoked) {
        Instant now = Instant.now();
        return crl(revoked, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)));
    }

    /** Any update times, so tests can make a stale CRL. */
    public X509CRL crl(List<X509Certificate> revoked, Instant thisUpdate, Instant nextUpdate) {
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(cscaCertificate, Date.from(thisUpdate))
                    .setNextUpdate(Date.from(nextUpdate))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(cscaCertificate))
                    .addExtension(Extension.cRLNumber, false,
                            new CRLNumber(BigInteger.valueOf(thisUpdate.getEpochSecond())));
            for (X509Certificate certificate : revoked) {
                builder.addCRLEntry(certificate.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
            }
            byte[] der = builder.build(signer(cscaPrivateKey)).getEncoded();
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot sign a CRL", e);
        }
    }

    public String cscaCertificatePem() {
        return pem(cscaCertificate);
    }

    /** PKCS#8 ("BEGIN PRIVATE KEY"), not the SEC1 form JcaPEMWriter picks for a bare EC key. */
    public String cscaPrivateKeyPem() {
        try {
            return pem(new JcaPKCS8Generator(cscaPrivateKey, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writePem(Path certificateFile, Path privateKeyFile) throws IOException {
        Files.writeString(certificateFile, cscaCertificatePem(), StandardCharsets.US_ASCII);
        Files.writeString(privateKeyFile, cscaPrivateKeyPem(), StandardCharsets.US_ASCII);
    }

    private static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Object readPem(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return parser.readObject();
        }
    }

    private static String resource(String name) {
        try (InputStream in = TestPki.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KeyPair ecKeyPair(String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Crypto.BC);
        generator.initialize(new ECGenParameterSpec(curve), Crypto.RANDOM);
        return generator.generateKeyPair();
    }

    private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder(CSCA_SIGNATURE).setProvider(Crypto.BC).build(key);
    }

    // The JDK's own certificate objects: the server side puts them in its trust stores and CertPath checks.
    private static X509Certificate certificate(X509CertificateHolder holder) throws GeneralSecurityException,
            IOException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
    }

    // Positive and at most 16 bytes: RFC 5280 allows up to 20 octets.
    private static BigInteger serialNumber() {
        return new BigInteger(127, Crypto.RANDOM).setBit(126);
    }
}
