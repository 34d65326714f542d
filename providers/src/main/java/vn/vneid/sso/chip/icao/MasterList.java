package vn.vneid.sso.chip.icao;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.icao.CscaMasterList;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;

/**
 * An ICAO CSCA master list (ICAO Doc 9303 part 12): a CMS SignedData whose content lists CSCA certificates. The
 * file is configuration, trusted because an operator put it there; its signature is still checked so that a
 * damaged or edited file is refused rather than half-read.
 */
final class MasterList {

    private MasterList() {
    }

    @SuppressWarnings("unchecked")
    static List<X509Certificate> certificates(byte[] file) throws IOException {
        try {
            CMSSignedData signed = new CMSSignedData(file);
            if (!ICAOObjectIdentifiers.id_icao_cscaMasterList.equals(
                    new ASN1ObjectIdentifier(signed.getSignedContentTypeOID()))) {
                throw new IOException("not an ICAO CSCA master list");
            }
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            for (SignerInformation signer : signers) {
                Collection<X509CertificateHolder> matches =
                        signed.getCertificates().getMatches((Selector<X509CertificateHolder>) signer.getSID());
                if (matches.isEmpty() || !signer.verify(new JcaSimpleSignerInfoVerifierBuilder()
                        .setProvider(Crypto.BC).build(matches.iterator().next()))) {
                    throw new IOException("master list signature does not verify");
                }
            }
            if (signers.isEmpty()) {
                throw new IOException("master list is not signed");
            }
            CscaMasterList list = CscaMasterList.getInstance(signed.getSignedContent().getContent());
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certificates = new ArrayList<>();
            for (org.bouncycastle.asn1.x509.Certificate certificate : list.getCertStructs()) {
                certificates.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(certificate.getEncoded())));
            }
            return certificates;
        } catch (CMSException | CertificateException | OperatorCreationException | RuntimeException e) {
            throw new IOException("unreadable ICAO master list", e);
        }
    }
}
