package vn.vneid.sso.chipsim;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

/** The Active Authentication key a chip holds; real CCCDs use either family. */
public enum AaKeyType {
    /** Signature r||s (64 bytes), JCA "SHA256withPLAIN-ECDSA". */
    ECDSA_P256,
    /** ISO/IEC 9796-2 scheme 1, SHA-1, implicit trailer. */
    RSA_2048,
    /** As RSA_2048; older chips. */
    RSA_1024;

    KeyPair generateKeyPair() {
        try {
            if (this == ECDSA_P256) {
                return TestPki.ecKeyPair("secp256r1");
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", Crypto.BC);
            generator.initialize(this == RSA_2048 ? 2048 : 1024, Crypto.RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an " + this + " key", e);
        }
    }
}
