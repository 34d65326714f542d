package vn.vneid.sso.chip.icao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.vneid.sso.chipsim.AaKeyType;
import vn.vneid.sso.chipsim.ChipCard;
import vn.vneid.sso.chipsim.Citizen;
import vn.vneid.sso.chipsim.TestPki;

/** Passive and active authentication of chips made by the simulator (an independent implementation). */
class ChipVerifierTest {

    private static final Citizen AN = Citizen.demo("001085012345");
    private static final Citizen HUNG = Citizen.demo("049078006789");
    private static final byte[] CHALLENGE = {1, 2, 3, 4, 5, 6, 7, 8};

    static TestPki pki;
    static TestPki.DocumentSigner signer;
    static ChipCard card;
    static ChipVerifier verifier;

    @BeforeAll
    static void issue() {
        pki = TestPki.generate();
        signer = pki.issueDocumentSigner();
        card = ChipCard.issue(AN, signer, AaKeyType.ECDSA_P256);
        verifier = verifier(List.of());
    }

    static ChipVerifier verifier(List<X509CRL> crls) {
        return new ChipVerifier(new CscaTrustStore(List.of(pki.cscaCertificate()), crls), Clock.systemUTC());
    }

    static ChipData answer(ChipCard chip, byte[] challenge) {
        return CertificateFamiliesTest.answerTo(chip, challenge);
    }

    static ChipFailure failureOf(ChipVerifier v, ChipData data) {
        try {
            v.verify(data, CHALLENGE, AN.nationalId(), AN.birthDate());
        } catch (ChipVerificationException e) {
            return e.failure();
        }
        throw new AssertionError("the chip was accepted");
    }

    @Test
    @DisplayName("issue #15: a replacement card keeps the MRZ document number but has its own key fingerprint and issue date")
    void replacementCardIsAnotherCard() throws ChipVerificationException {
        ChipCard replacement = ChipCard.issue(AN.withCardValidity(LocalDate.of(2026, 11, 20), AN.expiryDate()), signer,
                AaKeyType.ECDSA_P256);
        VerifiedChip old = verifier.verify(answer(card, CHALLENGE), CHALLENGE, AN.nationalId(), AN.birthDate());
        VerifiedChip renewed = verifier.verify(answer(replacement, CHALLENGE), CHALLENGE, AN.nationalId(),
                AN.birthDate());
        assertThat(renewed.mrz().documentNumber()).isEqualTo(old.mrz().documentNumber());
        assertThat(renewed.keyFingerprint()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(old.keyFingerprint());
        assertThat(old.identity().issueDate()).isEqualTo(AN.issueDate());
        assertThat(renewed.identity().issueDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        VerifiedChip again = verifier.verify(answer(card, CHALLENGE), CHALLENGE, AN.nationalId(), AN.birthDate());
        assertThat(again.keyFingerprint()).as("the same card, read again").isEqualTo(old.keyFingerprint());
    }

    @ParameterizedTest
    @EnumSource(AaKeyType.class)
    @DisplayName("a genuine chip passes, with its identity from DG13 and DG1")
    void genuineChip(AaKeyType type) throws ChipVerificationException {
        ChipCard chip = ChipCard.issue(AN, signer, type);
        VerifiedChip verified = verifier.verify(answer(chip, CHALLENGE), CHALLENGE, AN.nationalId(), AN.birthDate());
        assertThat(verified.identity().nationalId()).isEqualTo("001085012345");
        assertThat(verified.identity().fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(verified.identity().birthDate()).isEqualTo(LocalDate.of(1985, 3, 2));
        assertThat(verified.identity().gender()).isEqualTo("male");
        assertThat(verified.mrz().documentNumber()).isEqualTo("085012345");
        assertThat(verified.activeAuthentication()).isEqualTo(type.isEcdsa() ? "ECDSA" : "RSA-ISO9796-2");
        assertThat(verified.documentSigner()).isNotBlank();
    }

    @Test
    void theBirthDateIsOptional() throws ChipVerificationException {
        assertThat(verifier.verify(answer(card, CHALLENGE), CHALLENGE, AN.nationalId(), null)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 13, 14, 15})
    @DisplayName("every data group altered after signing is caught by its hash")
    void tamperedDataGroup(int number) {
        byte[] altered = card.dataGroup(number).clone();
        altered[altered.length - 1] ^= 0x01;
        ChipCard tampered = card.withDataGroup(number, altered);
        assertThat(failureOf(verifier, answer(tampered, CHALLENGE))).isEqualTo(ChipFailure.HASH_MISMATCH);
    }

    @Test
    void anSodWhoseHashWasComputedOverOtherBytes() {
        ChipCard forged = card.withSodHashOver(13, "other".getBytes());
        assertThat(failureOf(verifier, answer(forged, CHALLENGE))).isEqualTo(ChipFailure.HASH_MISMATCH);
    }

    @Test
    void anSodResignedByAnUntrustedSigner() {
        ChipCard forged = card.resignedBy(TestPki.generate().issueDocumentSigner());
        assertThat(failureOf(verifier, answer(forged, CHALLENGE))).isEqualTo(ChipFailure.UNTRUSTED_SIGNER);
    }

    @Test
    void expiredAndNotYetValidSigners() {
        Instant now = Instant.now();
        ChipCard expired = ChipCard.issue(AN, pki.issueDocumentSigner(now.minus(Duration.ofDays(400)),
                now.minus(Duration.ofDays(1))), AaKeyType.ECDSA_P256);
        assertThat(failureOf(verifier, answer(expired, CHALLENGE))).isEqualTo(ChipFailure.SIGNER_EXPIRED);
        ChipCard early = ChipCard.issue(AN, pki.issueDocumentSigner(now.plus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(400))), AaKeyType.ECDSA_P256);
        assertThat(failureOf(verifier, answer(early, CHALLENGE))).isEqualTo(ChipFailure.SIGNER_NOT_YET_VALID);
    }

    @Test
    void aRevokedSignerWhereACrlIsConfigured() throws ChipVerificationException {
        TestPki.DocumentSigner revoked = pki.issueDocumentSigner();
        ChipCard chip = ChipCard.issue(AN, revoked, AaKeyType.ECDSA_P256);
        ChipVerifier withCrl = verifier(List.of(pki.crl(List.of(revoked.certificate()))));
        assertThat(failureOf(withCrl, answer(chip, CHALLENGE))).isEqualTo(ChipFailure.SIGNER_REVOKED);
        // The same CRL does not touch a signer it does not list.
        assertThat(withCrl.verify(answer(card, CHALLENGE), CHALLENGE, AN.nationalId(), null)).isNotNull();
    }

    @Test
    void theChipMustAnswerThisChallenge() {
        byte[] other = {8, 7, 6, 5, 4, 3, 2, 1};
        assertThat(failureOf(verifier, answer(card, other))).isEqualTo(ChipFailure.BAD_CHALLENGE);
        ChipCard rsa = ChipCard.issue(AN, signer, AaKeyType.RSA_2048);
        assertThat(failureOf(verifier, answer(rsa, other))).isEqualTo(ChipFailure.BAD_CHALLENGE);
        // A copy of the data without the card's key cannot answer either.
        assertThat(failureOf(verifier, answer(card.withForeignAaKey(), CHALLENGE)))
                .isEqualTo(ChipFailure.BAD_CHALLENGE);
    }

    @Test
    void theChipOfAnotherCitizen() {
        ChipCard hung = ChipCard.issue(HUNG, signer, AaKeyType.ECDSA_P256);
        assertThat(failureOf(verifier, answer(hung, CHALLENGE))).isEqualTo(ChipFailure.IDENTITY_MISMATCH);
    }

    @Test
    void anExpiredCard() {
        ChipCard lapsed = ChipCard.issue(AN.withCardValidity(LocalDate.of(2010, 3, 2), LocalDate.of(2025, 3, 2)),
                signer, AaKeyType.ECDSA_P256);
        assertThat(failureOf(verifier, answer(lapsed, CHALLENGE))).isEqualTo(ChipFailure.CARD_EXPIRED);
    }

    @Test
    @DisplayName("a citizen born in 1925 passes although the MRZ writes the year as 25")
    void twoDigitYearsOfTheMrz() throws ChipVerificationException {
        Citizen elder = new Citizen("001125012345", "Bùi Thị Nhàn", LocalDate.of(1925, 6, 1), Citizen.Sex.FEMALE,
                "Hà Nội", "Hà Nội", LocalDate.of(2040, 6, 1));
        ChipCard chip = ChipCard.issue(elder, signer, AaKeyType.ECDSA_P256);
        assertThat(verifier.verify(answer(chip, CHALLENGE), CHALLENGE, elder.nationalId(), elder.birthDate())
                .identity().birthDate()).isEqualTo(LocalDate.of(1925, 6, 1));
    }

    @Test
    @DisplayName("the simulator's test CSCA is dropped from a store unless a realm allows it")
    void testAnchorsAreMarked() {
        CscaTrustStore store = new CscaTrustStore(List.of(TestPki.demo().cscaCertificate()), List.of());
        assertThat(store.hasTestAnchors()).isTrue();
        assertThat(store.withoutTestAnchors().size()).isZero();
    }

    @Test
    void aStaleCrlIsAServerProblemNotAnUntrustedCard() {
        Instant now = Instant.now();
        X509CRL stale = pki.crl(List.of(), now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        assertThat(failureOf(verifier(List.of(stale)), answer(card, CHALLENGE)))
                .isEqualTo(ChipFailure.REVOCATION_UNKNOWN);
    }

    @Test
    void theRightNumberWithAnotherBirthDate() {
        assertThatThrownBy(() -> verifier.verify(answer(card, CHALLENGE), CHALLENGE, AN.nationalId(),
                AN.birthDate().plusDays(1)))
                .isInstanceOfSatisfying(ChipVerificationException.class,
                        e -> assertThat(e.failure()).isEqualTo(ChipFailure.IDENTITY_MISMATCH));
    }

    @Test
    void missingAndOversizedParts() {
        assertThat(failureOf(verifier, new ChipData(card.sod(), card.dg1(), null, card.dg15(), new byte[64])))
                .isEqualTo(ChipFailure.MISSING_DATA_GROUP);
        assertThat(failureOf(verifier, new ChipData(new byte[ChipData.MAX_SOD + 1], card.dg1(), card.dg13(),
                card.dg15(), new byte[64]))).isEqualTo(ChipFailure.OVERSIZED);
    }

    @Test
    @DisplayName("truncated and random ASN.1 never lets an exception escape")
    void hostileInput() {
        Random random = new Random(20261123L);
        byte[][] parts = {card.sod(), card.dg1(), card.dg13(), card.dg15(), card.dg14()};
        for (int part = 0; part < parts.length; part++) {
            for (int length : new int[] {0, 1, 2, 3, 10, parts[part].length / 2, parts[part].length - 1}) {
                assertRefused(replace(parts, part, Arrays.copyOf(parts[part], length)));
            }
            for (int i = 0; i < 50; i++) {
                byte[] noise = new byte[1 + random.nextInt(parts[part].length + 64)];
                random.nextBytes(noise);
                assertRefused(replace(parts, part, noise));
                byte[] flipped = parts[part].clone();
                flipped[random.nextInt(flipped.length)] ^= (byte) (1 + random.nextInt(255));
                assertNoForgery(part, replace(parts, part, flipped));
            }
        }
    }

    private static ChipData replace(byte[][] parts, int index, byte[] value) {
        byte[][] copy = parts.clone();
        copy[index] = value;
        return new ChipData(copy[0], copy[1], copy[2], copy[4], copy[3], card.signChallenge(CHALLENGE));
    }

    private static void assertRefused(ChipData data) {
        assertThat(failureOf(verifier, data)).isNotNull();
    }

    /**
     * A changed byte is refused, except in the few fields of the CMS envelope that no signature covers (its version,
     * its list of digest algorithms): there it changes nothing that is verified. A data group never survives a
     * change.
     */
    private static void assertNoForgery(int part, ChipData data) {
        try {
            VerifiedChip accepted = verifier.verify(data, CHALLENGE, AN.nationalId(), AN.birthDate());
            assertThat(part).as("only the SOD envelope has unsigned bytes").isZero();
            assertThat(accepted.identity().nationalId()).isEqualTo(AN.nationalId());
        } catch (ChipVerificationException e) {
            assertThat(e.failure()).isNotNull();
        }
    }

    @Test
    void aChipVerifiedAtAnotherTimeUsesThatTime() {
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(800)), ZoneOffset.UTC);
        ChipVerifier inTwoYears = new ChipVerifier(new CscaTrustStore(List.of(pki.cscaCertificate()), List.of()),
                later);
        assertThat(failureOf(inTwoYears, answer(card, CHALLENGE))).isEqualTo(ChipFailure.SIGNER_EXPIRED);
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
