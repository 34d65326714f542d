package vn.vneid.sso.chipsim;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

/** The Active Authentication key a chip holds; real CCCDs use either family. */
public enum AaKeyType {
    /** ECDSA over the hash DG14's ActiveAuthenticationInfo declares (SHA-256 unless told), plain r||s. */
    ECDSA_P256,
    /** As ECDSA_P256, on brainpoolP320r1, a curve real European chips use. */
    ECDSA_BRAINPOOL_P320,
    /** ISO/IEC 9796-2 scheme 1, SHA-1, implicit trailer (unless another hash is asked). */
    RSA_2048,
    /** As RSA_2048; older chips. */
    RSA_1024;

    public boolean isEcdsa() {
        return this == ECDSA_P256 || this == ECDSA_BRAINPOOL_P320;
    }

    /** What a chip of this type uses unless told otherwise. */
    public String defaultHash() {
        return isEcdsa() ? "SHA-256" : "SHA-1";
    }

    KeyPair generateKeyPair() {
        try {
            if (this == ECDSA_P256) {
                return TestPki.ecKeyPair("secp256r1");
            }
            if (this == ECDSA_BRAINPOOL_P320) {
                return TestPki.ecKeyPair("brainpoolP320r1");
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", Crypto.BC);
            generator.initialize(this == RSA_2048 ? 2048 : 1024, Crypto.RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an " + this + " key", e);
        }
    }
}
