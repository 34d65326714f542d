package vn.vneid.sso.chipsim;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;

import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.ISO9796d2Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/** The chip's answer to the server's challenge (ICAO 9303 part 11, Active Authentication). */
final class ActiveAuthentication {

    private static final int SHA1_LENGTH = 20;

    private ActiveAuthentication() {
    }

    static byte[] sign(AaKeyType type, PrivateKey key, byte[] challenge) {
        try {
            return type == AaKeyType.ECDSA_P256 ? signEcdsa(key, challenge) : signIso9796(key, challenge);
        } catch (GeneralSecurityException | IOException | CryptoException e) {
            throw new IllegalStateException("Active Authentication signature failed", e);
        }
    }

    private static byte[] signEcdsa(PrivateKey key, byte[] challenge) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("SHA256withPLAIN-ECDSA", Crypto.BC);
        signature.initSign(key, Crypto.RANDOM);
        signature.update(challenge);
        return signature.sign();
    }

    /**
     * M1 is a nonce filling exactly the recoverable capacity (modulus bytes - SHA-1 - header and trailer bytes),
     * so the verifier recovers all of M1 and supplies M2, the challenge, itself.
     */
    private static byte[] signIso9796(PrivateKey key, byte[] challenge) throws IOException, CryptoException {
        RSAKeyParameters params = (RSAKeyParameters) PrivateKeyFactory.createKey(key.getEncoded());
        int modulusBytes = (params.getModulus().bitLength() + 7) / 8;
        byte[] m1 = new byte[modulusBytes - SHA1_LENGTH - 2];
        Crypto.RANDOM.nextBytes(m1);
        ISO9796d2Signer signer = new ISO9796d2Signer(new RSABlindedEngine(), new SHA1Digest(), true);
        signer.init(true, params);
        signer.update(m1, 0, m1.length);
        signer.update(challenge, 0, challenge.length);
        return signer.generateSignature();
    }
}
