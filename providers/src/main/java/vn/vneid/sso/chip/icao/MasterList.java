package vn.vneid.sso.chip.icao;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;

/**
 * An ICAO CSCA master list (ICAO Doc 9303-12 §9; §5.3: signed by a Master List Signer whose CSCA's certificate the
 * list includes): a CMS SignedData whose content
 * ({@code CscaMasterList ::= SEQUENCE { version, certList SET OF Certificate }}) lists CSCA certificates. The file is
 * configuration, trusted because an operator put it there; its signature is still verified, and its signer must be
 * certified by one of the CSCAs it lists (the issuing State's own CSCA signs its Master List Signer), so a damaged
 * or edited file is refused as a whole. Inside a genuine list, each certificate is read on its own: one entry that
 * cannot be read costs only itself.
 */
final class MasterList {

    /** The certificates read, and one reason per entry that could not be. */
    record Contents(List<X509Certificate> certificates, List<String> skipped) {
    }

    private MasterList() {
    }

    static Contents read(byte[] file) throws IOException {
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(file);
        } catch (CMSException | RuntimeException e) {
            throw new IOException("not a CMS SignedData", e);
        }
        if (signed.getSignedContentTypeOID() == null || !ICAOObjectIdentifiers.id_icao_cscaMasterList.equals(
                new ASN1ObjectIdentifier(signed.getSignedContentTypeOID()))) {
            throw new IOException("not an ICAO CSCA master list");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try {
            ASN1Sequence list = ASN1Sequence.getInstance(signed.getSignedContent().getContent());
            int index = 0;
            for (ASN1Encodable entry : ASN1Set.getInstance(list.getObjectAt(1))) {
                index++;
                try {
                    certificates.add(Certificates.parse(entry.toASN1Primitive().getEncoded()));
                } catch (IOException | java.security.cert.CertificateException | RuntimeException e) {
                    skipped.add("entry " + index + " unreadable (" + e.getMessage() + ")");
                }
            }
        } catch (RuntimeException e) {
            throw new IOException("unreadable master list content", e);
        }
        verifySignature(signed, certificates);
        return new Contents(certificates, skipped);
    }

    @SuppressWarnings("unchecked")
    private static void verifySignature(CMSSignedData signed, List<X509Certificate> listed) throws IOException {
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.isEmpty()) {
            throw new IOException("master list is not signed");
        }
        for (SignerInformation signer : signers) {
            Collection<X509CertificateHolder> matches =
                    signed.getCertificates().getMatches((Selector<X509CertificateHolder>) signer.getSID());
            if (matches.isEmpty()) {
                throw new IOException("master list signer certificate missing");
            }
            try {
                X509Certificate signerCertificate = Certificates.parse(matches.iterator().next().getEncoded());
                if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Crypto.BC)
                        .build(signerCertificate.getPublicKey()))) {
                    throw new IOException("master list signature does not verify");
                }
                if (!issuedByOneOf(signerCertificate, listed)) {
                    throw new IOException("master list signer " + Certificates.describe(signerCertificate)
                            + " is not certified by a CSCA of the list");
                }
            } catch (CMSException | OperatorCreationException | java.security.cert.CertificateException
                    | RuntimeException e) {
                throw new IOException("master list signature does not verify", e);
            }
        }
    }

    private static boolean issuedByOneOf(X509Certificate certificate, List<X509Certificate> cscas) {
        for (X509Certificate csca : cscas) {
            if (Certificates.subject(csca).equals(Certificates.issuer(certificate))) {
                try {
                    certificate.verify(csca.getPublicKey(), Crypto.BC);
                    return true;
                } catch (java.security.GeneralSecurityException | RuntimeException e) {
                    // key rollover: another CSCA of the same name may have signed it
                }
            }
        }
        return false;
    }
}
