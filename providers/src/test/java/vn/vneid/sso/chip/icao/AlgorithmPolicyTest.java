package vn.vneid.sso.chip.icao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.vneid.sso.chip.icao.AlgorithmPolicy.Use;

class AlgorithmPolicyTest {

    private final AlgorithmPolicy policy = AlgorithmPolicy.defaults();

    static ChipVerificationException refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        try {
            call.call();
        } catch (ChipVerificationException e) {
            return e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        throw new AssertionError("accepted");
    }

    @Test
    void sha2IsAcceptedEverywhere() throws ChipVerificationException {
        for (Use use : Use.values()) {
            assertThat(policy.digest(use, new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha224))).isEqualTo("SHA-224");
            assertThat(policy.signatureDigest(use, new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA512)))
                    .isEqualTo("SHA-512");
            assertThat(policy.signatureDigest(use, pss(NISTObjectIdentifiers.id_sha384))).isEqualTo("SHA-384");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Use.class, names = {"DATA_GROUP_HASH", "CMS_SIGNATURE", "CERTIFICATE_SIGNATURE"})
    void sha1IsRefusedWhereACollisionCouldSwapSignedContent(Use use) {
        ChipVerificationException hash = refusal(() -> policy.digest(use,
                new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1)));
        assertThat(hash.failure()).isEqualTo(ChipFailure.ALGORITHM_REFUSED);
        assertThat(hash.getMessage()).contains("SHA-1");
        assertThat(refusal(() -> policy.signatureDigest(use,
                new AlgorithmIdentifier(PKCSObjectIdentifiers.sha1WithRSAEncryption))).failure())
                .isEqualTo(ChipFailure.ALGORITHM_REFUSED);
        assertThat(refusal(() -> policy.signatureDigest(use, pss(OIWObjectIdentifiers.idSHA1))).failure())
                .isEqualTo(ChipFailure.ALGORITHM_REFUSED);
    }

    @Test
    void unknownAlgorithmsAreUnsupportedNotRefused() {
        assertThat(refusal(() -> policy.digest(Use.DATA_GROUP_HASH,
                new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.3.4")))).failure())
                .isEqualTo(ChipFailure.UNSUPPORTED_ALGORITHM);
        assertThat(refusal(() -> policy.signatureDigest(Use.CMS_SIGNATURE,
                new AlgorithmIdentifier(PKCSObjectIdentifiers.md5WithRSAEncryption))).failure())
                .isEqualTo(ChipFailure.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void shortKeysAreRefusedForSignersButNotForTheChip() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        var weak = rsa.generateKeyPair().getPublic();
        ChipVerificationException e = refusal(() -> policy.checkKey(Use.CERTIFICATE_SIGNATURE, weak));
        assertThat(e.failure()).isEqualTo(ChipFailure.ALGORITHM_REFUSED);
        assertThat(e.getMessage()).contains("RSA-1024");
    }

    @Test
    void sha1ForActiveAuthenticationIsARealmChoice() throws ChipVerificationException {
        assertThat(policy.accept(Use.ACTIVE_AUTHENTICATION, "SHA-1")).isEqualTo("SHA-1");
        assertThatThrownBy(() -> policy.withSha1ForActiveAuthentication(false)
                .accept(Use.ACTIVE_AUTHENTICATION, "SHA-1")).isInstanceOf(ChipVerificationException.class);
    }

    private static AlgorithmIdentifier pss(ASN1ObjectIdentifier hash) {
        AlgorithmIdentifier digest = new AlgorithmIdentifier(hash, DERNull.INSTANCE);
        return new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSASSA_PSS, new RSASSAPSSparams(digest,
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, digest), RSASSAPSSparams.DEFAULT_SALT_LENGTH,
                RSASSAPSSparams.DEFAULT_TRAILER_FIELD));
    }
}
