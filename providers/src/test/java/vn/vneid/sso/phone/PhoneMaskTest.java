package vn.vneid.sso.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneMaskTest {

    @ParameterizedTest
    @CsvSource({
            "+84912345789, *******789",
            "0912345789, *******789",
            "+84 912 345 789, *******789",
            "789, ***",
    })
    void onlyTheLastThreeDigitsShow(String phone, String masked) {
        assertThat(PhoneMask.mask(phone)).isEqualTo(masked);
    }
}
