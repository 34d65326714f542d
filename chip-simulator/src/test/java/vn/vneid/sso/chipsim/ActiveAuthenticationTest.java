package vn.vneid.sso.chipsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.signers.ISO9796d2Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActiveAuthenticationTest {

    private static final byte[] CHALLENGE = {1, 2, 3, 4, 5, 6, 7, 8};
    private static final byte[] OTHER_CHALLENGE = {1, 2, 3, 4, 5, 6, 7, 9};

    private static TestPki.DocumentSigner ds;

    @BeforeAll
    static void signer() {
        ds = TestPki.demo().issueDocumentSigner();
    }

    @Test
    void ecdsaIsPlainRConcatS() throws Exception {
        ChipCard card = ChipCard.issue(Citizen.demo("001085012345"), ds, AaKeyType.ECDSA_P256);
        byte[] signature = card.signChallenge(CHALLENGE);

        assertThat(signature).hasSize(64);
        assertThat(verifyEcdsa(card.dg15(), CHALLENGE, signature)).isTrue();
        assertThat(verifyEcdsa(card.dg15(), OTHER_CHALLENGE, signature)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = AaKeyType.class, names = {"RSA_2048", "RSA_1024"})
    void rsaIsIso9796Part2WithTheChallengeAsNonRecoverablePart(AaKeyType type) throws Exception {
        ChipCard card = ChipCard.issue(Citizen.demo("004160001122"), ds, type);
        byte[] signature = card.signChallenge(CHALLENGE);
        int modulusBytes = type == AaKeyType.RSA_2048 ? 256 : 128;
        assertThat(signature).hasSize(modulusBytes);

        ISO9796d2Signer verifier = rsaVerifier(card.dg15());
        verifier.updateWithRecoveredMessage(signature);
        assertThat(verifier.hasFullMessage()).isFalse();
        assertThat(verifier.getRecoveredMessage()).hasSize(modulusBytes - 20 - 2);
        verifier.update(CHALLENGE, 0, CHALLENGE.length);
        assertThat(verifier.verifySignature(signature)).isTrue();

        ISO9796d2Signer wrong = rsaVerifier(card.dg15());
        wrong.updateWithRecoveredMessage(signature);
        wrong.update(OTHER_CHALLENGE, 0, OTHER_CHALLENGE.length);
        assertThat(wrong.verifySignature(signature)).isFalse();
    }

    @Test
    void aForeignAaKeyDoesNotMatchDg15() throws Exception {
        ChipCard clone = ChipCard.issue(Citizen.demo("001085012345"), ds, AaKeyType.ECDSA_P256).withForeignAaKey();
        assertThat(verifyEcdsa(clone.dg15(), CHALLENGE, clone.signChallenge(CHALLENGE))).isFalse();
    }

    static boolean verifyEcdsa(byte[] dg15, byte[] challenge, byte[] signature) throws Exception {
        // The JDK's own key object from DG15, as a server would build it.
        PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki(dg15)));
        Signature verifier = Signature.getInstance("SHA256withPLAIN-ECDSA", Crypto.BC);
        verifier.initVerify(key);
        verifier.update(challenge);
        return verifier.verify(signature);
    }

    private static ISO9796d2Signer rsaVerifier(byte[] dg15) throws IOException {
        AsymmetricKeyParameter key = PublicKeyFactory.createKey(spki(dg15));
        ISO9796d2Signer verifier = new ISO9796d2Signer(new RSABlindedEngine(), new SHA1Digest(), true);
        verifier.init(false, key);
        return verifier;
    }

    static byte[] spki(byte[] dg15) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(dg15)) {
            return ((ASN1TaggedObject) in.readObject()).getExplicitBaseObject().toASN1Primitive().getEncoded("DER");
        }
    }
}
