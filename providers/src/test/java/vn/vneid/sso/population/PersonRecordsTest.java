package vn.vneid.sso.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.keycloak.util.JsonSerialization;

import vn.vneid.sso.identity.Gender;

class PersonRecordsTest {

    static Person read(String json) throws Exception {
        return PersonRecords.read(JsonSerialization.mapper.readTree(json));
    }

    @Test
    void readsAFullRecord() throws Exception {
        Person person = read("{\"nationalId\":\"001190100001\",\"fullName\":\"Nguyễn Thị Hòa\","
                + "\"birthDate\":\"1990-05-20\",\"gender\":\"female\",\"placeOfResidence\":\"Phường Hàng Bạc\","
                + "\"communeCode\":\"00070\",\"deceased\":false,\"cardStatus\":\"lost\"}");
        assertThat(person).isEqualTo(new Person("001190100001", "Nguyễn Thị Hòa", LocalDate.of(1990, 5, 20),
                Gender.FEMALE, "Phường Hàng Bạc", "00070", false, Person.CardStatus.LOST));
    }

    @Test
    void optionalFieldsMayBeMissingAndNamesAreComposed() throws Exception {
        String decomposed = Normalizer.normalize("Hòa", Normalizer.Form.NFD);
        Person person = read("{\"nationalId\":\"001190100001\",\"fullName\":\"" + decomposed + "\","
                + "\"birthDate\":\"1990-05-20\",\"gender\":\"female\",\"deceased\":true}");
        assertThat(person.fullName()).isEqualTo("Hòa");
        assertThat(person.deceased()).isTrue();
        assertThat(person.placeOfResidence()).isNull();
        assertThat(person.cardStatus()).isNull();
    }

    @Test
    void refusesRecordsItCannotTrust() {
        assertThatThrownBy(() -> read("{\"nationalId\":\"001190100001\",\"birthDate\":\"1990-05-20\","
                + "\"gender\":\"female\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read("{\"nationalId\":\"001190100001\",\"fullName\":\"A\","
                + "\"birthDate\":\"20/05/1990\",\"gender\":\"female\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read("{\"nationalId\":\"001190100001\",\"fullName\":\"A\","
                + "\"birthDate\":\"1990-05-20\",\"gender\":\"x\"}")).isInstanceOf(IllegalArgumentException.class);
    }
}
