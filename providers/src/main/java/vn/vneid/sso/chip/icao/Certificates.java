package vn.vneid.sso.chip.icao;

import java.io.ByteArrayInputStream;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * Certificates and CRLs are always read by Bouncy Castle: the JDK's CertificateFactory refuses EC keys with
 * explicit domain parameters ("Only named ECParameters supported"), which many real CSCA and Document Signer
 * certificates carry: ICAO 9303-12 §4.1.6.3 even requires them ("no named curves, no implicit parameters"),
 * although many issuers use named curves anyway. A BC certificate object
 * then also verifies with BC, whatever its key.
 */
final class Certificates {

    private Certificates() {
    }

    static CertificateFactory factory() {
        try {
            return CertificateFactory.getInstance("X.509", Crypto.BC);
        } catch (CertificateException e) {
            throw new IllegalStateException("Bouncy Castle has no X.509 factory", e);
        }
    }

    static X509Certificate parse(byte[] der) throws CertificateException {
        return (X509Certificate) factory().generateCertificate(new ByteArrayInputStream(der));
    }

    /** Every certificate of a PEM or DER file, in order. */
    static List<X509Certificate> parseAll(byte[] file) throws CertificateException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (java.security.cert.Certificate certificate : factory().generateCertificates(
                new ByteArrayInputStream(file))) {
            certificates.add((X509Certificate) certificate);
        }
        return certificates;
    }

    static List<X509CRL> parseCrls(byte[] file) throws CRLException {
        List<X509CRL> crls = new ArrayList<>();
        for (java.security.cert.CRL crl : factory().generateCRLs(new ByteArrayInputStream(file))) {
            crls.add((X509CRL) crl);
        }
        return crls;
    }

    /** Names compared as Bouncy Castle does: by value, whatever the string types and RDN order in the encoding. */
    static X500Name subject(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    static X500Name issuer(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
    }

    /** The country (C=) of a name, upper case, or null when absent. */
    static String country(X500Name name) {
        RDN[] rdns = name.getRDNs(BCStyle.C);
        return rdns.length == 0 ? null
                : IETFUtils.valueToString(rdns[0].getFirst().getValue()).strip().toUpperCase(java.util.Locale.ROOT);
    }

    static AlgorithmIdentifier signatureAlgorithm(X509Certificate certificate) throws CertificateException {
        try {
            return org.bouncycastle.asn1.x509.Certificate.getInstance(certificate.getEncoded()).getSignatureAlgorithm();
        } catch (RuntimeException e) {
            throw new CertificateException("signature algorithm", e);
        }
    }

    /** For warnings and the audit record: the subject as RFC 4514 text. */
    static String describe(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    static boolean isSelfIssued(X509Certificate certificate) {
        return subject(certificate).equals(issuer(certificate));
    }
}
