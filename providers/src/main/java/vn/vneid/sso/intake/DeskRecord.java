package vn.vneid.sso.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HexFormat;

import vn.vneid.sso.identity.Gender;

/**
 * An enrolment record as a one-stop desk sends it, once validated and normalised (number without spaces, name in
 * Unicode NFC with single spaces, phone in E.164). Only {@link RecordValidator} makes one.
 */
public record DeskRecord(String deskRecordId, String nationalId, String fullName, LocalDate birthDate, Gender sex,
        String phone, int requestedLevel, String communeCode) {

    /**
     * SHA-256 over a canonical form of the normalised fields, in a fixed order, each prefixed by its length: the same
     * record sent again (in any JSON key order, with other spacing) has the same fingerprint, a record that differs
     * in any field has another. Issue #15: the same desk record id with another fingerprint is a conflict.
     */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder("vneid-enrolment-v1");
        for (String field : new String[] {deskRecordId, nationalId, fullName, birthDate.toString(), sex.claimValue(),
                phone, Integer.toString(requestedLevel), communeCode}) {
            canonical.append('|').append(field.length()).append(':').append(field);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(Normalizer.normalize(canonical, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
