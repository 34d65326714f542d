package vn.vneid.sso.chip.icao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.vneid.sso.chipsim.AaKeyType;
import vn.vneid.sso.chipsim.ChipCard;
import vn.vneid.sso.chipsim.Citizen;
import vn.vneid.sso.chipsim.PkiFamily;
import vn.vneid.sso.chipsim.TestPki;

/** Every certificate family real country PKIs use, from a trust store on disk to a verified chip. */
class CertificateFamiliesTest {

    private static final Citizen AN = Citizen.demo("001085012345");
    private static final byte[] CHALLENGE = {3, 1, 4, 1, 5, 9, 2, 6};
    private static final Map<PkiFamily, TestPki> PKIS = new EnumMap<>(PkiFamily.class);

    @TempDir
    Path dir;

    static synchronized TestPki pki(PkiFamily family) {
        return PKIS.computeIfAbsent(family, TestPki::generate);
    }

    @ParameterizedTest
    @EnumSource(PkiFamily.class)
    @DisplayName("a genuine chip of each family verifies against its CSCA read from a PEM file")
    void genuineChipOfEachFamily(PkiFamily family) throws Exception {
        TestPki pki = pki(family);
        Files.writeString(dir.resolve("csca.pem"), pki.cscaCertificatePem(), StandardCharsets.US_ASCII);
        CscaTrustStore store = CscaTrustStore.load(dir);
        assertThat(store.warnings()).isEmpty();

        ChipCard card = ChipCard.issue(AN, pki.issueDocumentSigner(), AaKeyType.ECDSA_P256);
        VerifiedChip chip = new ChipVerifier(store, Clock.systemUTC()).verify(answer(card), CHALLENGE,
                AN.nationalId(), AN.birthDate());

        assertThat(chip.identity().nationalId()).isEqualTo(AN.nationalId());
        assertThat(chip.documentSigner()).contains("C=VN");
    }

    @ParameterizedTest
    @EnumSource(value = PkiFamily.class, names = {"BRAINPOOL_P256_EXPLICIT", "BRAINPOOL_P512_EXPLICIT"})
    @DisplayName("explicit-parameter certificates: the JDK cannot read them, we do")
    void explicitParametersAreReallyExplicit(PkiFamily family) throws Exception {
        TestPki pki = pki(family);
        byte[] signer = pki.issueDocumentSigner().certificate().getEncoded();
        for (byte[] der : List.of(pki.cscaCertificate().getEncoded(), signer)) {
            SubjectPublicKeyInfo key = org.bouncycastle.asn1.x509.Certificate.getInstance(der)
                    .getSubjectPublicKeyInfo();
            assertThat(key.getAlgorithm().getParameters()).as("domain parameters, not a curve OID")
                    .isInstanceOf(ASN1Sequence.class).isNotInstanceOf(ASN1ObjectIdentifier.class);
        }
        assertThatThrownBy(() -> CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(signer)).getPublicKey())
                .hasMessageContaining("named");
        assertThat(Certificates.parse(signer).getPublicKey().getAlgorithm()).isIn("EC", "ECDSA");
    }

    @Test
    @DisplayName("a Document Signer of another family than its CSCA (explicit brainpool under a NIST CSCA)")
    void mixedFamilies() throws Exception {
        TestPki pki = pki(PkiFamily.EC_NIST_P256);
        ChipCard card = ChipCard.issue(AN, pki.issueDocumentSigner(PkiFamily.BRAINPOOL_P256_EXPLICIT),
                AaKeyType.RSA_2048);
        VerifiedChip chip = new ChipVerifier(new CscaTrustStore(List.of(pki.cscaCertificate()), List.of()),
                Clock.systemUTC()).verify(answer(card), CHALLENGE, AN.nationalId(), null);
        assertThat(chip.activeAuthentication()).isEqualTo("RSA-ISO9796-2");
    }

    @ParameterizedTest
    @EnumSource(value = PkiFamily.class, names = {"RSA_PSS", "BRAINPOOL_P256_EXPLICIT"})
    @DisplayName("a signer of a trusted family but an untrusted CSCA is still untrusted")
    void untrustedCscaOfTheSameFamily(PkiFamily family) {
        ChipCard card = ChipCard.issue(AN, TestPki.generate(family).issueDocumentSigner(), AaKeyType.ECDSA_P256);
        ChipVerifier verifier = new ChipVerifier(new CscaTrustStore(List.of(pki(family).cscaCertificate()),
                List.of()), Clock.systemUTC());
        assertThatThrownBy(() -> verifier.verify(answer(card), CHALLENGE, AN.nationalId(), null))
                .isInstanceOfSatisfying(ChipVerificationException.class,
                        e -> assertThat(e.failure()).isEqualTo(ChipFailure.UNTRUSTED_SIGNER));
    }

    static ChipData answer(ChipCard card) {
        return answerTo(card, CHALLENGE);
    }

    /** What the app sends: every data group the chip presents and its answer to the challenge. */
    static ChipData answerTo(ChipCard card, byte[] challenge) {
        return new ChipData(card.sod(), card.dg1(), card.dg13(), card.dg14(), card.dg15(),
                card.signChallenge(challenge));
    }
}
