package vn.vneid.sso.chip.icao;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.icao.DataGroupHash;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.asn1.icao.LDSSecurityObject;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.bc.BcECSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;

/**
 * ICAO 9303 part 11 passive authentication: the SOD is a CMS SignedData over an LDSSecurityObject, signed by a
 * Document Signer whose certificate must chain to a trusted CSCA (validity, key usage, revocation where a CRL is
 * configured); every presented data group must hash to the value the SOD lists for it. Certificates, the path and
 * the signatures are all Bouncy Castle, so explicit-parameter EC keys and RSASSA-PSS work like any other.
 */
final class PassiveAuthentication {

    /** What passive authentication established: the signer and the CSCA it chains to. */
    record Result(X509Certificate documentSigner, X509Certificate csca) {
    }

    private final CscaTrustStore trust;
    private final AlgorithmPolicy policy;
    private final SignerPath path;

    PassiveAuthentication(CscaTrustStore trust, AlgorithmPolicy policy) {
        this.trust = trust;
        this.policy = policy;
        this.path = new SignerPath(trust, policy);
    }

    Result verify(byte[] sod, Map<Integer, byte[]> dataGroups, Instant now) throws ChipVerificationException {
        try {
            CMSSignedData signed = signedData(sod);
            SignerInformation signer = signer(signed);
            X509Certificate documentSigner = cachedDocumentSigner(signed, signer);
            checkSignature(signer, documentSigner);
            X509Certificate csca = path.validate(documentSigner, now);
            checkHashes(securityObject(signed), dataGroups);
            return new Result(documentSigner, csca);
        } catch (RuntimeException e) {
            // Bouncy Castle parses lazily: a damaged field deep in the SOD surfaces where it is first read.
            throw new ChipVerificationException(ChipFailure.MALFORMED, "SOD " + e.getClass().getSimpleName(), e);
        }
    }

    static CMSSignedData signedData(byte[] sod) throws ChipVerificationException {
        CMSSignedData signed;
        try {
            ContentInfo contentInfo = ContentInfo.getInstance(Lds.unwrap(sod, Lds.SOD_TAG, "SOD"));
            signed = new CMSSignedData(contentInfo);
        } catch (CMSException | RuntimeException e) {
            throw new ChipVerificationException(ChipFailure.MALFORMED, "SOD is not a CMS SignedData", e);
        }
        if (!ICAOObjectIdentifiers.id_icao_ldsSecurityObject.equals(signed.getSignedContentTypeOID() == null
                ? null : new ASN1ObjectIdentifier(signed.getSignedContentTypeOID()))) {
            throw Lds.malformed("SOD content is not an LDS security object");
        }
        return signed;
    }

    static SignerInformation signer(CMSSignedData signed) throws ChipVerificationException {
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw Lds.malformed("SOD must have exactly one signer");
        }
        return signers.iterator().next();
    }

    /** The Document Signer, parsed once per trust store (see {@link SignerCache}). */
    X509Certificate cachedDocumentSigner(CMSSignedData signed, SignerInformation signer)
            throws ChipVerificationException {
        try {
            return trust.signers().certificate(documentSignerEncoding(signed, signer));
        } catch (java.security.cert.CertificateException | RuntimeException e) {
            throw new ChipVerificationException(ChipFailure.MALFORMED, "Document Signer certificate", e);
        }
    }

    static X509Certificate documentSigner(CMSSignedData signed, SignerInformation signer)
            throws ChipVerificationException {
        try {
            return Certificates.parse(documentSignerEncoding(signed, signer));
        } catch (java.security.cert.CertificateException | RuntimeException e) {
            throw new ChipVerificationException(ChipFailure.MALFORMED, "Document Signer certificate", e);
        }
    }

    /**
     * The certificate the SignerInfo names. Bouncy Castle compares the issuer by value, whatever the RDN order; some
     * issuers still write a sid that matches nothing byte for byte, so the one certificate of the SOD with that
     * serial number is taken then: its key must verify the signature and its chain must validate anyway.
     */
    @SuppressWarnings("unchecked")
    private static byte[] documentSignerEncoding(CMSSignedData signed, SignerInformation signer)
            throws ChipVerificationException {
        try {
            SignerId sid = signer.getSID();
            Collection<X509CertificateHolder> matches =
                    signed.getCertificates().getMatches((Selector<X509CertificateHolder>) sid);
            if (matches.isEmpty() && sid.getSerialNumber() != null) {
                BigInteger serial = sid.getSerialNumber();
                matches = new ArrayList<>();
                for (X509CertificateHolder holder : signed.getCertificates().getMatches(null)) {
                    if (serial.equals(holder.getSerialNumber())) {
                        matches.add(holder);
                    }
                }
            }
            if (matches.size() != 1) {
                throw new ChipVerificationException(ChipFailure.UNTRUSTED_SIGNER, "no Document Signer in the SOD");
            }
            return matches.iterator().next().getEncoded();
        } catch (java.io.IOException | RuntimeException e) {
            throw new ChipVerificationException(ChipFailure.MALFORMED, "Document Signer certificate", e);
        }
    }

    void checkSignature(SignerInformation signer, X509Certificate documentSigner) throws ChipVerificationException {
        checkCmsAlgorithms(signer);
        policy.checkKey(AlgorithmPolicy.Use.CMS_SIGNATURE, documentSigner.getPublicKey());
        boolean valid;
        try {
            valid = signer.verify(verifier(documentSigner));
        } catch (OperatorCreationException | java.security.cert.CertificateException e) {
            throw new ChipVerificationException(ChipFailure.UNSUPPORTED_ALGORITHM, "SOD signature algorithm", e);
        } catch (CMSException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new ChipVerificationException(ChipFailure.SIGNATURE_INVALID, "SOD signature");
        }
    }

    /** EC signers through Bouncy Castle's lightweight API with their cached key (see SignerCache), others by JCA. */
    private SignerInformationVerifier verifier(X509Certificate documentSigner)
            throws OperatorCreationException, java.security.cert.CertificateException {
        AsymmetricKeyParameter ecKey = trust.signers().ecKey(documentSigner);
        if (ecKey != null) {
            return new BcECSignerInfoVerifierBuilder(new DefaultCMSSignatureAlgorithmNameGenerator(),
                    new DefaultSignatureAlgorithmIdentifierFinder(), new DefaultDigestAlgorithmIdentifierFinder(),
                    new BcDigestCalculatorProvider()).build(ecKey);
        }
        return new JcaSimpleSignerInfoVerifierBuilder().setProvider(Crypto.BC).build(documentSigner.getPublicKey());
    }

    /**
     * The SignerInfo names a digest and a "signature algorithm" that is either a bare key type (rsaEncryption,
     * id-ecPublicKey: the digest is the separate field) or a full signature algorithm with its own hash (ecdsa-with-
     * SHA256, RSASSA-PSS): both are checked.
     */
    private void checkCmsAlgorithms(SignerInformation signer) throws ChipVerificationException {
        policy.digest(AlgorithmPolicy.Use.CMS_SIGNATURE, signer.getDigestAlgorithmID());
        AlgorithmIdentifier signature = signer.toASN1Structure().getDigestEncryptionAlgorithm();
        ASN1ObjectIdentifier oid = signature.getAlgorithm();
        if (!PKCSObjectIdentifiers.rsaEncryption.equals(oid) && !X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            policy.signatureDigest(AlgorithmPolicy.Use.CMS_SIGNATURE, signature);
        }
    }

    static LDSSecurityObject securityObject(CMSSignedData signed) throws ChipVerificationException {
        try {
            return LDSSecurityObject.getInstance(signed.getSignedContent().getContent());
        } catch (RuntimeException e) {
            throw new ChipVerificationException(ChipFailure.MALFORMED, "LDS security object", e);
        }
    }

    void checkHashes(LDSSecurityObject lds, Map<Integer, byte[]> dataGroups) throws ChipVerificationException {
        String algorithm = policy.digest(AlgorithmPolicy.Use.DATA_GROUP_HASH, lds.getDigestAlgorithmIdentifier());
        for (Map.Entry<Integer, byte[]> dataGroup : dataGroups.entrySet()) {
            byte[] expected = null;
            for (DataGroupHash hash : lds.getDatagroupHash()) {
                if (hash.getDataGroupNumber() == dataGroup.getKey()) {
                    expected = hash.getDataGroupHashValue().getOctets();
                }
            }
            if (expected == null) {
                throw new ChipVerificationException(ChipFailure.MISSING_DATA_GROUP,
                        "SOD lists no hash for DG" + dataGroup.getKey());
            }
            if (!MessageDigest.isEqual(expected, digest(algorithm, dataGroup.getValue()))) {
                throw new ChipVerificationException(ChipFailure.HASH_MISMATCH, "DG" + dataGroup.getKey());
            }
        }
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JRE", e);
        }
    }
}
