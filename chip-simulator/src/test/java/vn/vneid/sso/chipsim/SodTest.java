package vn.vneid.sso.chipsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Collection;

import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.icao.LDSSecurityObject;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SodTest {

    private static TestPki.DocumentSigner ds;
    private static ChipCard card;

    @BeforeAll
    static void issue() {
        ds = TestPki.demo().issueDocumentSigner();
        card = ChipCard.issue(Citizen.demo("049078006789"), ds, AaKeyType.RSA_2048);
    }

    @Test
    void sodIsApplication23HoldingDerContentInfo() throws IOException {
        byte[] sod = card.sod();
        assertThat(sod[0] & 0xFF).isEqualTo(0x77);
        // applicationTagged also checks the whole SOD re-encodes to the same bytes as DER.
        ContentInfo contentInfo = ContentInfo.getInstance(
                DataGroupsTest.applicationTagged(sod, 23).getExplicitBaseObject());
        assertThat(contentInfo.getContentType().getId()).isEqualTo("1.2.840.113549.1.7.2"); // signedData
    }

    @Test
    void signatureVerifiesWithTheIncludedDocumentSignerCertificate() throws Exception {
        CMSSignedData signed = Sod.signedData(card.sod());
        assertThat(signed.getSignedContentTypeOID()).isEqualTo("2.23.136.1.1.1");

        Collection<X509CertificateHolder> certs = signed.getCertificates().getMatches(null);
        assertThat(certs).hasSize(1);
        assertThat(certs.iterator().next().getEncoded()).isEqualTo(ds.certificate().getEncoded());

        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        assertThat(signer.getDigestAlgOID()).isEqualTo("2.16.840.1.101.3.4.2.1");
        assertThat(signer.getEncryptionAlgOID()).isEqualTo("1.2.840.10045.4.3.2"); // ecdsa-with-SHA256
        assertThat(signer.getSignedAttributes().get(CMSAttributes.messageDigest)).isNotNull();
        assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Crypto.BC)
                .build(ds.certificate()))).isTrue();
    }

    @Test
    void ldsSecurityObjectHashesTheWholeDataGroups() throws Exception {
        CMSSignedData signed = Sod.signedData(card.sod());
        LDSSecurityObject lds = LDSSecurityObject.getInstance(signed.getSignedContent().getContent());

        assertThat(lds.getVersion()).isZero();
        assertThat(lds.getDigestAlgorithmIdentifier().getAlgorithm().getId()).isEqualTo("2.16.840.1.101.3.4.2.1");
        assertThat(lds.getDatagroupHash()).hasSize(3);
        assertThat(Sod.hashes(card.sod())).containsOnlyKeys(1, 13, 15);
        assertThat(Sod.hashes(card.sod()).get(1)).isEqualTo(sha256(card.dg1()));
        assertThat(Sod.hashes(card.sod()).get(13)).isEqualTo(sha256(card.dg13()));
        assertThat(Sod.hashes(card.sod()).get(15)).isEqualTo(sha256(card.dg15()));
    }

    @Test
    void documentSignerChainsToTheDemoCsca() throws Exception {
        X509Certificate csca = TestPki.demo().cscaCertificate();
        ds.certificate().verify(csca.getPublicKey());
        assertThat(ds.certificate().getIssuerX500Principal()).isEqualTo(csca.getSubjectX500Principal());
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }
}
