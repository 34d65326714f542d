package vn.vneid.sso.chip.icao;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.ISO9796d2Signer;
import org.bouncycastle.jcajce.provider.util.DigestFactory;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * ICAO 9303 part 11 §6.1 active authentication: the chip signs the server's challenge with the private key whose
 * public half is in DG15, which the SOD protects. A copied chip cannot answer, because the key never leaves the card.
 * <ul>
 * <li>RSA keys sign with ISO/IEC 9796-2 scheme 1 (message recovery: M1 recovered from the signature, M2 = challenge).
 * The trailer names the hash: 0xBC is the implicit SHA-1, 0x..CC carries the hash identifier of ISO/IEC 10118-3
 * (0x34 SHA-256, 0x36 SHA-384, 0x35 SHA-512, 0x38 SHA-224, 0x33 SHA-1).</li>
 * <li>EC keys sign with ECDSA over the hash that DG14's ActiveAuthenticationInfo declares; part 11 makes that
 * SecurityInfo mandatory for ECDSA chips. Chips answer in the plain r||s form of BSI TR-03111 (what the declared
 * OIDs name) or, some, in DER: both are accepted, since the encoding changes nothing the signature proves.</li>
 * </ul>
 */
final class ActiveAuthentication {

    /** id-AA, the protocol of DG14's ActiveAuthenticationInfo (ICAO 9303 part 11, SecurityInfos). */
    static final ASN1ObjectIdentifier ID_AA = new ASN1ObjectIdentifier("2.23.136.1.1.5");

    /** ISO/IEC 9796-2 explicit trailer hash identifiers (ISO/IEC 10118-3). */
    private static final Map<Integer, String> TRAILER_HASHES = Map.of(
            0x33, "SHA-1", 0x38, "SHA-224", 0x34, "SHA-256", 0x36, "SHA-384", 0x35, "SHA-512");

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

    /**
     * Names the chip by its active-authentication key (issue #15): unpadded base64url of SHA-256 over the key's
     * SubjectPublicKeyInfo. Every card has its own key pair, so a replaced card has a new fingerprint even though its
     * MRZ document number (the last 9 digits of the personal number) stays the same.
     */
    static String fingerprint(PublicKey key) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }

    /**
     * The signature algorithm DG14's ActiveAuthenticationInfo declares, or null when DG14 is absent or declares
     * none. DG14 is {@code [APPLICATION 14] SET OF SecurityInfo}, each {@code SEQUENCE {protocol, required, optional}}.
     */
    static ASN1ObjectIdentifier declaredAlgorithm(byte[] dg14) throws ChipVerificationException {
        if (dg14 == null) {
            return null;
        }
        ASN1Primitive content = Lds.unwrap(dg14, Lds.DG14_TAG, "DG14");
        try {
            for (ASN1Encodable element : ASN1Set.getInstance(content)) {
                ASN1Sequence info = ASN1Sequence.getInstance(element);
                if (ID_AA.equals(info.getObjectAt(0))) {
                    if (!ASN1Integer.getInstance(info.getObjectAt(1)).hasValue(1) || info.size() < 3) {
                        throw Lds.malformed("DG14 ActiveAuthenticationInfo version or algorithm");
                    }
                    return ASN1ObjectIdentifier.getInstance(info.getObjectAt(2));
                }
            }
            return null;
        } catch (ChipVerificationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ChipVerificationException(ChipFailure.MALFORMED, "DG14 SecurityInfos", e);
        }
    }

    /**
     * @param declared what DG14 declares (see {@link #declaredAlgorithm}), needed for EC keys
     * @return the method used, for the record ("RSA-ISO9796-2" or "ECDSA")
     */
    static String verify(PublicKey key, ASN1ObjectIdentifier declared, byte[] challenge, byte[] signature,
            AlgorithmPolicy policy) throws ChipVerificationException {
        if (key instanceof RSAPublicKey rsa) {
            verifyIso9796(rsa, challenge, signature, policy);
            return "RSA-ISO9796-2";
        }
        if (key instanceof ECPublicKey) {
            if (declared == null) {
                throw new ChipVerificationException(ChipFailure.MISSING_DATA_GROUP,
                        "DG14 ActiveAuthenticationInfo, required for ECDSA active authentication");
            }
            String hash = policy.signatureDigest(AlgorithmPolicy.Use.ACTIVE_AUTHENTICATION,
                    new AlgorithmIdentifier(declared));
            String jca = hash.replace("-", "");
            if (ecdsa(key, jca + "withPLAIN-ECDSA", challenge, signature)
                    || ecdsa(key, jca + "withECDSA", challenge, signature)) {
                return "ECDSA";
            }
            throw new ChipVerificationException(ChipFailure.BAD_CHALLENGE, "ECDSA active authentication");
        }
        throw new ChipVerificationException(ChipFailure.UNSUPPORTED_ALGORITHM, key.getAlgorithm());
    }

    private static boolean ecdsa(PublicKey key, String algorithm, byte[] challenge, byte[] signature) {
        try {
            Signature ecdsa = Signature.getInstance(algorithm, Crypto.BC);
            ecdsa.initVerify(key);
            ecdsa.update(challenge);
            return ecdsa.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // a malformed signature is a failed answer, like a wrong one
            return false;
        }
    }

    private static void verifyIso9796(RSAPublicKey key, byte[] challenge, byte[] signature, AlgorithmPolicy policy)
            throws ChipVerificationException {
        String hash = trailerHash(key, signature);
        if (hash == null) {
            throw new ChipVerificationException(ChipFailure.BAD_CHALLENGE, "RSA active authentication trailer");
        }
        policy.accept(AlgorithmPolicy.Use.ACTIVE_AUTHENTICATION, hash);
        try {
            ISO9796d2Signer signer = new ISO9796d2Signer(new RSABlindedEngine(), DigestFactory.getDigest(hash), "SHA-1".equals(hash)
                    && implicitTrailer(key, signature));
            signer.init(false, new RSAKeyParameters(false, key.getModulus(), key.getPublicExponent()));
            signer.updateWithRecoveredMessage(signature);
            signer.update(challenge, 0, challenge.length);
            if (signer.verifySignature(signature)) {
                return;
            }
        } catch (Exception e) {
            // a malformed signature is a failed answer, like a wrong one
        }
        throw new ChipVerificationException(ChipFailure.BAD_CHALLENGE, "RSA active authentication");
    }

    /** The representative s^e mod n (or n minus it, as ISO/IEC 9796-2 scheme 1 allows), whose last nibble is always 0xC. */
    private static BigInteger representative(RSAPublicKey key, byte[] signature) {
        BigInteger s = new BigInteger(1, signature);
        if (s.compareTo(key.getModulus()) >= 0) {
            return null;
        }
        BigInteger m = s.modPow(key.getPublicExponent(), key.getModulus());
        return (m.intValue() & 0x0F) == 0x0C ? m : key.getModulus().subtract(m);
    }

    private static boolean implicitTrailer(RSAPublicKey key, byte[] signature) {
        BigInteger m = representative(key, signature);
        return m != null && (m.intValue() & 0xFF) == 0xBC;
    }

    private static String trailerHash(RSAPublicKey key, byte[] signature) {
        BigInteger m = representative(key, signature);
        if (m == null) {
            return null;
        }
        int last = m.intValue() & 0xFF;
        if (last == 0xBC) {
            return "SHA-1";
        }
        return last == 0xCC ? TRAILER_HASHES.get((m.intValue() >> 8) & 0xFF) : null;
    }
}
