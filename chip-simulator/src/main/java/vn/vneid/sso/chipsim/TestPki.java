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
import org.bouncycastle.asn1.x500.style.BCStyle;
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
 * A throw-away country PKI: a self-signed CSCA and the Document Signers it certifies, of one {@link PkiFamily}
 * (by default EC P-384 and P-256). Document Signers carry the CSCA's country. Certificates are Bouncy Castle
 * objects, since the JDK cannot read explicit-parameter EC keys.
 * TEST ONLY: {@link #demo()}'s private key is committed to the repository.
 */
public final class TestPki {

    public static final String CSCA_SUBJECT = "C=VN, O=VNeID TEST, CN=VNeID TEST CSCA - NOT FOR PRODUCTION";
    public static final String DEMO_CERTIFICATE_RESOURCE = "/test-pki/vneid-test-csca.pem";
    public static final String DEMO_PRIVATE_KEY_RESOURCE = "/test-pki/vneid-test-csca.key.pem";

    /**
     * A Document Signer: the certificate travels in every SOD, the key signs it with the SOD signature and the
     * data-group hash of its family.
     */
    public record DocumentSigner(X509Certificate certificate, PrivateKey privateKey, PkiFamily family) {
        public DocumentSigner {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(privateKey, "privateKey");
            Objects.requireNonNull(family, "family");
        }
    }

    private final X509Certificate cscaCertificate;
    private final PrivateKey cscaPrivateKey;
    private final PkiFamily family;

    private TestPki(X509Certificate cscaCertificate, PrivateKey cscaPrivateKey, PkiFamily family) {
        this.cscaCertificate = cscaCertificate;
        this.cscaPrivateKey = cscaPrivateKey;
        this.family = family;
    }

    /** A fresh CSCA with the standard subject: trusted by nobody, e.g. the forger's PKI in tests. */
    public static TestPki generate() {
        return generate(CSCA_SUBJECT);
    }

    public static TestPki generate(String subjectDn) {
        return generate(PkiFamily.EC_NIST_P256, subjectDn);
    }

    public static TestPki generate(PkiFamily family) {
        return generate(family, CSCA_SUBJECT);
    }

    /** Ten years, begun two years ago: expired Document Signers in tests still fall inside the CSCA's life. */
    public static TestPki generate(PkiFamily family, String subjectDn) {
        ZonedDateTime notBefore = Instant.now().truncatedTo(ChronoUnit.DAYS).atZone(ZoneOffset.UTC).minusYears(2);
        return generate(family, subjectDn, notBefore.toInstant(), notBefore.plusYears(10).toInstant());
    }

    /** Any validity, so tests can make an expired or not-yet-valid CSCA. */
    public static TestPki generate(PkiFamily family, String subjectDn, Instant notBefore, Instant notAfter) {
        try {
            KeyPair keys = family.cscaKeyPair();
            X500Name subject = new X500Name(subjectDn);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serialNumber(),
                    Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            ext.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = certificate(builder.build(signer(family, keys.getPrivate())));
            return new TestPki(certificate, keys.getPrivate(), family);
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
            PkiFamily family = privateKey instanceof java.security.interfaces.RSAPrivateKey ? PkiFamily.RSA_PKCS1
                    : PkiFamily.EC_NIST_P256;
            return new TestPki(certificate(holder), privateKey, family);
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

    public PkiFamily family() {
        return family;
    }

    /** Valid from a day ago for a year: the ordinary, trustworthy signer. */
    public DocumentSigner issueDocumentSigner() {
        return issueDocumentSigner(family);
    }

    /** A signer of another family than the CSCA's own, e.g. an explicit-brainpool signer under the demo CSCA. */
    public DocumentSigner issueDocumentSigner(PkiFamily signerFamily) {
        Instant now = Instant.now();
        return issueDocumentSigner(signerFamily, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    /** Any validity, so tests can make expired and not-yet-valid signers. */
    public DocumentSigner issueDocumentSigner(Instant notBefore, Instant notAfter) {
        return issueDocumentSigner(family, notBefore, notAfter);
    }

    public DocumentSigner issueDocumentSigner(PkiFamily signerFamily, Instant notBefore, Instant notAfter) {
        try {
            KeyPair keys = signerFamily.documentSignerKeyPair();
            BigInteger serial = serialNumber();
            String country = X500Name.getInstance(cscaCertificate.getSubjectX500Principal().getEncoded())
                    .getRDNs(BCStyle.C)[0].getFirst().getValue().toString();
            X500Name subject = new X500Name("C=" + country + ", O=VNeID TEST, CN=VNeID TEST Document Signer "
                    + serial.toString(16).substring(0, 8));
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(cscaCertificate, serial,
                    Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic())
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            ext.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(cscaCertificate));
            return new DocumentSigner(certificate(builder.build(signer(family, cscaPrivateKey))), keys.getPrivate(),
                    signerFamily);
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
            byte[] der = builder.build(signer(family, cscaPrivateKey)).getEncoded();
            return (X509CRL) CertificateFactory.getInstance("X.509", Crypto.BC)
                    .generateCRL(new ByteArrayInputStream(der));
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

    private static ContentSigner signer(PkiFamily family, PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder(family.cscaSignature()).setProvider(Crypto.BC).build(key);
    }

    // Bouncy Castle's certificate objects: the JDK's refuse explicit EC parameters.
    private static X509Certificate certificate(X509CertificateHolder holder) throws GeneralSecurityException,
            IOException {
        return (X509Certificate) CertificateFactory.getInstance("X.509", Crypto.BC)
                .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
    }

    // Positive and at most 16 bytes: RFC 5280 allows up to 20 octets.
    private static BigInteger serialNumber() {
        return new BigInteger(127, Crypto.RANDOM).setBit(126);
    }
}
