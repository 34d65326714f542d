package vn.vneid.sso.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import vn.vneid.sso.chip.icao.Mrz;

class DocumentNumberTest {

    @Test
    void isTheMrzDocumentNumberOfTheCard() throws Exception {
        String nationalId = "040192004321";
        String documentNumber = DocumentNumber.of(nationalId);
        assertThat(documentNumber).isEqualTo("192004321");

        // The same card's TD1 MRZ, with every check digit: the chip's own parser reads the same document number.
        String line1 = "IDVNM" + documentNumber + Mrz.checkDigit(documentNumber) + nationalId + "<"
                + Mrz.checkDigit(nationalId) + "<";
        String line2 = "920715" + Mrz.checkDigit("920715") + "F" + "320715" + Mrz.checkDigit("320715")
                + "VNM<<<<<<<<<<<";
        String composite = line1.substring(5, 30) + line2.substring(0, 7) + line2.substring(8, 15)
                + line2.substring(18, 29);
        line2 = line2 + Mrz.checkDigit(composite);
        String line3 = "TRAN<<THI<BICH<NGOC<<<<<<<<<<<";
        assertThat(line1).hasSize(30);
        assertThat(Mrz.parse(line1 + line2 + line3, 2026).documentNumber()).isEqualTo(documentNumber);
    }

    @Test
    void refusesWhatIsNotATwelveDigitNumber() {
        assertThatThrownBy(() -> DocumentNumber.of("12345678901")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DocumentNumber.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
