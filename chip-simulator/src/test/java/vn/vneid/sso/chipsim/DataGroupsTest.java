package vn.vneid.sso.chipsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DataGroupsTest {

    private static final Citizen AN = Citizen.demo("001085012345");
    private static ChipCard card;

    @BeforeAll
    static void issue() {
        card = ChipCard.issue(AN, TestPki.demo().issueDocumentSigner(), AaKeyType.ECDSA_P256);
    }

    @Test
    void dg1IsApplication1HoldingTheMrzUnder5F1F() throws IOException {
        byte[] dg1 = card.dg1();
        // 0x61 len(=0x5D) 0x5F 0x1F 0x5A(=90) <90 ASCII>: short-form lengths, 95 bytes in all.
        assertThat(dg1).hasSize(95);
        assertThat(dg1[0] & 0xFF).isEqualTo(0x61);
        assertThat(dg1[1] & 0xFF).isEqualTo(93);
        assertThat(new byte[] {dg1[2], dg1[3], dg1[4]}).containsExactly(0x5F, 0x1F, 90);

        ASN1TaggedObject outer = applicationTagged(dg1, 1);
        assertThat(outer.isExplicit()).isTrue();
        ASN1TaggedObject mrz = (ASN1TaggedObject) outer.getExplicitBaseObject();
        assertThat(mrz.getTagClass()).isEqualTo(BERTags.APPLICATION);
        assertThat(mrz.getTagNo()).isEqualTo(0x1F);
        byte[] value = DEROctetString.getInstance(mrz.getBaseUniversal(false, BERTags.OCTET_STRING)).getOctets();
        assertThat(new String(value, StandardCharsets.US_ASCII)).isEqualTo(Mrz.td1(AN));
    }

    @Test
    void dg13IsApplication13WithVersionOidAndNumberedFields() throws IOException {
        byte[] dg13 = card.dg13();
        assertThat(dg13[0] & 0xFF).isEqualTo(0x6D);

        ASN1Sequence content = ASN1Sequence.getInstance(applicationTagged(dg13, 13).getExplicitBaseObject());
        assertThat(content.size()).isEqualTo(3);
        assertThat(ASN1Integer.getInstance(content.getObjectAt(0)).intValueExact()).isEqualTo(1);
        assertThat(ASN1ObjectIdentifier.getInstance(content.getObjectAt(1)).getId()).isEqualTo("2.16.704.1.2.13");

        Map<Integer, List<String>> fields = new HashMap<>();
        for (ASN1Encodable element : ASN1Set.getInstance(content.getObjectAt(2))) {
            ASN1Sequence field = ASN1Sequence.getInstance(element);
            int number = ASN1Integer.getInstance(field.getObjectAt(0)).intValueExact();
            List<String> values = new ArrayList<>();
            for (int i = 1; i < field.size(); i++) {
                values.add(ASN1UTF8String.getInstance(field.getObjectAt(i)).getString());
            }
            fields.put(number, values);
        }
        assertThat(fields).containsOnlyKeys(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        assertThat(fields.get(1)).containsExactly("001085012345");
        assertThat(fields.get(2)).containsExactly("Nguyễn Văn An");
        assertThat(fields.get(3)).containsExactly("02/03/1985");
        assertThat(fields.get(4)).containsExactly("Nam");
        assertThat(fields.get(5)).containsExactly("Việt Nam");
        assertThat(fields.get(6)).containsExactly("Kinh");
        assertThat(fields.get(7)).containsExactly("Không");
        assertThat(fields.get(8)).containsExactly(AN.placeOfOrigin());
        assertThat(fields.get(9)).containsExactly(AN.placeOfResidence());
        assertThat(fields.get(11)).containsExactly("14/06/2024");
        assertThat(fields.get(12)).containsExactly("02/03/2045");
        assertThat(fields.get(13)).hasSize(2);
    }

    @Test
    void dg13SaysNuForAWoman() throws IOException {
        byte[] dg13 = DataGroups.dg13(Citizen.demo("040192004321"));
        assertThat(new String(dg13, StandardCharsets.UTF_8)).contains("Nữ").contains("Trần Thị Bích Ngọc");
    }

    @Test
    void dg15IsApplication15HoldingTheSubjectPublicKeyInfo() throws IOException {
        for (AaKeyType type : AaKeyType.values()) {
            byte[] dg15 = ChipCard.issue(AN, card.documentSigner(), type).dg15();
            assertThat(dg15[0] & 0xFF).isEqualTo(0x6F);
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(
                    applicationTagged(dg15, 15).getExplicitBaseObject());
            assertThat(spki.getAlgorithm().getAlgorithm().getId())
                    .isEqualTo(type.isEcdsa() ? "1.2.840.10045.2.1" : "1.2.840.113549.1.1.1");
        }
    }

    static ASN1TaggedObject applicationTagged(byte[] der, int tagNo) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(der)) {
            ASN1Primitive object = in.readObject();
            assertThat(in.readObject()).as("nothing after the data group").isNull();
            ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(object);
            assertThat(tagged.getTagClass()).isEqualTo(BERTags.APPLICATION);
            assertThat(tagged.getTagNo()).isEqualTo(tagNo);
            // Re-encoding must give the same bytes: the data group is DER.
            assertThat(object.getEncoded("DER")).isEqualTo(der);
            return tagged;
        }
    }
}
