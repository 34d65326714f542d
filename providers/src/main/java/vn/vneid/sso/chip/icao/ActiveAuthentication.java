package vn.vneid.sso.chip.icao;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.ISO9796d2Signer;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * ICAO 9303 part 11 active authentication: the chip signs the server's challenge with the private key whose public
 * half is in DG15, which the SOD protects. A copied chip cannot answer, because the key never leaves the card.
 * RSA keys sign with ISO/IEC 9796-2 scheme 1 (message recovery: M1 recovered from the signature, M2 = challenge);
 * EC keys with plain ECDSA (r||s).
 */
final class ActiveAuthentication {

    private ActiveAuthentication() {
    }

    static PublicKey publicKey(byte[] dg15) throws ChipVerificationException {
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(Lds.unwrap(dg15, Lds.DG15_TAG, "DG15"));
            return new JcaPEMKeyConverter().setProvider(Crypto.BC).getPublicKey(info);
        } catch (ChipVerificationException e) {
            throw e;
        } catch (Exception e) {
            throw new ChipVerificationException(ChipFailure.MALFORMED, "DG15 public key", e);
        }
    }

    /** @return the method used, for the record ("RSA-ISO9796-2" or "ECDSA") */
    static String verify(PublicKey key, byte[] challenge, byte[] signature) throws ChipVerificationException {
        if (key instanceof RSAPublicKey) {
            RSAPublicKey rsa = (RSAPublicKey) key;
            // SHA-1 with the implicit trailer is what chips use; an explicit trailer names SHA-256.
            if (iso9796(rsa, new SHA1Digest(), true, challenge, signature)
                    || iso9796(rsa, new SHA256Digest(), false, challenge, signature)) {
                return "RSA-ISO9796-2";
            }
            throw new ChipVerificationException(ChipFailure.BAD_CHALLENGE, "RSA active authentication");
        }
        if (key instanceof ECPublicKey) {
            try {
                Signature ecdsa = Signature.getInstance("SHA256withPLAIN-ECDSA", Crypto.BC);
                ecdsa.initVerify(key);
                ecdsa.update(challenge);
                if (ecdsa.verify(signature)) {
                    return "ECDSA";
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                // a malformed signature is a failed answer, like a wrong one
            }
            throw new ChipVerificationException(ChipFailure.BAD_CHALLENGE, "ECDSA active authentication");
        }
        throw new ChipVerificationException(ChipFailure.UNSUPPORTED_ALGORITHM, key.getAlgorithm());
    }

    private static boolean iso9796(RSAPublicKey key, Digest digest, boolean implicit, byte[] challenge,
            byte[] signature) {
        try {
            ISO9796d2Signer signer = new ISO9796d2Signer(new RSABlindedEngine(), digest, implicit);
            signer.init(false, new RSAKeyParameters(false, key.getModulus(), key.getPublicExponent()));
            signer.updateWithRecoveredMessage(signature);
            signer.update(challenge, 0, challenge.length);
            return signer.verifySignature(signature);
        } catch (Exception e) {
            return false;
        }
    }
}
