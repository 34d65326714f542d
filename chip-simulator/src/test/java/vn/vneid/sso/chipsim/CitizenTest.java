package vn.vneid.sso.chipsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CitizenTest {

    @Test
    void theSixDemoCitizensOfTheReadme() {
        assertThat(Citizen.demo()).extracting(Citizen::nationalId).containsExactly(
                "001085012345", "040192004321", "049078006789", "004160001122", "082201003344", "079188005566");
        assertThat(Citizen.demo()).extracting(Citizen::fullName).containsExactly(
                "Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Văn Hùng", "Hoàng Thị Mai", "Võ Minh Tuấn", "Phạm Thị Lan");
        Citizen lan = Citizen.demo("079188005566");
        assertThat(lan.birthDate()).isEqualTo(LocalDate.of(1988, 4, 30));
        assertThat(lan.sex()).isEqualTo(Citizen.Sex.FEMALE);
    }

    @Test
    void demoDataIsNfcAndTheCardsAreCurrent() {
        for (Citizen c : Citizen.demo()) {
            assertThat(Normalizer.isNormalized(c.fullName(), Normalizer.Form.NFC)).isTrue();
            assertThat(c.expiryDate()).isAfter(LocalDate.of(2027, 12, 31));
            assertThat(c.issueDate()).isBefore(c.expiryDate()).isAfter(c.birthDate());
            // Digit 4 encodes century and sex (Circular 07/2016): even = male.
            int centurySex = c.nationalId().charAt(3) - '0';
            assertThat(centurySex % 2 == 0).isEqualTo(c.sex() == Citizen.Sex.MALE);
            assertThat(c.nationalId().substring(4, 6))
                    .isEqualTo(String.format("%02d", c.birthDate().getYear() % 100));
        }
    }

    @Test
    void rejectsAMalformedNationalId() {
        assertThatThrownBy(() -> new Citizen("12345", "A B", LocalDate.of(2000, 1, 1), Citizen.Sex.MALE, "x", "y",
                LocalDate.of(2030, 1, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Citizen.demo("999999999999")).isInstanceOf(IllegalArgumentException.class);
    }
}
