package vn.vneid.sso.chip.icao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.bouncycastle.asn1.icao.CscaMasterList;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.vneid.sso.chipsim.AaKeyType;
import vn.vneid.sso.chipsim.ChipCard;
import vn.vneid.sso.chipsim.Citizen;
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
        TestPki.DocumentSigner listSigner = pki.issueDocumentSigner();
        byte[] content = new CscaMasterList(new Certificate[] {
                Certificate.getInstance(pki.cscaCertificate().getEncoded())}).getEncoded();
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().setProvider(Crypto.BC).build())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Crypto.BC)
                        .build(listSigner.privateKey()), listSigner.certificate()));
        generator.addCertificates(new JcaCertStore(List.of(listSigner.certificate())));
        byte[] masterList = generator.generate(new CMSProcessableByteArray(
                ICAOObjectIdentifiers.id_icao_cscaMasterList, content), true).getEncoded();
        Files.write(dir.resolve("icao.ml"), masterList);

        CscaTrustStore store = CscaTrustStore.load(dir);
        assertThat(store.size()).isEqualTo(1);
        Citizen an = Citizen.demo("001085012345");
        ChipCard card = ChipCard.issue(an, pki.issueDocumentSigner(), AaKeyType.ECDSA_P256);
        byte[] challenge = {1, 1, 2, 3, 5, 8, 13, 21};
        VerifiedChip chip = new ChipVerifier(store, Clock.systemUTC()).verify(new ChipData(card.sod(), card.dg1(),
                card.dg13(), card.dg15(), card.signChallenge(challenge)), challenge, an.nationalId(), null);
        assertThat(chip.identity().nationalId()).isEqualTo(an.nationalId());

        // Altering one byte of the listed CSCA (signed content) must break the list's signature.
        byte[] csca = pki.cscaCertificate().getEncoded();
        int at = indexOf(masterList, java.util.Arrays.copyOfRange(csca, csca.length - 40, csca.length - 8));
        assertThat(at).isPositive();
        masterList[at + 4] ^= 0x01;
        Files.write(dir.resolve("icao.ml"), masterList);
        assertThatThrownBy(() -> CscaTrustStore.load(dir)).isInstanceOf(IOException.class);
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
