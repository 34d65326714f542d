package vn.vneid.sso.chip.icao;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1String;

/**
 * DG13 of the CCCD chip, the Vietnamese personal data: tag 0x6D holding SEQUENCE { version INTEGER 1, OID, SET OF
 * SEQUENCE { field number INTEGER, UTF8String value(s) } }. Field numbers: 1 number, 2 full name, 3 birth date
 * (dd/MM/yyyy), 4 sex (Nam/Nữ), 5 nationality, 6 ethnicity, 7 religion, 8 place of origin, 9 place of residence,
 * 10 identifying marks, 11 issue date, 12 expiry date, 13 father and mother, 14 spouse, 15/16 old ID numbers.
 */
public final class Dg13 {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private final Map<Integer, List<String>> fields;

    private Dg13(Map<Integer, List<String>> fields) {
        this.fields = fields;
    }

    public static Dg13 parse(byte[] file) throws ChipVerificationException {
        ASN1Primitive content = Lds.unwrap(file, Lds.DG13_TAG, "DG13");
        try {
            ASN1Sequence root = ASN1Sequence.getInstance(content);
            if (root.size() != 3 || ASN1Integer.getInstance(root.getObjectAt(0)).intValueExact() != 1) {
                throw Lds.malformed("DG13 is not version 1");
            }
            ASN1ObjectIdentifier.getInstance(root.getObjectAt(1));
            Map<Integer, List<String>> fields = new HashMap<>();
            for (ASN1Encodable entry : ASN1Set.getInstance(root.getObjectAt(2))) {
                ASN1Sequence field = ASN1Sequence.getInstance(entry);
                int number = ASN1Integer.getInstance(field.getObjectAt(0)).intValueExact();
                List<String> values = new ArrayList<>();
                for (int i = 1; i < field.size(); i++) {
                    ASN1Encodable value = field.getObjectAt(i);
                    if (!(value instanceof ASN1String)) {
                        throw Lds.malformed("DG13 field " + number + " is not a string");
                    }
                    values.add(Normalizer.normalize(((ASN1String) value).getString(), Normalizer.Form.NFC));
                }
                if (fields.put(number, List.copyOf(values)) != null) {
                    throw Lds.malformed("DG13 field " + number + " appears twice");
                }
            }
            Dg13 dg13 = new Dg13(fields);
            if (!dg13.nationalId().matches("\\d{12}") || dg13.fullName().isEmpty() || dg13.birthDate() == null) {
                throw Lds.malformed("DG13 lacks the number, name or birth date");
            }
            return dg13;
        } catch (ChipVerificationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ChipVerificationException(ChipFailure.MALFORMED, "DG13 structure", e);
        }
    }

    private String first(int field) {
        List<String> values = fields.get(field);
        return values == null || values.isEmpty() ? "" : values.get(0).strip();
    }

    private LocalDate date(int field) {
        try {
            return LocalDate.parse(first(field), DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public String nationalId() {
        return first(1);
    }

    public String fullName() {
        return first(2);
    }

    public LocalDate birthDate() {
        return date(3);
    }

    /** "male" / "female" as the OIDC claim has it, or "" when the chip says something else. */
    public String gender() {
        switch (first(4)) {
            case "Nam": return "male";
            case "Nữ": return "female";
            default: return "";
        }
    }

    public String nationality() {
        return first(5);
    }

    public String placeOfOrigin() {
        return first(8);
    }

    public String placeOfResidence() {
        return first(9);
    }

    /** The card's issue date (field 11), or null when absent or unreadable: it tells a new card from an old one. */
    public LocalDate issueDate() {
        return date(11);
    }

    public LocalDate expiryDate() {
        return date(12);
    }
}
