package vn.vneid.sso.chip.icao;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.bsi.BSIObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Which algorithms we accept, in one place: the hash of the data groups (ICAO 9303 part 10, LDS security object),
 * the SOD's CMS signature and the certificates of the Document Signer and CSCA (part 12), and active authentication
 * (part 11). ICAO 9303-12 (8th ed.) §4.1.6.4 permits only SHA-224 to SHA-512, but documents issued under earlier
 * editions still carry SHA-1 and RSA-1024 (its Appendix C keeps the sixth edition's profiles); the default refuses SHA-1
 * everywhere a collision could swap signed content (data groups, CMS, certificates) and keeps it only for active
 * authentication, where the chip signs our fresh challenge (no collision helps there) and most RSA chips use the
 * implicit SHA-1 trailer of ISO/IEC 9796-2. A realm can refuse that too.
 *
 * Every refusal is {@link ChipFailure#ALGORITHM_REFUSED} naming what was refused and where; an algorithm we do not
 * know at all is {@link ChipFailure#UNSUPPORTED_ALGORITHM}.
 */
public final class AlgorithmPolicy {

    /** Where an algorithm is used: the refusal names it. */
    public enum Use {
        DATA_GROUP_HASH("data-group hash"),
        CMS_SIGNATURE("SOD signature"),
        CERTIFICATE_SIGNATURE("certificate signature"),
        ACTIVE_AUTHENTICATION("active authentication");

        private final String label;

        Use(String label) {
            this.label = label;
        }
    }

    private static final Map<ASN1ObjectIdentifier, String> DIGESTS = Map.of(
            OIWObjectIdentifiers.idSHA1, "SHA-1",
            NISTObjectIdentifiers.id_sha224, "SHA-224",
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512");

    /** Signature algorithm → the hash it uses; RSASSA-PSS names its hash in its parameters. */
    private static final Map<ASN1ObjectIdentifier, String> SIGNATURE_DIGESTS = Map.ofEntries(
            Map.entry(PKCSObjectIdentifiers.sha1WithRSAEncryption, "SHA-1"),
            Map.entry(PKCSObjectIdentifiers.sha224WithRSAEncryption, "SHA-224"),
            Map.entry(PKCSObjectIdentifiers.sha256WithRSAEncryption, "SHA-256"),
            Map.entry(PKCSObjectIdentifiers.sha384WithRSAEncryption, "SHA-384"),
            Map.entry(PKCSObjectIdentifiers.sha512WithRSAEncryption, "SHA-512"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA1, "SHA-1"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA224, "SHA-224"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA256, "SHA-256"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA384, "SHA-384"),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA512, "SHA-512"),
            // BSI TR-03111 plain (r||s) ECDSA: what DG14's ActiveAuthenticationInfo names (ICAO 9303 part 11 §6.1)
            Map.entry(BSIObjectIdentifiers.ecdsa_plain_SHA1, "SHA-1"),
            Map.entry(BSIObjectIdentifiers.ecdsa_plain_SHA224, "SHA-224"),
            Map.entry(BSIObjectIdentifiers.ecdsa_plain_SHA256, "SHA-256"),
            Map.entry(BSIObjectIdentifiers.ecdsa_plain_SHA384, "SHA-384"),
            Map.entry(BSIObjectIdentifiers.ecdsa_plain_SHA512, "SHA-512"));

    private static final Set<String> SHA2 = Set.of("SHA-224", "SHA-256", "SHA-384", "SHA-512");

    /**
     * RSA moduli below this are refused in certificates and the SOD. ICAO 9303-12 §4.1.6 names no length, only
     * "appropriate key lengths" after "suitable cryptographic catalogues"; 2048 is the floor those catalogues set.
     */
    static final int MIN_RSA_BITS = 2048;
    /** brainpoolP224r1 is the smallest curve real Document Signers use. */
    static final int MIN_EC_BITS = 224;

    private final boolean sha1ForActiveAuthentication;

    private AlgorithmPolicy(boolean sha1ForActiveAuthentication) {
        this.sha1ForActiveAuthentication = sha1ForActiveAuthentication;
    }

    /** SHA-2 everywhere; SHA-1 only for active authentication. */
    public static AlgorithmPolicy defaults() {
        return new AlgorithmPolicy(true);
    }

    /** @param allowed false makes chips whose active authentication hashes with SHA-1 fail */
    public AlgorithmPolicy withSha1ForActiveAuthentication(boolean allowed) {
        return new AlgorithmPolicy(allowed);
    }

    /** @return the JCA name of an accepted digest, e.g. "SHA-256" */
    String digest(Use use, AlgorithmIdentifier algorithm) throws ChipVerificationException {
        String name = algorithm == null ? null : DIGESTS.get(algorithm.getAlgorithm());
        if (name == null) {
            throw new ChipVerificationException(ChipFailure.UNSUPPORTED_ALGORITHM,
                    use.label + " " + (algorithm == null ? "missing" : algorithm.getAlgorithm().getId()));
        }
        return accept(use, name);
    }

    /** Checks a signature algorithm (with its parameters for RSASSA-PSS) and returns its hash. */
    String signatureDigest(Use use, AlgorithmIdentifier algorithm) throws ChipVerificationException {
        if (algorithm == null) {
            throw new ChipVerificationException(ChipFailure.UNSUPPORTED_ALGORITHM, use.label + " missing");
        }
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(algorithm.getAlgorithm())) {
            RSASSAPSSparams pss;
            try {
                pss = RSASSAPSSparams.getInstance(algorithm.getParameters());
            } catch (RuntimeException e) {
                throw new ChipVerificationException(ChipFailure.MALFORMED, use.label + " RSASSA-PSS parameters", e);
            }
            String hash = digest(use, pss.getHashAlgorithm());
            AlgorithmIdentifier mgf = pss.getMaskGenAlgorithm();
            if (!PKCSObjectIdentifiers.id_mgf1.equals(mgf.getAlgorithm())) {
                throw new ChipVerificationException(ChipFailure.UNSUPPORTED_ALGORITHM, use.label + " PSS mask "
                        + mgf.getAlgorithm().getId());
            }
            digest(use, AlgorithmIdentifier.getInstance(mgf.getParameters()));
            return hash;
        }
        String hash = SIGNATURE_DIGESTS.get(algorithm.getAlgorithm());
        if (hash == null) {
            throw new ChipVerificationException(ChipFailure.UNSUPPORTED_ALGORITHM,
                    use.label + " " + algorithm.getAlgorithm().getId());
        }
        return accept(use, hash);
    }

    /** A named hash (e.g. from an ISO/IEC 9796-2 trailer) for this use. */
    String accept(Use use, String hash) throws ChipVerificationException {
        boolean accepted = SHA2.contains(hash)
                || ("SHA-1".equals(hash) && use == Use.ACTIVE_AUTHENTICATION && sha1ForActiveAuthentication);
        if (!accepted) {
            throw new ChipVerificationException(ChipFailure.ALGORITHM_REFUSED, hash + " for the " + use.label);
        }
        return hash;
    }

    /** Key sizes for the SOD and certificates; the chip's own active-authentication key is the issuer's choice. */
    void checkKey(Use use, PublicKey key) throws ChipVerificationException {
        int bits;
        int minimum;
        if (key instanceof RSAPublicKey rsa) {
            bits = rsa.getModulus().bitLength();
            minimum = MIN_RSA_BITS;
        } else if (key instanceof ECPublicKey ec) {
            bits = ec.getParams().getOrder().bitLength();
            minimum = MIN_EC_BITS;
        } else {
            throw new ChipVerificationException(ChipFailure.UNSUPPORTED_ALGORITHM, use.label + " key "
                    + key.getAlgorithm());
        }
        if (bits < minimum) {
            throw new ChipVerificationException(ChipFailure.ALGORITHM_REFUSED, key.getAlgorithm() + "-" + bits
                    + " key for the " + use.label);
        }
    }
}
