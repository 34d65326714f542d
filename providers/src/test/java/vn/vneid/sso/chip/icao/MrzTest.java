package vn.vneid.sso.chip.icao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class MrzTest {

    // Nguyễn Văn An, 001085012345, born 1985-03-02, card valid to 2030-03-02.
    private static final String LINE1 = "IDVNM0850123452001085012345<3<";
    private static final String LINE2 = "8503024M3003024VNM<<<<<<<<<<<";
    private static final String LINE3 = "NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<";

    @Test
    void icaoCheckDigitExamples() {
        // ICAO 9303 part 3, appendix A: document number L898902C3, check digit 6; birth date 740812, 2.
        assertThat(Mrz.checkDigit("L898902C3")).isEqualTo(6);
        assertThat(Mrz.checkDigit("740812")).isEqualTo(2);
        assertThat(Mrz.checkDigit("<<<")).isZero();
    }

    @Test
    void parsesAVietnameseTd1() throws ChipVerificationException {
        Mrz mrz = Mrz.parse(withComposite(LINE1, LINE2) + LINE3, 2026);
        assertThat(mrz.documentNumber()).isEqualTo("085012345");
        assertThat(mrz.nationalId()).isEqualTo("001085012345");
        assertThat(mrz.birthDate()).isEqualTo(LocalDate.of(1985, 3, 2));
        assertThat(mrz.expiryDate()).isEqualTo(LocalDate.of(2030, 3, 2));
        assertThat(mrz.sex()).isEqualTo('M');
        assertThat(mrz.name()).isEqualTo("NGUYEN VAN AN");
    }

    @Test
    void everyCheckDigitIsChecked() {
        String valid = withComposite(LINE1, LINE2) + LINE3;
        for (int position : new int[] {14, 28, 36, 44, 59}) {
            char digit = valid.charAt(position);
            String broken = valid.substring(0, position) + (char) ('0' + (digit - '0' + 1) % 10)
                    + valid.substring(position + 1);
            assertThatThrownBy(() -> Mrz.parse(broken, 2026)).as("check digit at %d", position)
                    .isInstanceOfSatisfying(ChipVerificationException.class,
                            e -> assertThat(e.failure()).isEqualTo(ChipFailure.MALFORMED));
        }
    }

    @Test
    void wrongShapesAreMalformed() {
        assertThatThrownBy(() -> Mrz.parse("IDVNM", 2026)).isInstanceOf(ChipVerificationException.class);
        assertThatThrownBy(() -> Mrz.parse(null, 2026)).isInstanceOf(ChipVerificationException.class);
        assertThatThrownBy(() -> Mrz.parse(withComposite(LINE1, LINE2).toLowerCase() + LINE3, 2026))
                .isInstanceOf(ChipVerificationException.class);
        String passport = "P<" + withComposite(LINE1, LINE2).substring(2) + LINE3;
        assertThatThrownBy(() -> Mrz.parse(passport, 2026)).isInstanceOf(ChipVerificationException.class);
    }

    /** Line 2's last character is the composite check digit over the upper and middle lines' fields. */
    static String withComposite(String line1, String line2) {
        String composite = line1.substring(5, 30) + line2.substring(0, 7) + line2.substring(8, 15)
                + line2.substring(18, 29);
        return line1 + line2.substring(0, 29) + Mrz.checkDigit(composite);
    }
}
