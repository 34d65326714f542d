package vn.vneid.sso.chip.icao;

import java.security.GeneralSecurityException;
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
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * The path from a Document Signer to the trusted CSCA that certified it, validated by Bouncy Castle's PKIX (so
 * explicit-parameter EC keys and RSASSA-PSS work like any other), with the precise reason when it fails.
 *
 * <p>Validity model: the shell model, at the time of verification, CSCA included. ICAO 9303 part 12 (section 5, key
 * management: private key usage periods and certificate validity) sizes each certificate's validity to cover
 * everything signed under it: a CSCA certificate stays valid for its key usage period plus the validity of the
 * longest Document Signer certificate it issues, a Document Signer certificate for its key usage period plus the
 * validity of the documents it signs. A genuine document's whole path is therefore valid at every moment the document
 * is, which is what lets RFC 5280 path validation at the time of verification (the shell model) serve the eMRTD PKI
 * without a chain or hybrid model. The JDK's and Bouncy Castle's PKIX treat a trust anchor as timeless, so the CSCA's
 * own validity is checked here, now and at the Document Signer's start of validity (a signer dated outside its
 * CSCA's life is refused). CRLs are used per issuer, as configured.
 */
final class SignerPath {

    private final CscaTrustStore trust;
    private final AlgorithmPolicy policy;

    SignerPath(CscaTrustStore trust, AlgorithmPolicy policy) {
        this.trust = trust;
        this.policy = policy;
    }

    /** @return the CSCA the Document Signer chains to */
    X509Certificate validate(X509Certificate documentSigner, Instant now) throws ChipVerificationException {
        try {
            policy.signatureDigest(AlgorithmPolicy.Use.CERTIFICATE_SIGNATURE,
                    Certificates.signatureAlgorithm(documentSigner));
        } catch (java.security.cert.CertificateException e) {
            throw new ChipVerificationException(ChipFailure.MALFORMED, "Document Signer certificate", e);
        }
        X509Certificate csca = validatedCsca(documentSigner, now);
        if (csca == null) {
            csca = validatePath(documentSigner, now);
        }
        checkCscaValidity(csca, documentSigner, now);
        policy.checkKey(AlgorithmPolicy.Use.CERTIFICATE_SIGNATURE, csca.getPublicKey());
        boolean[] keyUsage = documentSigner.getKeyUsage();
        if (keyUsage == null || !keyUsage[0]) {
            throw new ChipVerificationException(ChipFailure.SIGNER_KEY_USAGE, "Document Signer not for signatures");
        }
        return csca;
    }

    /** A path validated a moment ago still holds if the signer is still in its validity now. */
    private X509Certificate validatedCsca(X509Certificate documentSigner, Instant now)
            throws ChipVerificationException {
        try {
            X509Certificate csca = trust.signers().validatedCsca(documentSigner, now);
            if (csca != null) {
                documentSigner.checkValidity(Date.from(now));
            }
            return csca;
        } catch (CertificateExpiredException e) {
            throw new ChipVerificationException(ChipFailure.SIGNER_EXPIRED, Certificates.describe(documentSigner));
        } catch (CertificateNotYetValidException e) {
            throw new ChipVerificationException(ChipFailure.SIGNER_NOT_YET_VALID,
                    Certificates.describe(documentSigner));
        } catch (java.security.cert.CertificateException e) {
            return null;
        }
    }

    private X509Certificate validatePath(X509Certificate documentSigner, Instant now)
            throws ChipVerificationException {
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
            trust.signers().validated(documentSigner, csca, now);
        } catch (CertPathValidatorException e) {
            throw new ChipVerificationException(chainFailure(e), e.getMessage(), e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new ChipVerificationException(ChipFailure.UNTRUSTED_SIGNER, "chain", e);
        }
        return csca;
    }

    /** ICAO 9303 part 12 §5 (see the class comment): the CSCA is valid now, and was when it issued the signer. */
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
}
