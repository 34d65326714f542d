package vn.vneid.sso.chipsim;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The person a simulated card is issued to. Names and places are Vietnamese (NFC); the MRZ transliterates them.
 *
 * @param nationalId the 12-digit personal identification number
 * @param fullName family name first, e.g. "Nguyễn Văn An"
 */
public record Citizen(String nationalId, String fullName, LocalDate birthDate, Sex sex, String placeOfOrigin,
                      String placeOfResidence, LocalDate issueDate, LocalDate expiryDate) {

    public enum Sex { MALE, FEMALE }

    // Real cards run to the 25th, 40th or 60th birthday; the demo values follow that rule and lie in the future.
    private static final List<Citizen> DEMO = List.of(
            new Citizen("001085012345", "Nguyễn Văn An", LocalDate.of(1985, 3, 2), Sex.MALE,
                    "Xã Vân Nội, Đông Anh, Hà Nội", "Số 12 Phố Huế, Hai Bà Trưng, Hà Nội",
                    LocalDate.of(2024, 6, 14), LocalDate.of(2045, 3, 2)),
            new Citizen("040192004321", "Trần Thị Bích Ngọc", LocalDate.of(1992, 7, 15), Sex.FEMALE,
                    "Xã Nam Thanh, Nam Đàn, Nghệ An", "Số 45 Lê Lợi, TP. Vinh, Nghệ An",
                    LocalDate.of(2021, 5, 20), LocalDate.of(2032, 7, 15)),
            new Citizen("049078006789", "Lê Văn Hùng", LocalDate.of(1978, 11, 20), Sex.MALE,
                    "Xã Điện Minh, Điện Bàn, Quảng Nam", "Số 8 Trần Hưng Đạo, TP. Hội An, Quảng Nam",
                    LocalDate.of(2021, 4, 12), LocalDate.of(2038, 11, 20)),
            // Issued after 60 a real card never expires; the MRZ needs a date, so the 80th birthday stands in.
            new Citizen("004160001122", "Hoàng Thị Mai", LocalDate.of(1960, 1, 5), Sex.FEMALE,
                    "Xã Hưng Đạo, TP. Cao Bằng, Cao Bằng", "Số 3 Vườn Cam, TP. Cao Bằng, Cao Bằng",
                    LocalDate.of(2021, 6, 1), LocalDate.of(2040, 1, 5)),
            new Citizen("082201003344", "Võ Minh Tuấn", LocalDate.of(2001, 9, 9), Sex.MALE,
                    "Xã Long Định, Châu Thành, Tiền Giang", "Số 27 Ấp Bắc, TP. Mỹ Tho, Tiền Giang",
                    LocalDate.of(2026, 8, 20), LocalDate.of(2041, 9, 9)),
            new Citizen("079188005566", "Phạm Thị Lan", LocalDate.of(1988, 4, 30), Sex.FEMALE,
                    "Phường 7, Quận 3, TP. Hồ Chí Minh", "Số 150 Nguyễn Trãi, Quận 1, TP. Hồ Chí Minh",
                    LocalDate.of(2022, 3, 14), LocalDate.of(2028, 4, 30)));

    public Citizen {
        Objects.requireNonNull(nationalId, "nationalId");
        if (!nationalId.matches("\\d{12}")) {
            throw new IllegalArgumentException("national ID must be 12 digits: " + nationalId);
        }
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(placeOfOrigin, "placeOfOrigin");
        Objects.requireNonNull(placeOfResidence, "placeOfResidence");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(expiryDate, "expiryDate");
    }

    /** Without an issue date: the card is taken as issued ten years before it expires, but not before birth. */
    public Citizen(String nationalId, String fullName, LocalDate birthDate, Sex sex, String placeOfOrigin,
                   String placeOfResidence, LocalDate expiryDate) {
        this(nationalId, fullName, birthDate, sex, placeOfOrigin, placeOfResidence,
                latest(birthDate, expiryDate.minusYears(10)), expiryDate);
    }

    /** The six demo citizens of the README, in its order. */
    public static List<Citizen> demo() {
        return DEMO;
    }

    public static Citizen demo(String nationalId) {
        return DEMO.stream()
                .filter(c -> c.nationalId.equals(nationalId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo citizen with national ID " + nationalId));
    }

    /** For tests of card expiry: the same person holding a card with another validity. */
    public Citizen withCardValidity(LocalDate issueDate, LocalDate expiryDate) {
        return new Citizen(nationalId, fullName, birthDate, sex, placeOfOrigin, placeOfResidence, issueDate, expiryDate);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
