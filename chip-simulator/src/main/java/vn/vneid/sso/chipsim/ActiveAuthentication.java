package vn.vneid.sso.chipsim;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;

import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.ISO9796d2Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.jcajce.provider.util.DigestFactory;

/** The chip's answer to the server's challenge (ICAO 9303 part 11, Active Authentication). */
final class ActiveAuthentication {

    private ActiveAuthentication() {
    }

    /**
     * @param hash the hash the chip uses: for ECDSA what DG14 declares, for RSA "SHA-1" means the implicit ISO/IEC
     *     9796-2 trailer (0xBC), any other an explicit trailer naming it
     * @param der ECDSA only: a DER SEQUENCE of r and s instead of the plain r||s
     */
    static byte[] sign(AaKeyType type, PrivateKey key, String hash, boolean der, byte[] challenge) {
        try {
            return type.isEcdsa() ? signEcdsa(key, hash, der, challenge) : signIso9796(key, hash, challenge);
        } catch (GeneralSecurityException | IOException | CryptoException e) {
            throw new IllegalStateException("Active Authentication signature failed", e);
        }
    }

    private static byte[] signEcdsa(PrivateKey key, String hash, boolean der, byte[] challenge)
            throws GeneralSecurityException {
        Signature signature = Signature.getInstance(hash.replace("-", "") + (der ? "withECDSA" : "withPLAIN-ECDSA"),
                Crypto.BC);
        signature.initSign(key, Crypto.RANDOM);
        signature.update(challenge);
        return signature.sign();
    }

    /**
     * M1 is a nonce filling exactly the recoverable capacity (modulus bytes - hash - header and trailer bytes),
     * so the verifier recovers all of M1 and supplies M2, the challenge, itself.
     */
    private static byte[] signIso9796(PrivateKey key, String hash, byte[] challenge)
            throws IOException, CryptoException {
        RSAKeyParameters params = (RSAKeyParameters) PrivateKeyFactory.createKey(key.getEncoded());
        boolean implicit = "SHA-1".equals(hash);
        Digest digest = digest(hash);
        int modulusBytes = (params.getModulus().bitLength() + 7) / 8;
        byte[] m1 = new byte[modulusBytes - digest.getDigestSize() - (implicit ? 2 : 3)];
        Crypto.RANDOM.nextBytes(m1);
        ISO9796d2Signer signer = new ISO9796d2Signer(new RSABlindedEngine(), digest, implicit);
        signer.init(true, params);
        signer.update(m1, 0, m1.length);
        signer.update(challenge, 0, challenge.length);
        return signer.generateSignature();
    }

    private static Digest digest(String hash) {
        Digest digest = DigestFactory.getDigest(hash);
        if (digest == null) {
            throw new IllegalArgumentException("no ISO/IEC 9796-2 hash " + hash);
        }
        return digest;
    }
}
