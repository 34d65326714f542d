package vn.vneid.sso.selfreg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.vneid.sso.identity.Gender;
import vn.vneid.sso.identity.NationalIdNumber;
import vn.vneid.sso.population.Person;
import vn.vneid.sso.selfreg.RegistrationCheck.Claimed;
import vn.vneid.sso.selfreg.RegistrationCheck.Verdict;

class RegistrationCheckTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final Person HOA = new Person("001190100001", "Nguyễn Thị Hòa", LocalDate.of(1990, 5, 20), Gender.FEMALE,
            "Phường Hàng Bạc", "00070", false, Person.CardStatus.VALID);

    static Claimed claimed(String name, LocalDate birth, Gender gender) throws Exception {
        return new Claimed(NationalIdNumber.parse("001190100001", 2026), name, birth, gender);
    }

    @Test
    void theRegistrysRecordTypedAsOnTheCardMatches() throws Exception {
        assertThat(RegistrationCheck.decide(Optional.of(HOA),
                claimed("nguyễn  thị hoà", LocalDate.of(1990, 5, 20), Gender.FEMALE), TODAY, 14))
                .isEqualTo(Verdict.MATCH);
    }

    @Test
    void eachDifferenceHasItsOwnReasonButOneMessage() throws Exception {
        LocalDate birth = LocalDate.of(1990, 5, 20);
        Verdict unknown = RegistrationCheck.decide(Optional.empty(), claimed("Nguyễn Thị Hòa", birth, Gender.FEMALE),
                TODAY, 14);
        Verdict name = RegistrationCheck.decide(Optional.of(HOA), claimed("Nguyen Thi Hoa", birth, Gender.FEMALE),
                TODAY, 14);
        Verdict date = RegistrationCheck.decide(Optional.of(HOA),
                claimed("Nguyễn Thị Hòa", birth.plusDays(1), Gender.FEMALE), TODAY, 14);
        Verdict sex = RegistrationCheck.decide(Optional.of(HOA), claimed("Nguyễn Thị Hòa", birth, Gender.MALE),
                TODAY, 14);
        assertThat(unknown).isEqualTo(Verdict.NOT_FOUND);
        assertThat(name).isEqualTo(Verdict.NAME_MISMATCH);
        assertThat(date).isEqualTo(Verdict.BIRTH_DATE_MISMATCH);
        assertThat(sex).isEqualTo(Verdict.GENDER_MISMATCH);
        // The page cannot tell them apart: which field differs is not the citizen's to learn from the registry.
        assertThat(java.util.stream.Stream.of(unknown, name, date, sex).map(Verdict::messageKey).distinct())
                .containsExactly("vneidRegisterNoMatch");
        assertThat(java.util.stream.Stream.of(unknown, name, date, sex).map(Verdict::eventReason).distinct())
                .hasSize(4);
    }

    @Test
    void aDeceasedPersonIsRefusedOnlyOnceEverythingMatched() throws Exception {
        Person deceased = new Person(HOA.nationalId(), HOA.fullName(), HOA.birthDate(), HOA.gender(), null, null,
                true, null);
        assertThat(RegistrationCheck.decide(Optional.of(deceased),
                claimed("Nguyễn Thị Hòa", HOA.birthDate(), Gender.FEMALE), TODAY, 14)).isEqualTo(Verdict.DECEASED);
        assertThat(RegistrationCheck.decide(Optional.of(deceased),
                claimed("Nguyễn Thị Hoa", HOA.birthDate(), Gender.FEMALE), TODAY, 14))
                .isEqualTo(Verdict.NAME_MISMATCH);
    }

    @Test
    void childrenUnder14AreReferredToAParent() throws Exception {
        LocalDate birth = LocalDate.of(2012, 11, 25);
        Person child = new Person("001312100001", "Nguyễn Thị Hòa", birth, Gender.FEMALE, null, null, false, null);
        Claimed typed = new Claimed(NationalIdNumber.parse("001312100001", 2026), "Nguyễn Thị Hòa", birth,
                Gender.FEMALE);
        assertThat(RegistrationCheck.decide(Optional.of(child), typed, TODAY, 14)).isEqualTo(Verdict.UNDER_AGE);
        // The 14th birthday itself counts as 14.
        assertThat(RegistrationCheck.decide(Optional.of(child), typed, birth.plusYears(14), 14))
                .isEqualTo(Verdict.MATCH);
        assertThat(RegistrationCheck.underAge(birth, birth.plusYears(14).minusDays(1), 14)).isTrue();
        assertThat(RegistrationCheck.underAge(birth, birth.plusYears(14), 14)).isFalse();
    }
}
