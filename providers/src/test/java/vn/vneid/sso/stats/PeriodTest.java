package vn.vneid.sso.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    @Test
    void yearQuarterAndMonthEndInVietnam() {
        assertThat(Period.parse("2023").next()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(Period.parse("2023-Q4").first()).isEqualTo(LocalDate.of(2023, 10, 1));
        assertThat(Period.parse("2023-Q4").next()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(Period.parse("2023-06").next()).isEqualTo(LocalDate.of(2023, 7, 1));
        // midnight in Hà Nội is 17:00 UTC the day before
        assertThat(Instant.ofEpochMilli(Period.parse("2023").endMillis()))
                .isEqualTo(Instant.parse("2023-12-31T17:00:00Z"));
    }

    @Test
    void aRunningPeriodIsCutOffNow() {
        Instant now = Instant.parse("2023-06-15T00:00:00Z");
        assertThat(Period.parse("2023").cutOffMillis(now)).isEqualTo(now.toEpochMilli());
        assertThat(Period.parse("2022").cutOffMillis(now)).isEqualTo(Period.parse("2022").endMillis());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "23", "2023-Q5", "2023-13", "2023-00", "1999", "2023-6", "2023/06", "2023-Q4x"})
    void refusesAnythingElse(String code) {
        assertThatThrownBy(() -> Period.parse(code)).isInstanceOf(IllegalArgumentException.class);
    }
}
