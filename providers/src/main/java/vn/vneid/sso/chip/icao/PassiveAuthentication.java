package vn.vneid.sso.chip.icao;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
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
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;

/**
 * ICAO 9303 part 11 passive authentication: the SOD is a CMS SignedData over an LDSSecurityObject, signed by a
 * Document Signer whose certificate must chain to a trusted CSCA (validity, key usage, revocation where a CRL is
 * configured); every presented data group must hash to the value the SOD lists for it. Certificates, the path and
 * the signatures are all Bouncy Castle, so explicit-parameter EC keys and RSASSA-PSS work like any other.
 *
 * <p>Validity model. ICAO 9303 part 12 (section 5, key management) sizes each certificate's validity to cover
 * everything signed under it: a CSCA certificate is valid for its private-key usage period plus the validity of the
 * longest Document Signer certificate it issues, a Document Signer certificate for its key usage period plus the
 * validity of the documents it signs. A genuine document's whole path is therefore valid at every moment the
 * document is, and part 12 has receiving States validate it as RFC 5280 does: the shell model, at the time of
 * verification. We implement exactly that, with the CSCA included: the JDK's PKIX treats a trust anchor as timeless,
 * so the CSCA's validity is checked on its own, now and at the moment it issued the Document Signer (a CSCA that
 * had expired when it "issued" a signer is refused even if another clock would let it pass).
 */
final class PassiveAuthentication {

    /** What passive authentication established: the signer and the CSCA it chains to. */
    record Result(X509Certificate documentSigner, X509Certificate csca) {
    }

    private final CscaTrustStore trust;
    private final AlgorithmPolicy policy;

    PassiveAuthentication(CscaTrustStore trust, AlgorithmPolicy policy) {
        this.trust = trust;
        this.policy = policy;
    }

    Result verify(byte[] sod, Map<Integer, byte[]> dataGroups, Instant now) throws ChipVerificationException {
        CMSSignedData signed = signedData(sod);
        SignerInformation signer = signer(signed);
        X509Certificate documentSigner = documentSigner(signed, signer);
        checkSignature(signer, documentSigner);
        X509Certificate csca = checkChain(documentSigner, now);
        checkHashes(securityObject(signed), dataGroups);
        return new Result(documentSigner, csca);
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

    /**
     * The certificate the SignerInfo names. Bouncy Castle compares the issuer by value, whatever the RDN order; some
     * issuers still write a sid that matches nothing byte for byte, so the one certificate of the SOD with that
     * serial number is taken then: its key must verify the signature and its chain must validate anyway.
     */
    @SuppressWarnings("unchecked")
    static X509Certificate documentSigner(CMSSignedData signed, SignerInformation signer)
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
            return Certificates.parse(matches.iterator().next().getEncoded());
        } catch (ChipVerificationException e) {
            throw e;
        } catch (java.io.IOException | java.security.cert.CertificateException | RuntimeException e) {
            throw new ChipVerificationException(ChipFailure.MALFORMED, "Document Signer certificate", e);
        }
    }

    void checkSignature(SignerInformation signer, X509Certificate documentSigner) throws ChipVerificationException {
        checkCmsAlgorithms(signer);
        policy.checkKey(AlgorithmPolicy.Use.CMS_SIGNATURE, documentSigner.getPublicKey());
        boolean valid;
        try {
            valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(Crypto.BC).build(documentSigner.getPublicKey()));
        } catch (OperatorCreationException e) {
            throw new ChipVerificationException(ChipFailure.UNSUPPORTED_ALGORITHM, "SOD signature algorithm", e);
        } catch (CMSException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new ChipVerificationException(ChipFailure.SIGNATURE_INVALID, "SOD signature");
        }
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

    /** @return the CSCA the Document Signer chains to */
    X509Certificate checkChain(X509Certificate documentSigner, Instant now) throws ChipVerificationException {
        try {
            policy.signatureDigest(AlgorithmPolicy.Use.CERTIFICATE_SIGNATURE,
                    Certificates.signatureAlgorithm(documentSigner));
        } catch (java.security.cert.CertificateException e) {
            throw new ChipVerificationException(ChipFailure.MALFORMED, "Document Signer certificate", e);
        }
        X509Certificate csca;
        try {
            PKIXParameters parameters = new PKIXParameters(trust.anchors());
            parameters.setDate(Date.from(now));
            List<X509CRL> crls = trust.crls().stream()
                    .filter(crl -> Certificates.issuer(documentSigner).equals(
                            org.bouncycastle.asn1.x500.X500Name.getInstance(
                                    crl.getIssuerX500Principal().getEncoded())))
                    .toList();
            // Revocation is checked where the issuing CSCA has a configured CRL; without one, PKIX would refuse
            // every chip as "revocation status unknown".
            parameters.setRevocationEnabled(!crls.isEmpty());
            if (!crls.isEmpty()) {
                parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls),
                        Crypto.BC));
            }
            PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult) CertPathValidator
                    .getInstance("PKIX", Crypto.BC)
                    .validate(Certificates.factory().generateCertPath(List.of(documentSigner)), parameters);
            csca = result.getTrustAnchor().getTrustedCert();
        } catch (CertPathValidatorException e) {
            throw new ChipVerificationException(chainFailure(e), e.getMessage(), e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new ChipVerificationException(ChipFailure.UNTRUSTED_SIGNER, "chain", e);
        }
        checkCscaValidity(csca, documentSigner, now);
        policy.checkKey(AlgorithmPolicy.Use.CERTIFICATE_SIGNATURE, csca.getPublicKey());
        boolean[] keyUsage = documentSigner.getKeyUsage();
        if (keyUsage == null || !keyUsage[0]) {
            throw new ChipVerificationException(ChipFailure.SIGNER_KEY_USAGE, "Document Signer not for signatures");
        }
        return csca;
    }

    /** ICAO 9303 part 12 §5: the CSCA is valid now, and was when it issued the Document Signer. */
    private static void checkCscaValidity(X509Certificate csca, X509Certificate documentSigner, Instant now)
            throws ChipVerificationException {
        for (Date at : List.of(Date.from(now), documentSigner.getNotBefore())) {
            try {
                csca.checkValidity(at);
            } catch (CertificateExpiredException e) {
                throw new ChipVerificationException(ChipFailure.CSCA_EXPIRED, Certificates.describe(csca)
                        + " at " + at.toInstant());
            } catch (CertificateNotYetValidException e) {
                throw new ChipVerificationException(ChipFailure.CSCA_NOT_YET_VALID, Certificates.describe(csca)
                        + " at " + at.toInstant());
            }
        }
    }

    /**
     * Bouncy Castle's PKIX reports most problems with reason UNSPECIFIED and the cause or the message telling what
     * it was; we keep the precise reason the citizen and the operator need.
     */
    static ChipFailure chainFailure(CertPathValidatorException e) {
        CertPathValidatorException.Reason reason = e.getReason();
        if (reason == CertPathValidatorException.BasicReason.EXPIRED) {
            return ChipFailure.SIGNER_EXPIRED;
        }
        if (reason == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return ChipFailure.SIGNER_NOT_YET_VALID;
        }
        if (reason == CertPathValidatorException.BasicReason.REVOKED) {
            return ChipFailure.SIGNER_REVOKED;
        }
        if (reason == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            return ChipFailure.REVOCATION_UNKNOWN;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return ChipFailure.SIGNER_EXPIRED;
            }
            if (t instanceof CertificateNotYetValidException) {
                return ChipFailure.SIGNER_NOT_YET_VALID;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("certificate revocation after") || message.contains("revoked")) {
                return ChipFailure.SIGNER_REVOKED;
            }
            // A configured CRL that is stale finds no current CRL for the issuer: status unknown, not untrusted.
            if (message.contains("no crls found") || message.contains("no valid crl")) {
                return ChipFailure.REVOCATION_UNKNOWN;
            }
        }
        return ChipFailure.UNTRUSTED_SIGNER;
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
