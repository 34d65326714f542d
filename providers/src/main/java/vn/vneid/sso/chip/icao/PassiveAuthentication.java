package vn.vneid.sso.chip.icao;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.icao.DataGroupHash;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.asn1.icao.LDSSecurityObject;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;

/**
 * ICAO 9303 part 11 passive authentication: the SOD is a CMS SignedData over an LDSSecurityObject, signed by a
 * Document Signer whose certificate must chain to a trusted CSCA (validity, key usage, revocation where a CRL is
 * configured); every presented data group must hash to the value the SOD lists for it.
 */
final class PassiveAuthentication {

    /** SHA-2 only: SHA-1 data-group hashes (allowed for early passports) would let a collision swap a DG. */
    private static final Map<ASN1ObjectIdentifier, String> DIGESTS = Map.of(
            NISTObjectIdentifiers.id_sha224, "SHA-224",
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512");

    private final CscaTrustStore trust;

    PassiveAuthentication(CscaTrustStore trust) {
        this.trust = trust;
    }

    /** @return the Document Signer certificate that signed the SOD */
    X509Certificate verify(byte[] sod, Map<Integer, byte[]> dataGroups, Instant now) throws ChipVerificationException {
        CMSSignedData signed = signedData(sod);
        if (!ICAOObjectIdentifiers.id_icao_ldsSecurityObject.equals(signed.getSignedContentTypeOID() == null
                ? null : new ASN1ObjectIdentifier(signed.getSignedContentTypeOID()))) {
            throw Lds.malformed("SOD content is not an LDS security object");
        }
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw Lds.malformed("SOD must have exactly one signer");
        }
        SignerInformation signer = signers.iterator().next();
        X509Certificate documentSigner = documentSigner(signed, signer);
        checkSignature(signer, documentSigner);
        checkChain(documentSigner, now);
        checkHashes(securityObject(signed), dataGroups);
        return documentSigner;
    }

    private static CMSSignedData signedData(byte[] sod) throws ChipVerificationException {
        try {
            ContentInfo contentInfo = ContentInfo.getInstance(Lds.unwrap(sod, Lds.SOD_TAG, "SOD"));
            return new CMSSignedData(contentInfo);
        } catch (CMSException | RuntimeException e) {
            throw new ChipVerificationException(ChipFailure.MALFORMED, "SOD is not a CMS SignedData", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static X509Certificate documentSigner(CMSSignedData signed, SignerInformation signer)
            throws ChipVerificationException {
        try {
            Collection<X509CertificateHolder> matches =
                    signed.getCertificates().getMatches((Selector<X509CertificateHolder>) signer.getSID());
            if (matches.size() != 1) {
                throw new ChipVerificationException(ChipFailure.UNTRUSTED_SIGNER, "no Document Signer in the SOD");
            }
            return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (CertificateException | RuntimeException e) {
            throw new ChipVerificationException(ChipFailure.MALFORMED, "Document Signer certificate", e);
        }
    }

    private static void checkSignature(SignerInformation signer, X509Certificate documentSigner)
            throws ChipVerificationException {
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

    private void checkChain(X509Certificate documentSigner, Instant now) throws ChipVerificationException {
        try {
            PKIXParameters parameters = new PKIXParameters(trust.anchors());
            parameters.setDate(Date.from(now));
            List<X509CRL> crls = trust.crls().stream()
                    .filter(crl -> crl.getIssuerX500Principal().equals(documentSigner.getIssuerX500Principal()))
                    .toList();
            // Revocation is checked where the issuing CSCA has a configured CRL; without one, PKIX would refuse
            // every chip as "revocation status unknown".
            parameters.setRevocationEnabled(!crls.isEmpty());
            if (!crls.isEmpty()) {
                parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
            }
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(List.of(documentSigner)), parameters);
        } catch (CertPathValidatorException e) {
            throw new ChipVerificationException(chainFailure(e), e.getMessage());
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            throw new ChipVerificationException(ChipFailure.UNTRUSTED_SIGNER, "chain", e);
        }
        boolean[] keyUsage = documentSigner.getKeyUsage();
        if (keyUsage == null || !keyUsage[0]) {
            throw new ChipVerificationException(ChipFailure.SIGNER_KEY_USAGE, "Document Signer not for signatures");
        }
    }

    private static ChipFailure chainFailure(CertPathValidatorException e) {
        if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
            return ChipFailure.SIGNER_EXPIRED;
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return ChipFailure.SIGNER_NOT_YET_VALID;
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
            return ChipFailure.SIGNER_REVOKED;
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            return ChipFailure.REVOCATION_UNKNOWN;
        }
        return ChipFailure.UNTRUSTED_SIGNER;
    }

    private static LDSSecurityObject securityObject(CMSSignedData signed) throws ChipVerificationException {
        try {
            return LDSSecurityObject.getInstance(signed.getSignedContent().getContent());
        } catch (RuntimeException e) {
            throw new ChipVerificationException(ChipFailure.MALFORMED, "LDS security object", e);
        }
    }

    private static void checkHashes(LDSSecurityObject lds, Map<Integer, byte[]> dataGroups)
            throws ChipVerificationException {
        String algorithm = DIGESTS.get(lds.getDigestAlgorithmIdentifier().getAlgorithm());
        if (algorithm == null) {
            throw new ChipVerificationException(ChipFailure.UNSUPPORTED_ALGORITHM, "data group hash algorithm");
        }
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
