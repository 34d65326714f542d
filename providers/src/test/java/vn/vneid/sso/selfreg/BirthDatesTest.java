package vn.vneid.sso.selfreg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class BirthDatesTest {

    @Test
    void readsTheDateFieldAndTheVietnameseForm() {
        assertThat(BirthDates.parse("2001-09-09")).contains(LocalDate.of(2001, 9, 9));
        assertThat(BirthDates.parse("09/09/2001")).contains(LocalDate.of(2001, 9, 9));
        assertThat(BirthDates.parse(" 9/9/2001 ")).contains(LocalDate.of(2001, 9, 9));
        assertThat(BirthDates.parse("29/02/1992")).contains(LocalDate.of(1992, 2, 29));
    }

    @Test
    void refusesWhatIsNoDate() {
        assertThat(BirthDates.parse("29/02/1991")).isEmpty();
        assertThat(BirthDates.parse("31/04/1990")).isEmpty();
        assertThat(BirthDates.parse("09-09-2001")).isEmpty();
        assertThat(BirthDates.parse("2001/09/09")).isEmpty();
        assertThat(BirthDates.parse("")).isEmpty();
        assertThat(BirthDates.parse(null)).isEmpty();
    }
}
