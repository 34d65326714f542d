package vn.vneid.sso.chip.icao;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.chipsim.AaKeyType;
import vn.vneid.sso.chipsim.ChipCard;
import vn.vneid.sso.chipsim.Citizen;
import vn.vneid.sso.chipsim.PkiFamily;
import vn.vneid.sso.chipsim.TestPki;

/** Whose CSCA may vouch for whose documents, and when (ICAO 9303 part 12). */
class CountryAndValidityTest {

    private static final Citizen AN = Citizen.demo("001085012345");
    private static final byte[] CHALLENGE = {2, 7, 1, 8, 2, 8, 1, 8};

    static ChipFailure failureOf(ChipVerifier verifier, ChipCard card) {
        try {
            verifier.verify(CertificateFamiliesTest.answerTo(card, CHALLENGE), CHALLENGE, AN.nationalId(), null);
        } catch (ChipVerificationException e) {
            return e.failure();
        }
        throw new AssertionError("the chip was accepted");
    }

    static ChipVerifier trusting(TestPki... pkis) {
        return new ChipVerifier(new CscaTrustStore(List.of(pkis).stream().map(TestPki::cscaCertificate).toList(),
                List.of()), Clock.systemUTC());
    }

    @Test
    @DisplayName("a Vietnamese card signed under another country's trusted CSCA is refused")
    void anotherCountrysCsca() {
        TestPki vietnam = TestPki.generate();
        TestPki france = TestPki.generate(PkiFamily.EC_NIST_P256, "C=FR, O=Test, CN=Test CSCA France");
        ChipCard card = ChipCard.issue(AN, france.issueDocumentSigner(), AaKeyType.ECDSA_P256);

        assertThat(card.documentSigner().certificate().getSubjectX500Principal().getName()).endsWith("C=FR");
        assertThat(failureOf(trusting(vietnam, france), card)).isEqualTo(ChipFailure.SIGNER_COUNTRY_MISMATCH);
    }

    @Test
    @DisplayName("a realm accepts only the issuing states it lists")
    void issuingStateNotAccepted() throws ChipVerificationException {
        TestPki vietnam = TestPki.generate();
        ChipCard card = ChipCard.issue(AN, vietnam.issueDocumentSigner(), AaKeyType.ECDSA_P256);
        CscaTrustStore store = new CscaTrustStore(List.of(vietnam.cscaCertificate()), List.of());

        ChipVerifier germanOnly = new ChipVerifier(store, Clock.systemUTC(), AlgorithmPolicy.defaults(), Set.of("D"));
        assertThat(failureOf(germanOnly, card)).isEqualTo(ChipFailure.ISSUING_STATE_NOT_ACCEPTED);

        ChipVerifier both = new ChipVerifier(store, Clock.systemUTC(), AlgorithmPolicy.defaults(),
                Set.of("D", "VNM"));
        assertThat(both.verify(CertificateFamiliesTest.answerTo(card, CHALLENGE), CHALLENGE, AN.nationalId(), null))
                .isNotNull();
    }

    @Test
    @DisplayName("an expired CSCA is refused, although PKIX alone would take it as a timeless anchor")
    void anExpiredCsca() {
        assertThat(failureUnder(-10 * 365, -1, -365, 365)).isEqualTo(ChipFailure.CSCA_EXPIRED);
    }

    @Test
    @DisplayName("a CSCA already expired when it signed the Document Signer is refused")
    void aCscaExpiredAtSigningTime() {
        assertThat(failureUnder(-5 * 365, -365, -30, 365)).isEqualTo(ChipFailure.CSCA_EXPIRED);
    }

    @Test
    @DisplayName("a Document Signer dated before its CSCA existed is refused")
    void aSignerOlderThanItsCsca() {
        assertThat(failureUnder(-30, 10 * 365, -365, 365)).isEqualTo(ChipFailure.CSCA_NOT_YET_VALID);
    }

    @Test
    @DisplayName("a CSCA key re-certified with a longer validity vouches while any of its certificates is valid"
            + " (ICAO 9303-12 §6.1.1: one trust anchor per CSCA key)")
    void aCscaKeyWithALongerLivedCertificate() throws Exception {
        Instant now = Instant.now();
        TestPki csca = TestPki.generate(PkiFamily.EC_NIST_P256, TestPki.CSCA_SUBJECT,
                now.minus(Duration.ofDays(5 * 365)), now.minus(Duration.ofDays(1)));
        ChipCard card = ChipCard.issue(AN, csca.issueDocumentSigner(now.minus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(365))), AaKeyType.ECDSA_P256);
        java.security.cert.X509Certificate longer = recertified(csca, now.minus(Duration.ofDays(5 * 365)),
                now.plus(Duration.ofDays(10 * 365)));

        assertThat(failureOf(trusting(csca), card)).isEqualTo(ChipFailure.CSCA_EXPIRED);
        ChipVerifier both = new ChipVerifier(new CscaTrustStore(List.of(csca.cscaCertificate(), longer), List.of()),
                Clock.systemUTC());
        assertThat(both.verify(CertificateFamiliesTest.answerTo(card, CHALLENGE), CHALLENGE, AN.nationalId(), null))
                .isNotNull();
        TestPki stranger = TestPki.generate(PkiFamily.EC_NIST_P256, TestPki.CSCA_SUBJECT,
                now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(3650)));
        assertThat(failureOf(new ChipVerifier(new CscaTrustStore(List.of(csca.cscaCertificate(),
                stranger.cscaCertificate()), List.of()), Clock.systemUTC()), card))
                .as("a valid certificate of the same name but another key does not count")
                .isEqualTo(ChipFailure.CSCA_EXPIRED);
    }

    /** The same CSCA name and key in a new self-signed certificate with another validity. */
    private static java.security.cert.X509Certificate recertified(TestPki csca, Instant from, Instant to)
            throws Exception {
        java.security.cert.X509Certificate original = csca.cscaCertificate();
        org.bouncycastle.asn1.x500.X500Name name = org.bouncycastle.asn1.x500.X500Name.getInstance(
                original.getSubjectX500Principal().getEncoded());
        var builder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(name,
                java.math.BigInteger.valueOf(System.nanoTime()), java.util.Date.from(from), java.util.Date.from(to),
                name, original.getPublicKey())
                .addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true,
                        new org.bouncycastle.asn1.x509.BasicConstraints(0))
                .addExtension(org.bouncycastle.asn1.x509.Extension.keyUsage, true,
                        new org.bouncycastle.asn1.x509.KeyUsage(org.bouncycastle.asn1.x509.KeyUsage.keyCertSign
                                | org.bouncycastle.asn1.x509.KeyUsage.cRLSign));
        return Certificates.parse(builder.build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder(
                "SHA256withECDSA").setProvider(Crypto.BC).build(csca.cscaPrivateKey())).getEncoded());
    }

    /** The refusal of a chip whose CSCA and Document Signer are valid these days from now (negative: ago). */
    private static ChipFailure failureUnder(int cscaFrom, int cscaTo, int signerFrom, int signerTo) {
        Instant now = Instant.now();
        TestPki csca = TestPki.generate(PkiFamily.EC_NIST_P256, TestPki.CSCA_SUBJECT,
                now.plus(Duration.ofDays(cscaFrom)), now.plus(Duration.ofDays(cscaTo)));
        ChipCard card = ChipCard.issue(AN, csca.issueDocumentSigner(now.plus(Duration.ofDays(signerFrom)),
                now.plus(Duration.ofDays(signerTo))), AaKeyType.ECDSA_P256);
        return failureOf(trusting(csca), card);
    }

    @Test
    @DisplayName("a Document Signer whose path was validated a minute ago is still refused once it has expired")
    void aCachedPathStillChecksValidity() throws ChipVerificationException {
        Instant now = Instant.now();
        TestPki csca = TestPki.generate();
        ChipCard card = ChipCard.issue(AN, csca.issueDocumentSigner(now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofMinutes(1))), AaKeyType.ECDSA_P256);
        CscaTrustStore store = new CscaTrustStore(List.of(csca.cscaCertificate()), List.of());
        ChipData answer = CertificateFamiliesTest.answerTo(card, CHALLENGE);

        assertThat(new ChipVerifier(store, Clock.fixed(now, ZoneOffset.UTC)).verify(answer, CHALLENGE,
                AN.nationalId(), null)).isNotNull();
        ChipVerifier twoMinutesLater = new ChipVerifier(store, Clock.fixed(now.plus(Duration.ofMinutes(2)),
                ZoneOffset.UTC));
        assertThat(failureOf(twoMinutesLater, card)).isEqualTo(ChipFailure.SIGNER_EXPIRED);
    }

    @Test
    void issuingStatesMapToCertificateCountries() {
        assertThat(IssuingStates.alpha2("VNM")).isEqualTo("VN");
        assertThat(IssuingStates.alpha2("D")).isEqualTo("DE");
        assertThat(IssuingStates.alpha2("FRA")).isEqualTo("FR");
        assertThat(IssuingStates.alpha2("GBD")).isEqualTo("GB");
        assertThat(IssuingStates.alpha2("XXX")).isNull();
    }
}
