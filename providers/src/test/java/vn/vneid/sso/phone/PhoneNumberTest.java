package vn.vneid.sso.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"0912345678", "0912 345 678", "+84912345678", "+84 912 345 678", "84912345678",
            "0084912345678", "091-234-5678", "(091) 234.5678", " 0912345678 "})
    void everyWayOfWritingTheSameNumber(String raw) throws PhoneNumberException {
        PhoneNumber number = PhoneNumber.parse(raw);
        assertThat(number.e164()).isEqualTo("+84912345678");
        assertThat(number.national()).isEqualTo("0912345678");
        assertThat(number).isEqualTo(PhoneNumber.parse("0912345678"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0321234567", "0359876543", "0701234567", "0861234567", "0889999999", "0991234567",
            "0521234567", "0551234567", "0591234567", "0871234567"})
    void everyMobileRange(String raw) throws PhoneNumberException {
        assertThat(PhoneNumber.parse(raw).national()).isEqualTo(raw);
    }

    @ParameterizedTest
    @CsvSource({
            "+14155550123, FOREIGN",
            "+8613800138000, FOREIGN",
            "0033612345678, FOREIGN",
            "912345678, FOREIGN",
            "02438253456, FIXED_LINE",
            "+842838123456, FIXED_LINE",
            "091234567, WRONG_LENGTH",
            "09123456789, WRONG_LENGTH",
            "0951234567, NOT_MOBILE",
            "0101234567, NOT_MOBILE",
            "0612345678, NOT_MOBILE",
            "09l2345678, NOT_DIGITS",
            "+, NOT_DIGITS",
    })
    void refusalsNameTheirReason(String raw, PhoneNumberException.Reason reason) {
        assertThatThrownBy(() -> PhoneNumber.parse(raw))
                .isInstanceOfSatisfying(PhoneNumberException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void empty(String raw) {
        assertThatThrownBy(() -> PhoneNumber.parse(raw))
                .isInstanceOfSatisfying(PhoneNumberException.class,
                        e -> assertThat(e.reason()).isEqualTo(PhoneNumberException.Reason.EMPTY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0912345678"})
    void printedMasked(String raw) throws PhoneNumberException {
        assertThat(PhoneNumber.parse(raw).toString()).isEqualTo("*******678");
    }
}
