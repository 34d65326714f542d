package vn.vneid.sso.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdNumberTest {

    private static final int THIS_YEAR = 2026;

    static Stream<Province> provinces() {
        return Province.all().stream();
    }

    @Test
    void theCircularListsSixtyThreeProvinces() {
        assertThat(Province.all()).hasSize(63);
        assertThat(Province.all()).extracting(Province::code).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("0\\d\\d"));
        assertThat(Province.byCode("001")).map(Province::name).contains("Hà Nội");
        assertThat(Province.byCode("096")).map(Province::name).contains("Cà Mau");
    }

    @ParameterizedTest
    @MethodSource("provinces")
    void everyProvinceCodeIsAccepted(Province province) throws NationalIdException {
        NationalIdNumber id = NationalIdNumber.parse(province.code() + "090123456", THIS_YEAR);
        assertThat(id.province()).isSameAs(province);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000", "003", "005", "007", "009", "013", "016", "018", "021", "023", "028", "029",
            "032", "039", "041", "043", "047", "050", "053", "055", "057", "059", "061", "063", "065", "069", "071",
            "073", "076", "078", "081", "085", "088", "090", "097", "099", "100", "999"})
    void codesOutsideTheListAreRefused(String code) {
        assertThatThrownBy(() -> NationalIdNumber.parse(code + "090123456", THIS_YEAR))
                .isInstanceOfSatisfying(NationalIdException.class,
                        e -> assertThat(e.reason()).isEqualTo(NationalIdException.Reason.UNKNOWN_PROVINCE));
    }

    static Stream<Arguments> centuryDigits() {
        return Stream.of(
                Arguments.of('0', 1985, Gender.MALE),
                Arguments.of('1', 1985, Gender.FEMALE),
                Arguments.of('2', 2085, Gender.MALE),
                Arguments.of('3', 2085, Gender.FEMALE),
                Arguments.of('4', 2185, Gender.MALE),
                Arguments.of('5', 2185, Gender.FEMALE),
                Arguments.of('6', 2285, Gender.MALE),
                Arguments.of('7', 2285, Gender.FEMALE),
                Arguments.of('8', 2385, Gender.MALE),
                Arguments.of('9', 2385, Gender.FEMALE));
    }

    @ParameterizedTest
    @MethodSource("centuryDigits")
    void theFourthDigitGivesCenturyAndSex(char digit, int year, Gender gender) throws NationalIdException {
        // Parsed as of year 2400 so that every century can be decoded.
        NationalIdNumber id = NationalIdNumber.parse("040" + digit + "85123456", 2400);
        assertThat(id.birthYear()).isEqualTo(year);
        assertThat(id.gender()).isEqualTo(gender);
    }

    @Test
    void aBirthYearAfterThisYearIsRefused() throws NationalIdException {
        assertThat(NationalIdNumber.parse("001226012345", THIS_YEAR).birthYear()).isEqualTo(2026);
        assertThatThrownBy(() -> NationalIdNumber.parse("001227012345", THIS_YEAR))
                .isInstanceOfSatisfying(NationalIdException.class, e -> assertThat(e.reason())
                        .isEqualTo(NationalIdException.Reason.BIRTH_YEAR_IN_FUTURE));
        assertThatThrownBy(() -> NationalIdNumber.parse("001400012345", THIS_YEAR))
                .isInstanceOfSatisfying(NationalIdException.class, e -> assertThat(e.reason())
                        .isEqualTo(NationalIdException.Reason.BIRTH_YEAR_IN_FUTURE));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void blankIsEmpty(String raw) {
        assertReason(raw, NationalIdException.Reason.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00108501234", "0010850123456", "1", "00108501234567890"})
    void wrongLengthIsNamed(String raw) {
        assertReason(raw, NationalIdException.Reason.WRONG_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00108501234a", "001-085-012345", "００１０８５０１２３４５", "001085O12345", "+01085012345",
            "001085012345\u0000"})
    void nonDigitsAreNamed(String raw) {
        assertReason(raw, NationalIdException.Reason.NOT_DIGITS);
    }

    @Test
    void blanksAroundAndBetweenGroupsAreIgnored() throws NationalIdException {
        assertThat(NationalIdNumber.parse("  001 085 012 345 ", THIS_YEAR).value()).isEqualTo("001085012345");
    }

    @ParameterizedTest
    @CsvSource({
            "001085012345, 1985-03-02, male, ",
            "001185012345, 1985-03-02, female, ",
            "001085012345, 1986-03-02, male, BIRTH_YEAR_MISMATCH",
            "001085012345, 1985-03-02, female, GENDER_MISMATCH",
            "001205012345, 1905-01-01, male, BIRTH_YEAR_MISMATCH",
            "001085012345, , , ",
    })
    void theNumberIsCheckedAgainstTheAccount(String number, LocalDate birthDate, String gender,
            NationalIdException.Reason expected) throws NationalIdException {
        NationalIdNumber id = NationalIdNumber.parse(number, THIS_YEAR);
        assertThat(id.mismatchWith(birthDate, Gender.fromClaimValue(gender).orElse(null)))
                .isEqualTo(java.util.Optional.ofNullable(expected));
    }

    @Test
    void printingNeverShowsTheWholeNumber() throws NationalIdException {
        assertThat(NationalIdNumber.parse("079090123456", THIS_YEAR).toString())
                .isEqualTo("079*********").doesNotContain("123456");
    }

    @Test
    void everyReasonHasAMessageKey() {
        for (NationalIdException.Reason reason : NationalIdException.Reason.values()) {
            assertThat(reason.messageKey()).startsWith("nationalId");
        }
    }

    private static void assertReason(String raw, NationalIdException.Reason reason) {
        assertThatThrownBy(() -> NationalIdNumber.parse(raw, THIS_YEAR))
                .isInstanceOfSatisfying(NationalIdException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
