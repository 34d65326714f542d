package vn.vneid.sso.chip.icao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.vneid.sso.chipsim.TestPki;

/** Data real issuers made (see src/test/resources/real-emrtd/README.md for provenance and licences). */
class RealDocumentsTest {

    private static final List<String> CSCAS = List.of("at", "ch", "cz", "de", "es", "fi", "fr", "gr", "hu", "mc",
            "si");

    @TempDir
    Path dir;

    /**
     * The real German passport SOD with an explicit-brainpool Document Signer (gmrtd's test vector, see the real-emrtd
     * README): not in the repository, because the project takes nothing from fetched repositories into its commits.
     * The test runs when {@code VNEID_REAL_SODS} names a directory holding {@code gmrtd-de/SignedData.der}.
     */
    static byte[] germanSod() throws IOException {
        String location = System.getenv("VNEID_REAL_SODS");
        org.junit.jupiter.api.Assumptions.assumeTrue(location != null && !location.isBlank(), "VNEID_REAL_SODS not set");
        return Files.readAllBytes(Path.of(location, "gmrtd-de", "SignedData.der"));
    }

    static byte[] resource(String path) {
        try (InputStream in = RealDocumentsTest.class.getResourceAsStream("/real-emrtd/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("eleven real national CSCAs of every family load, including the explicit-parameter German and Swiss ones")
    void realCscasLoad() throws Exception {
        for (String country : CSCAS) {
            Files.write(dir.resolve(country + ".cer"), resource("csca/" + country + ".cer"));
        }
        CscaTrustStore store = CscaTrustStore.load(dir);
        assertThat(store.warnings()).isEmpty();
        assertThat(store.size()).isEqualTo(CSCAS.size());
        assertThat(store.anchors()).extracting(anchor -> Certificates.country(
                Certificates.subject(anchor.getTrustedCert())))
                .containsExactlyInAnyOrder("AT", "CH", "CZ", "DE", "ES", "FI", "FR", "GR", "HU", "MC", "SI");
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "ch"})
    @DisplayName("the JDK cannot read the explicit-parameter CSCAs that real master lists carry")
    void theJdkRefusesExplicitParameters(String country) {
        byte[] der = resource("csca/" + country + ".cer");
        assertThatThrownBy(() -> CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der)).getPublicKey())
                .hasMessageContaining("named");
        assertThat(ASN1Sequence.getInstance(Certificate.getInstance(der).getSubjectPublicKeyInfo().getAlgorithm()
                .getParameters())).as("explicit domain parameters").isNotNull();
    }

    @Test
    @DisplayName("a master list of the real CSCAs, with a damaged entry, loads every real one")
    void aMasterListOfRealCscas() throws Exception {
        List<ASN1Encodable> entries = new ArrayList<>();
        TestPki listIssuer = TestPki.generate();
        entries.add(Certificate.getInstance(listIssuer.cscaCertificate().getEncoded()));
        for (String country : CSCAS) {
            entries.add(Certificate.getInstance(resource("csca/" + country + ".cer")));
        }
        byte[] damaged = resource("csca/de.cer").clone();
        damaged[10] = 0x05;
        entries.add(new org.bouncycastle.asn1.DEROctetString(damaged));
        Files.write(dir.resolve("real.ml"), CscaTrustStoreTest.masterList(listIssuer,
                entries.toArray(ASN1Encodable[]::new)));

        CscaTrustStore store = CscaTrustStore.load(dir);

        assertThat(store.size()).isEqualTo(CSCAS.size() + 1);
        assertThat(store.warnings()).singleElement().asString().contains("entry 13").contains("unreadable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bsi-tr03105", "etsi-tr103200"})
    @DisplayName("a real RSASSA-PSS SOD: its signature and data-group hashes verify; its test CSCA is not trusted")
    void realSods(String set) throws Exception {
        byte[] sod = resource("sod/" + set + "/EF_SOD.bin");
        CMSSignedData signed = PassiveAuthentication.signedData(sod);
        SignerInformation signer = PassiveAuthentication.signer(signed);
        X509Certificate documentSigner = PassiveAuthentication.documentSigner(signed, signer);
        assertThat(Certificates.country(Certificates.subject(documentSigner))).isEqualTo("DE");
        assertThat(signer.getEncryptionAlgOID()).isEqualTo("1.2.840.113549.1.1.10");

        CscaTrustStore store = new CscaTrustStore(List.of(Certificates.parse(resource("csca/de.cer"))), List.of());
        PassiveAuthentication passive = new PassiveAuthentication(store, AlgorithmPolicy.defaults());
        passive.checkSignature(signer, documentSigner);
        Map<Integer, byte[]> groups = new java.util.HashMap<>(Map.of(1, resource("sod/" + set + "/EF_DG1.bin"),
                14, resource("sod/" + set + "/EF_DG14.bin")));
        if (set.startsWith("etsi")) {
            groups.put(15, resource("sod/" + set + "/EF_DG15.bin"));
        }
        passive.checkHashes(PassiveAuthentication.securityObject(signed), groups);

        Instant whileValid = documentSigner.getNotBefore().toInstant().plusSeconds(86_400);
        assertThatThrownBy(() -> passive.verify(sod, groups, whileValid))
                .isInstanceOfSatisfying(ChipVerificationException.class,
                        e -> assertThat(e.failure()).isEqualTo(ChipFailure.UNTRUSTED_SIGNER));
        assertThat(IssuingStates.fromMrz(ChipVerifier.mrzText(groups.get(1)))).isEqualTo("D");
        assertThat(IssuingStates.alpha2("D")).isEqualTo("DE");
    }

    /** EF.SOD as the chip stores it: the CMS SignedData inside the [APPLICATION 23] (0x77) wrapper. */
    static byte[] efSod(byte[] signedData) throws IOException {
        return new org.bouncycastle.asn1.DERTaggedObject(false, org.bouncycastle.asn1.BERTags.APPLICATION, 23,
                org.bouncycastle.asn1.ASN1Primitive.fromByteArray(signedData)).getEncoded();
    }

    @Test
    @DisplayName("a real German passport SOD whose Document Signer has explicit brainpoolP384r1 parameters verifies,"
            + " and its path to the real csca-germany, reached through a real link certificate, validates")
    void realExplicitBrainpoolSod() throws Exception {
        byte[] sod = efSod(germanSod());
        CMSSignedData signed = PassiveAuthentication.signedData(sod);
        SignerInformation signer = PassiveAuthentication.signer(signed);
        X509Certificate documentSigner = PassiveAuthentication.documentSigner(signed, signer);
        byte[] der = documentSigner.getEncoded();
        assertThat(documentSigner.getSubjectX500Principal().getName()).contains("CN=Document Signer Passport")
                .contains("O=Bundesdruckerei GmbH").endsWith("C=DE");
        assertThat(ASN1Sequence.getInstance(Certificate.getInstance(der).getSubjectPublicKeyInfo().getAlgorithm()
                .getParameters())).as("explicit domain parameters").isNotNull();
        assertThat(((java.security.interfaces.ECPublicKey) documentSigner.getPublicKey()).getParams().getOrder()
                .bitLength()).isEqualTo(384);
        assertThatThrownBy(() -> CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der)).getPublicKey()).hasMessageContaining("named");
        assertThat(signer.getEncryptionAlgOID()).as("ecdsa-with-SHA384").isEqualTo("1.2.840.10045.4.3.3");
        var lds = PassiveAuthentication.securityObject(signed);
        assertThat(lds.getDigestAlgorithmIdentifier().getAlgorithm().getId()).as("SHA-384")
                .isEqualTo("2.16.840.1.101.3.4.2.2");
        assertThat(java.util.Arrays.stream(lds.getDatagroupHash()).map(h -> h.getDataGroupNumber()))
                .containsExactly(1, 2, 3, 14);

        Files.write(dir.resolve("741a44.cer"), resource("csca-de-2021/741a44.cer"));
        Files.write(dir.resolve("a40a5f.cer"), resource("csca-de-2021/a40a5f.cer"));
        CscaTrustStore store = CscaTrustStore.load(dir);
        assertThat(store.warnings()).as("the 2021 key's link certificate is verified by the 2019 key").isEmpty();
        assertThat(store.size()).isEqualTo(2);
        PassiveAuthentication passive = new PassiveAuthentication(store, AlgorithmPolicy.defaults());

        PassiveAuthentication.Result result = passive.verify(sod, Map.of(), Instant.parse("2024-06-01T00:00:00Z"));
        assertThat(result.csca().getEncoded()).isEqualTo(resource("csca-de-2021/a40a5f.cer"));
        assertThat(Certificates.country(Certificates.subject(result.csca()))).isEqualTo("DE");

        // The Document Signer (until 2033-07-04) outlives this certificate of its CSCA key (until 2033-02-20), which
        // ICAO 9303-12 §4.1.4.1 does not allow; the longer-lived root of that key (in the BSI master list) is not here.
        assertThatThrownBy(() -> passive.verify(sod, Map.of(), Instant.parse("2033-03-01T00:00:00Z")))
                .isInstanceOfSatisfying(ChipVerificationException.class,
                        e -> assertThat(e.failure()).isEqualTo(ChipFailure.CSCA_EXPIRED));
        assertThatThrownBy(() -> passive.verify(sod, Map.of(), Instant.parse("2033-07-05T00:00:00Z")))
                .isInstanceOfSatisfying(ChipVerificationException.class,
                        e -> assertThat(e.failure()).isEqualTo(ChipFailure.SIGNER_EXPIRED));
        byte[] tampered = sod.clone();
        tampered[tampered.length - 3] ^= 0x01;
        assertThatThrownBy(() -> passive.verify(tampered, Map.of(), Instant.parse("2024-06-01T00:00:00Z")))
                .isInstanceOfSatisfying(ChipVerificationException.class,
                        e -> assertThat(e.failure()).isEqualTo(ChipFailure.SIGNATURE_INVALID));
        assertThatThrownBy(() -> new PassiveAuthentication(new CscaTrustStore(List.of(Certificates.parse(
                resource("csca/de.cer"))), List.of()), AlgorithmPolicy.defaults())
                .verify(sod, Map.of(), Instant.parse("2024-06-01T00:00:00Z")))
                .as("the 2009 csca-germany did not sign it")
                .isInstanceOfSatisfying(ChipVerificationException.class,
                        e -> assertThat(e.failure()).isEqualTo(ChipFailure.UNTRUSTED_SIGNER));
    }

    @Test
    @DisplayName("a flipped bit in a real SOD's signature or a real data group is caught")
    void realSodsTampered() throws Exception {
        byte[] sod = resource("sod/etsi-tr103200/EF_SOD.bin");
        sod[sod.length - 5] ^= 0x01;
        CMSSignedData signed = PassiveAuthentication.signedData(sod);
        SignerInformation signer = PassiveAuthentication.signer(signed);
        PassiveAuthentication passive = new PassiveAuthentication(new CscaTrustStore(List.of(
                Certificates.parse(resource("csca/de.cer"))), List.of()), AlgorithmPolicy.defaults());
        assertThatThrownBy(() -> passive.checkSignature(signer, PassiveAuthentication.documentSigner(signed, signer)))
                .isInstanceOfSatisfying(ChipVerificationException.class,
                        e -> assertThat(e.failure()).isEqualTo(ChipFailure.SIGNATURE_INVALID));

        byte[] dg1 = resource("sod/etsi-tr103200/EF_DG1.bin");
        dg1[dg1.length - 1] ^= 0x01;
        CMSSignedData genuine = PassiveAuthentication.signedData(resource("sod/etsi-tr103200/EF_SOD.bin"));
        assertThatThrownBy(() -> passive.checkHashes(PassiveAuthentication.securityObject(genuine), Map.of(1, dg1)))
                .isInstanceOfSatisfying(ChipVerificationException.class,
                        e -> assertThat(e.failure()).isEqualTo(ChipFailure.HASH_MISMATCH));
    }

    @Test
    @DisplayName("random damage to a real RSASSA-PSS SOD is always a precise refusal, never another exception")
    void realSodFuzzed() throws Exception {
        byte[] genuine = resource("sod/etsi-tr103200/EF_SOD.bin");
        Map<Integer, byte[]> groups = Map.of(1, resource("sod/etsi-tr103200/EF_DG1.bin"));
        PassiveAuthentication passive = new PassiveAuthentication(new CscaTrustStore(List.of(
                Certificates.parse(resource("csca/de.cer"))), List.of()), AlgorithmPolicy.defaults());
        java.util.Random random = new java.util.Random(12);
        for (int i = 0; i < 300; i++) {
            byte[] damaged = genuine.clone();
            damaged[random.nextInt(damaged.length)] ^= (byte) (1 + random.nextInt(255));
            byte[] truncated = java.util.Arrays.copyOf(genuine, random.nextInt(genuine.length));
            for (byte[] sod : List.of(damaged, truncated)) {
                assertThatThrownBy(() -> passive.verify(sod, groups, Instant.parse("2012-01-01T00:00:00Z")))
                        .isInstanceOf(ChipVerificationException.class);
            }
        }
    }

    @Test
    @DisplayName("a real DG14 without ActiveAuthenticationInfo declares nothing; its explicit-parameter key reads")
    void realDg14() throws Exception {
        byte[] dg14 = resource("sod/bsi-tr03105/EF_DG14.bin");
        assertThat(ActiveAuthentication.declaredAlgorithm(dg14)).isNull();
        ASN1Set infos = ASN1Set.getInstance(Lds.unwrap(dg14, Lds.DG14_TAG, "DG14"));
        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(
                ASN1Sequence.getInstance(infos.getObjectAt(0)).getObjectAt(1));
        var ec = (java.security.interfaces.ECPublicKey) new JcaPEMKeyConverter().setProvider(Crypto.BC)
                .getPublicKey(key);
        assertThat(ec.getParams().getOrder().bitLength()).isEqualTo(224);
    }

    @Test
    @DisplayName("real Document Signer certificates filed as CSCAs are skipped with a warning naming them")
    void realDocumentSignersAreNotAnchors() throws Exception {
        Files.write(dir.resolve("de.cer"), resource("csca/de.cer"));
        Files.write(dir.resolve("ds.cer"), resource("dsc/dsc_de_0142fd5cf927.cer"));
        CscaTrustStore store = CscaTrustStore.load(dir);
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.warnings()).singleElement().asString().contains("ds.cer").contains("HJP PB DS")
                .contains("not a CA certificate");
    }
}
