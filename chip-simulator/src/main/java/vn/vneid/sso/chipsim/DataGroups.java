package vn.vneid.sso.chipsim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.bsi.BSIObjectIdentifiers;

/**
 * The data groups a CCCD presents: DG1 (MRZ), DG13 (Vietnamese personal data), DG14 (SecurityInfos: here the
 * ActiveAuthenticationInfo of an ECDSA chip), DG15 (Active Authentication key).
 */
public final class DataGroups {

    public static final int DG1_TAG = 0x61;
    public static final int MRZ_TAG = 0x5F1F;
    public static final int DG13_TAG = 0x6D;
    public static final int DG14_TAG = 0x6E;
    public static final int DG15_TAG = 0x6F;
    /** id-AA (ICAO 9303 part 11): the protocol of an ActiveAuthenticationInfo. */
    public static final ASN1ObjectIdentifier ID_AA = new ASN1ObjectIdentifier("2.23.136.1.1.5");
    /** BSI TR-03111 ecdsa-plain-signatures: the arc under which ActiveAuthenticationInfo names its hash. */
    private static final Map<String, ASN1ObjectIdentifier> ECDSA_PLAIN = Map.of(
            "SHA-1", BSIObjectIdentifiers.ecdsa_plain_SHA1,
            "SHA-224", BSIObjectIdentifiers.ecdsa_plain_SHA224,
            "SHA-256", BSIObjectIdentifiers.ecdsa_plain_SHA256,
            "SHA-384", BSIObjectIdentifiers.ecdsa_plain_SHA384,
            "SHA-512", BSIObjectIdentifiers.ecdsa_plain_SHA512);
    /** Vietnam's OID arc (2.16.704) for the DG13 personal data structure. */
    public static final ASN1ObjectIdentifier DG13_OID = new ASN1ObjectIdentifier("2.16.704.1.2.13");

    private static final DateTimeFormatter DD_MM_YYYY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private DataGroups() {
    }

    public static byte[] dg1(Citizen citizen) {
        byte[] mrz = Mrz.td1(citizen).getBytes(StandardCharsets.US_ASCII);
        return Tlv.encode(DG1_TAG, Tlv.encode(MRZ_TAG, mrz));
    }

    public static byte[] dg13(Citizen citizen) {
        ASN1EncodableVector fields = new ASN1EncodableVector();
        fields.add(field(1, citizen.nationalId()));
        fields.add(field(2, citizen.fullName()));
        fields.add(field(3, date(citizen.birthDate())));
        fields.add(field(4, citizen.sex() == Citizen.Sex.MALE ? "Nam" : "Nữ"));
        fields.add(field(5, "Việt Nam"));
        // Fields 6, 7, 10 and 13 are not part of Citizen: no verifier relies on them, plausible values suffice.
        fields.add(field(6, "Kinh"));
        fields.add(field(7, "Không"));
        fields.add(field(8, citizen.placeOfOrigin()));
        fields.add(field(9, citizen.placeOfResidence()));
        fields.add(field(10, "Nốt ruồi C:1cm dưới trước cánh mũi trái"));
        fields.add(field(11, date(citizen.issueDate())));
        fields.add(field(12, date(citizen.expiryDate())));
        fields.add(new DERSequence(new ASN1Encodable[] {
                new ASN1Integer(13), utf8(father(citizen)), utf8(mother(citizen))}));
        DERSequence content = new DERSequence(new ASN1Encodable[] {
                new ASN1Integer(1), DG13_OID, new DERSet(fields)});
        return Tlv.encode(DG13_TAG, der(content));
    }

    /**
     * DG14 with one SecurityInfo, the ActiveAuthenticationInfo {@code SEQUENCE {id-AA, version 1, signatureAlgorithm}}
     * naming ECDSA over {@code hash}.
     */
    public static byte[] dg14(String hash) {
        ASN1ObjectIdentifier algorithm = ECDSA_PLAIN.get(hash);
        if (algorithm == null) {
            throw new IllegalArgumentException("no ECDSA active authentication with " + hash);
        }
        DERSequence info = new DERSequence(new ASN1Encodable[] {ID_AA, new ASN1Integer(1), algorithm});
        return Tlv.encode(DG14_TAG, der(new DERSet(info)));
    }

    /** The key's X.509 SubjectPublicKeyInfo, as the JCA encodes it. */
    public static byte[] dg15(PublicKey activeAuthenticationKey) {
        return Tlv.encode(DG15_TAG, activeAuthenticationKey.getEncoded());
    }

    private static DERSequence field(int number, String value) {
        return new DERSequence(new ASN1Encodable[] {new ASN1Integer(number), utf8(value)});
    }

    private static DERUTF8String utf8(String value) {
        // A decomposed "ễ" would compare unequal to the server's NFC name: always store NFC.
        return new DERUTF8String(Normalizer.normalize(value, Normalizer.Form.NFC));
    }

    private static String date(LocalDate date) {
        return DD_MM_YYYY.format(date);
    }

    private static String father(Citizen citizen) {
        return familyName(citizen) + " Văn Bình";
    }

    private static String mother(Citizen citizen) {
        return familyName(citizen).equals("Nguyễn") ? "Trần Thị Hoa" : "Nguyễn Thị Hoa";
    }

    private static String familyName(Citizen citizen) {
        return Normalizer.normalize(citizen.fullName().trim(), Normalizer.Form.NFC).split("\\s+")[0];
    }

    static byte[] der(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
