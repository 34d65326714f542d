package vn.vneid.sso.chipsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SignatureException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TestPkiTest {

    private static final TestPki DEMO = TestPki.demo();

    @Test
    void theDemoCscaLoadsFromTheClasspath() throws Exception {
        X509Certificate csca = DEMO.cscaCertificate();

        assertThat(csca.getSubjectX500Principal().getName())
                .isEqualTo("CN=VNeID TEST CSCA - NOT FOR PRODUCTION,O=VNeID TEST,C=VN");
        assertThat(csca.getIssuerX500Principal()).isEqualTo(csca.getSubjectX500Principal());
        assertThat(csca.getBasicConstraints()).isZero(); // CA, pathLen 0
        assertThat(csca.getKeyUsage()).containsExactly(false, false, false, false, false, true, true, false, false);
        assertThat(csca.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(Duration.between(csca.getNotBefore().toInstant(), csca.getNotAfter().toInstant()).toDays())
                .isBetween(3650L, 3653L);
        csca.checkValidity();
        csca.verify(csca.getPublicKey());
    }

    @Test
    void pemRoundTrip() {
        TestPki copy = TestPki.fromPem(DEMO.cscaCertificatePem(), DEMO.cscaPrivateKeyPem());

        assertThat(copy.cscaCertificate()).isEqualTo(DEMO.cscaCertificate());
        assertThat(DEMO.cscaPrivateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(DEMO.cscaCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(copy.cscaPrivateKey().getEncoded()).isEqualTo(DEMO.cscaPrivateKey().getEncoded());
    }

    @Test
    void documentSignerChainsToTheDemoCscaUnderPkix() throws Exception {
        TestPki.DocumentSigner ds = DEMO.issueDocumentSigner();
        X509Certificate cert = ds.certificate();

        assertThat(cert.getKeyUsage()).containsExactly(true, false, false, false, false, false, false, false, false);
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo("EC");
        validate(cert, List.of());
    }

    @Test
    void documentSignerValidityIsWhatTheTestAsks() {
        Instant now = Instant.now();
        TestPki.DocumentSigner expired = DEMO.issueDocumentSigner(now.minus(Duration.ofDays(400)),
                now.minus(Duration.ofDays(30)));
        TestPki.DocumentSigner notYetValid = DEMO.issueDocumentSigner(now.plus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(400)));

        assertThatThrownBy(() -> expired.certificate().checkValidity()).isInstanceOf(CertificateExpiredException.class);
        assertThatThrownBy(() -> notYetValid.certificate().checkValidity())
                .isInstanceOf(CertificateNotYetValidException.class);
        assertThatThrownBy(() -> validate(expired.certificate(), List.of()))
                .isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void crlRevokesUnderPkix() throws Exception {
        TestPki.DocumentSigner revoked = DEMO.issueDocumentSigner();
        TestPki.DocumentSigner good = DEMO.issueDocumentSigner();
        X509CRL crl = DEMO.crl(List.of(revoked.certificate()));

        crl.verify(DEMO.cscaCertificate().getPublicKey());
        assertThat(crl.isRevoked(revoked.certificate())).isTrue();
        assertThat(crl.isRevoked(good.certificate())).isFalse();
        validate(good.certificate(), List.of(crl));
        assertThatThrownBy(() -> validate(revoked.certificate(), List.of(crl)))
                .isInstanceOf(CertPathValidatorException.class)
                .hasMessageContaining("revoked");
    }

    @Test
    void anotherPkiWithTheSameNameIsNotTheDemoOne() {
        TestPki forger = TestPki.generate();
        TestPki.DocumentSigner ds = forger.issueDocumentSigner();

        assertThat(ds.certificate().getIssuerX500Principal()).isEqualTo(DEMO.cscaCertificate().getSubjectX500Principal());
        assertThatThrownBy(() -> ds.certificate().verify(DEMO.cscaCertificate().getPublicKey()))
                .isInstanceOf(SignatureException.class);
        assertThatThrownBy(() -> validate(ds.certificate(), List.of())).isInstanceOf(CertPathValidatorException.class);
    }

    private static void validate(X509Certificate ds, List<X509CRL> crls) throws Exception {
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(DEMO.cscaCertificate(), null)));
        params.setRevocationEnabled(!crls.isEmpty());
        if (!crls.isEmpty()) {
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
        }
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(ds)), params);
    }
}
