package vn.vneid.sso.chip.icao;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import org.bouncycastle.asn1.bsi.BSIObjectIdentifiers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.vneid.sso.chipsim.AaKeyType;
import vn.vneid.sso.chipsim.ChipCard;
import vn.vneid.sso.chipsim.Citizen;
import vn.vneid.sso.chipsim.DataGroups;
import vn.vneid.sso.chipsim.TestPki;

/** Active authentication as the chip declares it (ICAO 9303 part 11): DG14's hash, the RSA trailer's hash. */
class ActiveAuthenticationTest {

    private static final Citizen AN = Citizen.demo("001085012345");
    private static final byte[] CHALLENGE = {1, 4, 1, 4, 2, 1, 3, 5};

    static TestPki pki;
    static TestPki.DocumentSigner signer;
    static CscaTrustStore store;

    @BeforeAll
    static void pki() {
        pki = TestPki.generate();
        signer = pki.issueDocumentSigner();
        store = new CscaTrustStore(List.of(pki.cscaCertificate()), List.of());
    }

    static String verify(ChipCard card, AlgorithmPolicy policy) throws ChipVerificationException {
        return new ChipVerifier(store, Clock.systemUTC(), policy, ChipVerifier.DEFAULT_ISSUING_STATES)
                .verify(CertificateFamiliesTest.answerTo(card, CHALLENGE), CHALLENGE, AN.nationalId(), null)
                .activeAuthentication();
    }

    static ChipFailure failureOf(ChipCard card, AlgorithmPolicy policy) {
        try {
            verify(card, policy);
        } catch (ChipVerificationException e) {
            return e.failure();
        }
        throw new AssertionError("the chip was accepted");
    }

    @ParameterizedTest(name = "{0} {1}, DER {2}")
    @CsvSource({
        "ECDSA_P256, SHA-224, false", "ECDSA_P256, SHA-256, true", "ECDSA_P256, SHA-384, false",
        "ECDSA_P256, SHA-512, true", "ECDSA_P256, SHA-1, false", "ECDSA_BRAINPOOL_P320, SHA-384, false",
        "ECDSA_BRAINPOOL_P320, SHA-512, true",
        "RSA_2048, SHA-1, false", "RSA_2048, SHA-256, false", "RSA_2048, SHA-224, false", "RSA_2048, SHA-384, false",
        "RSA_2048, SHA-512, false", "RSA_1024, SHA-1, false"})
    @DisplayName("the hash DG14 declares (ECDSA) or the trailer names (RSA) is the one verified, plain or DER")
    void declaredHashesAreHonoured(AaKeyType type, String hash, boolean der) throws ChipVerificationException {
        ChipCard card = ChipCard.issue(AN, signer, type, hash, der);
        assertThat(verify(card, AlgorithmPolicy.defaults())).isEqualTo(type.isEcdsa() ? "ECDSA" : "RSA-ISO9796-2");
    }

    @Test
    @DisplayName("a chip that signs with another hash than DG14 declares fails the challenge")
    void aDeclarationThatDoesNotMatch() {
        ChipCard card = ChipCard.issue(AN, signer, AaKeyType.ECDSA_P256, "SHA-512", false)
                .withDataGroupResigned(14, DataGroups.dg14("SHA-256"));
        assertThat(failureOf(card, AlgorithmPolicy.defaults())).isEqualTo(ChipFailure.BAD_CHALLENGE);
    }

    @Test
    @DisplayName("an ECDSA chip without ActiveAuthenticationInfo has not said which hash it uses")
    void ecdsaWithoutDg14() {
        ChipCard card = ChipCard.issue(AN, signer, AaKeyType.ECDSA_P256);
        ChipData withoutDg14 = new ChipData(card.sod(), card.dg1(), card.dg13(), card.dg15(),
                card.signChallenge(CHALLENGE));
        try {
            new ChipVerifier(store, Clock.systemUTC()).verify(withoutDg14, CHALLENGE, AN.nationalId(), null);
            throw new AssertionError("accepted");
        } catch (ChipVerificationException e) {
            assertThat(e.failure()).isEqualTo(ChipFailure.MISSING_DATA_GROUP);
        }
    }

    @Test
    @DisplayName("SHA-1 active authentication is accepted by default and refused where the realm says so")
    void sha1CanBeRefused() {
        AlgorithmPolicy noSha1 = AlgorithmPolicy.defaults().withSha1ForActiveAuthentication(false);
        assertThat(failureOf(ChipCard.issue(AN, signer, AaKeyType.RSA_2048), noSha1))
                .isEqualTo(ChipFailure.ALGORITHM_REFUSED);
        assertThat(failureOf(ChipCard.issue(AN, signer, AaKeyType.ECDSA_P256, "SHA-1", false), noSha1))
                .isEqualTo(ChipFailure.ALGORITHM_REFUSED);
    }

    @Test
    void dg14DeclaresTheAlgorithm() throws ChipVerificationException {
        assertThat(ActiveAuthentication.declaredAlgorithm(DataGroups.dg14("SHA-384")))
                .isEqualTo(BSIObjectIdentifiers.ecdsa_plain_SHA384);
        assertThat(ActiveAuthentication.declaredAlgorithm(null)).isNull();
    }
}
