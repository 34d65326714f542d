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
 * <p>Validity model, from ICAO Doc 9303 part 12 (eighth edition, 2021). Its path validation (§6.1.2, Appendix D.1.1)
 * takes three inputs: the one-certificate path (the Document Signer), the <em>current date/time</em>, and the trust
 * anchor, which is the CSCA's name and public key; step a) requires that "the certificate validity period includes
 * the current time" and that the certificate is not revoked at the current time. That is RFC 5280 validation at the
 * time of verification (the shell model), not at signing time (no chain model). It works for the eMRTD PKI because
 * §4.1.1.1 and §4.1.4.1 size the validity periods to it: a Document Signer certificate is valid for its private key
 * usage period plus the longest validity of the documents it signs, and a CSCA certificate for its private key usage
 * period plus the longest validity of any certificate issued under it (Table 1: DS key up to 3 months and
 * certificate about 10 years; CSCA key 3-5 years and certificate 13-15 years; Appendix A works examples).
 *
 * <p>Appendix D.1 does not read the CSCA certificate's own validity; a trust anchor is a key, one per CSCA key
 * (§6.1.1). Because §4.1.4.1 makes a conforming CSCA certificate outlive everything it signs, this class also refuses
 * a path whose CSCA key has no certificate valid now and at the Document Signer's start of validity: stricter than
 * Appendix D for issuers that break §4.1.4.1, never for those that follow it. Any certificate of the same CSCA name
 * and key counts (a key re-certified by a link certificate or a longer-lived root, as the German master list has
 * them). CRLs are used per issuer, as configured.
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
        checkCscaValidity(csca, documentSigner, now, trust);
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

    /**
     * ICAO 9303-12 §4.1.4.1 (see the class comment): some certificate of the CSCA's key is valid now and was at the
     * Document Signer's start of validity; otherwise the reason of the anchor the path used.
     */
    private static void checkCscaValidity(X509Certificate csca, X509Certificate documentSigner, Instant now,
            CscaTrustStore trust) throws ChipVerificationException {
        ChipVerificationException refusal = validityRefusal(csca, documentSigner, now);
        if (refusal == null) {
            return;
        }
        for (java.security.cert.TrustAnchor anchor : trust.anchors()) {
            X509Certificate same = anchor.getTrustedCert();
            if (same != csca && Certificates.subject(same).equals(Certificates.subject(csca))
                    && java.util.Arrays.equals(same.getPublicKey().getEncoded(), csca.getPublicKey().getEncoded())
                    && validityRefusal(same, documentSigner, now) == null) {
                return;
            }
        }
        throw refusal;
    }

    private static ChipVerificationException validityRefusal(X509Certificate csca, X509Certificate documentSigner,
            Instant now) {
        for (Date at : List.of(Date.from(now), documentSigner.getNotBefore())) {
            try {
                csca.checkValidity(at);
            } catch (CertificateExpiredException e) {
                return new ChipVerificationException(ChipFailure.CSCA_EXPIRED, Certificates.describe(csca)
                        + " at " + at.toInstant());
            } catch (CertificateNotYetValidException e) {
                return new ChipVerificationException(ChipFailure.CSCA_NOT_YET_VALID, Certificates.describe(csca)
                        + " at " + at.toInstant());
            }
        }
        return null;
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
