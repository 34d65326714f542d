package vn.vneid.sso.chipsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;

import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The damaged chips the verifier's tests need really are damaged the way they claim. */
class ChipCardTest {

    private static TestPki.DocumentSigner ds;
    private static ChipCard genuine;

    @BeforeAll
    static void issue() {
        ds = TestPki.demo().issueDocumentSigner();
        genuine = ChipCard.issue(Citizen.demo("001085012345"), ds, AaKeyType.ECDSA_P256);
    }

    @Test
    void genuineChipIsConsistent() throws Exception {
        assertThat(hashesMatch(genuine)).isTrue();
        assertThat(signedBy(genuine, ds)).isTrue();
    }

    @Test
    void aReplacedDataGroupNoLongerMatchesTheSod() throws Exception {
        byte[] otherDg13 = DataGroups.dg13(Citizen.demo("040192004321"));
        ChipCard tampered = genuine.withDataGroup(13, otherDg13);

        assertThat(tampered.dg13()).isEqualTo(otherDg13);
        assertThat(tampered.sod()).isEqualTo(genuine.sod());
        assertThat(hashesMatch(tampered)).isFalse();
        assertThat(genuine.dg13()).isNotEqualTo(otherDg13); // the original is untouched
    }

    @Test
    void aSodHashOverOtherBytesIsValidlySignedButMismatched() throws Exception {
        ChipCard tampered = genuine.withSodHashOver(1, DataGroups.dg1(Citizen.demo("049078006789")));

        assertThat(tampered.dg1()).isEqualTo(genuine.dg1());
        assertThat(signedBy(tampered, ds)).isTrue();
        assertThat(hashesMatch(tampered)).isFalse();
    }

    @Test
    void resignedByAnotherPkisSigner() throws Exception {
        TestPki.DocumentSigner forger = TestPki.generate().issueDocumentSigner();
        ChipCard resigned = genuine.resignedBy(forger);

        assertThat(hashesMatch(resigned)).isTrue();
        assertThat(signedBy(resigned, forger)).isTrue();
        assertThat(Sod.signedData(resigned.sod()).getCertificates().getMatches(null).iterator().next().getEncoded())
                .isEqualTo(forger.certificate().getEncoded());
        assertThat(resigned.documentSigner()).isEqualTo(forger);
    }

    @Test
    void rawSodAndCopies() {
        byte[] sod = genuine.sod();
        sod[sod.length - 1] ^= 1;
        assertThat(genuine.withSod(sod).sod()).isEqualTo(sod);
        assertThat(genuine.sod()).isNotEqualTo(sod); // accessors return copies
    }

    @Test
    void onlyPresentedGroupsCanBeReplaced() {
        assertThatThrownBy(() -> genuine.withDataGroup(2, new byte[] {0x75, 0}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean hashesMatch(ChipCard card) throws Exception {
        var hashes = Sod.hashes(card.sod());
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (int dg : ChipCard.DATA_GROUPS) {
            if (!MessageDigest.isEqual(hashes.get(dg), sha256.digest(card.dataGroup(dg)))) {
                return false;
            }
        }
        return hashes.size() == ChipCard.DATA_GROUPS.size();
    }

    private static boolean signedBy(ChipCard card, TestPki.DocumentSigner signer) throws Exception {
        SignerInformation info = Sod.signedData(card.sod()).getSignerInfos().getSigners().iterator().next();
        return info.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Crypto.BC).build(signer.certificate()));
    }
}
