package vn.vneid.sso.chipsim;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.jce.spec.ECParameterSpec;

/**
 * The certificate families real country PKIs use (ICAO 9303-12 §4.1.6 asks RSASSA-PSS or PKCS#1 v1.5 and
 * explicit-parameter ECDSA; named curves are used anyway): the CSCA's key and signature, the
 * Document Signer's key, and the SOD's signature and data-group hash. Explicit-parameter families write the curve's
 * domain parameters into the certificate instead of its OID, as many European CSCAs and Document Signers do.
 */
public enum PkiFamily {
    /** Our default: named NIST curves. */
    EC_NIST_P256("EC:secp384r1", "SHA384withECDSA", "EC:secp256r1", "SHA256withECDSA", "SHA-256"),
    EC_NIST_P521("EC:secp521r1", "SHA512withECDSA", "EC:secp384r1", "SHA384withECDSA", "SHA-384"),
    BRAINPOOL_P256_EXPLICIT("EC-EXPLICIT:brainpoolP384r1", "SHA384withECDSA", "EC-EXPLICIT:brainpoolP256r1",
            "SHA256withECDSA", "SHA-256"),
    BRAINPOOL_P512_EXPLICIT("EC-EXPLICIT:brainpoolP512r1", "SHA512withECDSA", "EC-EXPLICIT:brainpoolP384r1",
            "SHA512withECDSA", "SHA-512"),
    RSA_PSS("RSA:3072", "SHA256withRSAandMGF1", "RSA:2048", "SHA256withRSAandMGF1", "SHA-256"),
    RSA_PKCS1("RSA:3072", "SHA512withRSA", "RSA:2048", "SHA224withRSA", "SHA-224");

    private final String cscaKey;
    private final String cscaSignature;
    private final String documentSignerKey;
    private final String sodSignature;
    private final String dataGroupHash;

    PkiFamily(String cscaKey, String cscaSignature, String documentSignerKey, String sodSignature,
            String dataGroupHash) {
        this.cscaKey = cscaKey;
        this.cscaSignature = cscaSignature;
        this.documentSignerKey = documentSignerKey;
        this.sodSignature = sodSignature;
        this.dataGroupHash = dataGroupHash;
    }

    /** The JCA name of the signature a CSCA of this family puts on certificates and CRLs. */
    public String cscaSignature() {
        return cscaSignature;
    }

    /** The JCA name of the SOD's signature. */
    public String sodSignature() {
        return sodSignature;
    }

    /** The JCA name of the hash over the data groups, e.g. "SHA-256". */
    public String dataGroupHash() {
        return dataGroupHash;
    }

    KeyPair cscaKeyPair() {
        return keyPair(cscaKey);
    }

    KeyPair documentSignerKeyPair() {
        return keyPair(documentSignerKey);
    }

    /** "EC:curve" (named), "EC-EXPLICIT:curve" (domain parameters spelled out) or "RSA:bits". */
    private static KeyPair keyPair(String spec) {
        String[] parts = spec.split(":");
        try {
            if ("RSA".equals(parts[0])) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", Crypto.BC);
                generator.initialize(new RSAKeyGenParameterSpec(Integer.parseInt(parts[1]),
                        RSAKeyGenParameterSpec.F4), Crypto.RANDOM);
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Crypto.BC);
            if ("EC-EXPLICIT".equals(parts[0])) {
                // A BC parameter spec without a name: BC then encodes the key with explicit parameters.
                X9ECParameters curve = ECNamedCurveTable.getByName(parts[1]);
                generator.initialize(new ECParameterSpec(curve.getCurve(), curve.getG(), curve.getN(), curve.getH(),
                        curve.getSeed()), Crypto.RANDOM);
            } else {
                generator.initialize(new ECGenParameterSpec(parts[1]), Crypto.RANDOM);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + spec + " key", e);
        }
    }
}
