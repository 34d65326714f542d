package vn.vneid.sso.chip.icao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DLSequence;
import org.bouncycastle.asn1.DLSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.vneid.sso.chipsim.AaKeyType;
import vn.vneid.sso.chipsim.ChipCard;
import vn.vneid.sso.chipsim.Citizen;
import vn.vneid.sso.chipsim.PkiFamily;
import vn.vneid.sso.chipsim.TestPki;

class CscaTrustStoreTest {

    @TempDir
    Path dir;

    @Test
    void readsPemCertificatesAndCrlsFromADirectory() throws Exception {
        TestPki pki = TestPki.generate();
        Files.writeString(dir.resolve("csca.pem"), pki.cscaCertificatePem(), StandardCharsets.US_ASCII);
        Files.write(dir.resolve("csca.crl"), pki.crl(List.of()).getEncoded());
        Files.writeString(dir.resolve("README.md"), "ignored");
        CscaTrustStore store = CscaTrustStore.load(dir);
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.crls()).hasSize(1);
    }

    @Test
    void readsAnIcaoMasterListAndItsCscasVerifyChips() throws Exception {
        TestPki pki = TestPki.generate();
        byte[] masterList = masterList(pki, Certificate.getInstance(pki.cscaCertificate().getEncoded()));
        Files.write(dir.resolve("icao.ml"), masterList);

        CscaTrustStore store = CscaTrustStore.load(dir);
        assertThat(store.size()).isEqualTo(1);
        Citizen an = Citizen.demo("001085012345");
        ChipCard card = ChipCard.issue(an, pki.issueDocumentSigner(), AaKeyType.ECDSA_P256);
        byte[] challenge = {1, 1, 2, 3, 5, 8, 13, 21};
        VerifiedChip chip = new ChipVerifier(store, Clock.systemUTC()).verify(new ChipData(card.sod(), card.dg1(),
                card.dg13(), card.dg14(), card.dg15(), card.signChallenge(challenge)), challenge, an.nationalId(),
                null);
        assertThat(chip.identity().nationalId()).isEqualTo(an.nationalId());

        // Altering one byte of the listed CSCA (signed content) must break the list's signature.
        byte[] csca = pki.cscaCertificate().getEncoded();
        int at = indexOf(masterList, java.util.Arrays.copyOfRange(csca, csca.length - 40, csca.length - 8));
        assertThat(at).isPositive();
        masterList[at + 4] ^= 0x01;
        Files.write(dir.resolve("icao.ml"), masterList);
        assertThatThrownBy(() -> CscaTrustStore.load(dir)).isInstanceOf(IOException.class);
    }

    @Test
    @DisplayName("a master list with unusable entries loads the rest, with one warning per skipped entry")
    void aMasterListWithUnusableEntries() throws Exception {
        TestPki vietnam = TestPki.generate();
        TestPki brainpool = TestPki.generate(PkiFamily.BRAINPOOL_P256_EXPLICIT,
                "C=DE, O=Test, CN=Test CSCA explicit brainpool");
        TestPki.DocumentSigner endEntity = vietnam.issueDocumentSigner();
        byte[] list = masterList(vietnam,
                Certificate.getInstance(vietnam.cscaCertificate().getEncoded()),
                Certificate.getInstance(brainpool.cscaCertificate().getEncoded()),
                Certificate.getInstance(endEntity.certificate().getEncoded()),
                new DERSequence(new ASN1Encodable[] {new ASN1Integer(7), new DERUTF8String("not a certificate")}));
        Files.write(dir.resolve("icao.ml"), list);

        CscaTrustStore store = CscaTrustStore.load(dir);

        assertThat(store.size()).as("the Vietnamese and the explicit-brainpool CSCA").isEqualTo(2);
        assertThat(store.warnings()).hasSize(2);
        assertThat(store.warnings()).anySatisfy(w -> assertThat(w).contains("icao.ml").contains("entry 4")
                .contains("unreadable"));
        assertThat(store.warnings()).anySatisfy(w -> assertThat(w)
                .contains(endEntity.certificate().getSubjectX500Principal().getName()).contains("not a CA"));
    }

    @Test
    @DisplayName("a folder with a damaged file, an end-entity certificate and an explicit-parameter CSCA loads the CSCAs")
    void aFolderWithUnusableFiles() throws Exception {
        TestPki vietnam = TestPki.generate();
        TestPki brainpool = TestPki.generate(PkiFamily.BRAINPOOL_P512_EXPLICIT, "C=DE, O=Test, CN=Test CSCA 512");
        TestPki.DocumentSigner endEntity = vietnam.issueDocumentSigner();
        Files.writeString(dir.resolve("a-vietnam.pem"), vietnam.cscaCertificatePem()
                + "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        Files.write(dir.resolve("b-brainpool.der"), brainpool.cscaCertificate().getEncoded());
        Files.write(dir.resolve("c-signer.cer"), endEntity.certificate().getEncoded());
        Files.write(dir.resolve("d-broken.ml"), new byte[] {0x30, 0x03, 0x02, 0x01, 0x00});

        CscaTrustStore store = CscaTrustStore.load(dir);

        assertThat(store.size()).isEqualTo(2);
        assertThat(store.warnings()).hasSize(3);
        assertThat(store.warnings()).anySatisfy(w -> assertThat(w).startsWith("a-vietnam.pem: certificate 2"));
        assertThat(store.warnings()).anySatisfy(w -> assertThat(w).startsWith("c-signer.cer: ")
                .contains("not a CA certificate"));
        assertThat(store.warnings()).anySatisfy(w -> assertThat(w).startsWith("d-broken.ml: "));
    }

    @Test
    @DisplayName("a master list whose signer no listed CSCA certified is refused as a whole, with its reason")
    void aMasterListSignedByAStranger() throws Exception {
        TestPki stranger = TestPki.generate(PkiFamily.EC_NIST_P256, "C=XX, O=Test, CN=Stranger");
        TestPki listed = TestPki.generate();
        Files.write(dir.resolve("forged.ml"), masterList(stranger,
                Certificate.getInstance(listed.cscaCertificate().getEncoded())));
        Files.writeString(dir.resolve("other.pem"), TestPki.generate().cscaCertificatePem(), StandardCharsets.US_ASCII);

        CscaTrustStore store = CscaTrustStore.load(dir);

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.warnings()).singleElement().asString().startsWith("forged.ml: ")
                .contains("not certified by a CSCA of the list");
    }

    @Test
    @DisplayName("a damaged master list never breaks the load: its CSCAs are skipped, the folder's others stay")
    void damagedMasterListsFuzzed() throws Exception {
        TestPki listing = TestPki.generate();
        byte[] genuine = masterList(listing, Certificate.getInstance(listing.cscaCertificate().getEncoded()),
                Certificate.getInstance(TestPki.generate(PkiFamily.BRAINPOOL_P256_EXPLICIT).cscaCertificate()
                        .getEncoded()));
        Files.writeString(dir.resolve("other.pem"), TestPki.generate().cscaCertificatePem(), StandardCharsets.US_ASCII);
        java.util.Random random = new java.util.Random(2026);
        for (int i = 0; i < 100; i++) {
            byte[] damaged = genuine.clone();
            damaged[random.nextInt(damaged.length)] ^= (byte) (1 + random.nextInt(255));
            Files.write(dir.resolve("list.ml"), i % 10 == 0
                    ? java.util.Arrays.copyOf(genuine, random.nextInt(genuine.length)) : damaged);
            CscaTrustStore store = CscaTrustStore.load(dir);
            assertThat(store.size()).as("the folder's own CSCA always stays").isBetween(1, 3);
        }
    }

    @Test
    @DisplayName("a CSCA link certificate (old key signs the new one, same name) is trusted when the old CSCA is,"
            + " in any file order, and chips signed under the new key verify")
    void linkCertificatesAreTrustedThroughTheEarlierCsca() throws Exception {
        String name = "C=VN, O=Test, CN=Test CSCA rollover";
        TestPki old = TestPki.generate(PkiFamily.EC_NIST_P256, name);
        TestPki current = TestPki.generate(PkiFamily.BRAINPOOL_P256_EXPLICIT, name);
        X509Certificate link = link(old, current);
        Files.write(dir.resolve("a-link.cer"), link.getEncoded());
        Files.write(dir.resolve("b-old.cer"), old.cscaCertificate().getEncoded());

        CscaTrustStore store = CscaTrustStore.load(dir);

        assertThat(store.warnings()).isEmpty();
        assertThat(store.size()).isEqualTo(2);
        Citizen an = Citizen.demo("001085012345");
        ChipCard card = ChipCard.issue(an, current.issueDocumentSigner(), AaKeyType.ECDSA_P256);
        byte[] challenge = {2, 7, 1, 8, 2, 8, 1, 8};
        VerifiedChip chip = new ChipVerifier(store, Clock.systemUTC()).verify(new ChipData(card.sod(), card.dg1(),
                card.dg13(), card.dg14(), card.dg15(), card.signChallenge(challenge)), challenge, an.nationalId(),
                null);
        assertThat(chip.identity().nationalId()).isEqualTo(an.nationalId());
    }

    @Test
    @DisplayName("a link certificate whose earlier CSCA is missing, and a self-signed CSCA whose signature is damaged,"
            + " are skipped with a warning each")
    void unverifiableSelfIssuedCertificatesAreSkipped() throws Exception {
        String name = "C=VN, O=Test, CN=Test CSCA rollover";
        TestPki old = TestPki.generate(PkiFamily.EC_NIST_P256, name);
        TestPki current = TestPki.generate(PkiFamily.EC_NIST_P256, name);
        Files.write(dir.resolve("a-link.cer"), link(old, current).getEncoded());
        byte[] damaged = TestPki.generate().cscaCertificate().getEncoded();
        damaged[damaged.length - 3] ^= 0x01;
        Files.write(dir.resolve("b-damaged.cer"), damaged);
        Files.writeString(dir.resolve("c-other.pem"), TestPki.generate().cscaCertificatePem(), StandardCharsets.US_ASCII);

        CscaTrustStore store = CscaTrustStore.load(dir);

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.warnings()).hasSize(2);
        assertThat(store.warnings()).anySatisfy(w -> assertThat(w).startsWith("a-link.cer: ")
                .contains("Test CSCA rollover").contains("link certificate whose earlier CSCA is missing"));
        assertThat(store.warnings()).anySatisfy(w -> assertThat(w).startsWith("b-damaged.cer: "));
    }

    /** A CSCA link certificate as ICAO 9303-12 §4.1.4.3 has it: the new key, the same name, signed by the old key. */
    static X509Certificate link(TestPki old, TestPki current) throws Exception {
        X509Certificate subject = current.cscaCertificate();
        org.bouncycastle.asn1.x500.X500Name name = org.bouncycastle.asn1.x500.X500Name.getInstance(
                subject.getSubjectX500Principal().getEncoded());
        org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils ext = new org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils();
        var builder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(name,
                java.math.BigInteger.valueOf(System.nanoTime()), subject.getNotBefore(), subject.getNotAfter(), name,
                subject.getPublicKey())
                .addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true,
                        new org.bouncycastle.asn1.x509.BasicConstraints(0))
                .addExtension(org.bouncycastle.asn1.x509.Extension.keyUsage, true,
                        new org.bouncycastle.asn1.x509.KeyUsage(org.bouncycastle.asn1.x509.KeyUsage.keyCertSign
                                | org.bouncycastle.asn1.x509.KeyUsage.cRLSign))
                .addExtension(org.bouncycastle.asn1.x509.Extension.subjectKeyIdentifier, false,
                        ext.createSubjectKeyIdentifier(subject.getPublicKey()))
                .addExtension(org.bouncycastle.asn1.x509.Extension.authorityKeyIdentifier, false,
                        ext.createAuthorityKeyIdentifier(old.cscaCertificate().getPublicKey()));
        return Certificates.parse(builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                .setProvider(Crypto.BC).build(old.cscaPrivateKey())).getEncoded());
    }

    /** A master list signed, as ICAO 9303 part 12 has it, by a Master List Signer that the listing State's CSCA certified. */
    static byte[] masterList(TestPki issuer, ASN1Encodable... entries) throws Exception {
        TestPki.DocumentSigner listSigner = issuer.issueDocumentSigner();
        // DL encoding keeps the entries in the order given (DER would sort the SET).
        byte[] content = new DLSequence(new ASN1Encodable[] {new ASN1Integer(0), new DLSet(entries)}).getEncoded();
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().setProvider(Crypto.BC).build())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Crypto.BC)
                        .build(listSigner.privateKey()), listSigner.certificate()));
        generator.addCertificates(new JcaCertStore(List.of(listSigner.certificate())));
        return generator.generate(new CMSProcessableByteArray(
                ICAOObjectIdentifiers.id_icao_cscaMasterList, content), true).getEncoded();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void anEmptyOrUnreadableStoreFailsToLoad() throws IOException {
        assertThatThrownBy(() -> CscaTrustStore.load(dir)).isInstanceOf(IOException.class);
        Files.writeString(dir.resolve("bad.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> CscaTrustStore.load(dir)).isInstanceOf(IOException.class);
    }
}
