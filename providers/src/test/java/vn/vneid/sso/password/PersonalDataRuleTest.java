package vn.vneid.sso.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataRuleTest {

    private static final String ID = "040192004321";
    private static final LocalDate BORN = LocalDate.of(1992, 7, 15);
    private static final String PHONE = "+84983456721";

    @ParameterizedTest
    @ValueSource(strings = {"1992-07-15", "15071992", "15/07/1992", "150792", "15.07.1992", "15 07 1992",
            "19920715", "920715", "07151992", "Ngoc15071992!", "ngoc-15-07-92-hanoi"})
    void birthDateInAnyUsualFormIsRefused(String password) {
        assertThat(PersonalDataRule.check(password, ID, BORN, PHONE)).contains(PersonalDataRule.Finding.BIRTH_DATE);
    }

    @Test
    void birthDateWithoutLeadingZerosIsRefused() {
        LocalDate born = LocalDate.of(1985, 3, 2);
        assertThat(PersonalDataRule.check("an231985xyz", "001085012345", born, null))
                .contains(PersonalDataRule.Finding.BIRTH_DATE);
        assertThat(PersonalDataRule.check("an02031985", "001085012345", born, null))
                .contains(PersonalDataRule.Finding.BIRTH_DATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"040192004321", "abc040192004321", "0401 9200 4321"})
    void nationalIdIsRefused(String password) {
        assertThat(PersonalDataRule.check(password, ID, BORN, PHONE)).contains(PersonalDataRule.Finding.NATIONAL_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+84983456721", "84983456721", "0983456721", "0983 456 721", "goi0983-456-721"})
    void phoneInAnyFormIsRefused(String password) {
        assertThat(PersonalDataRule.check(password, ID, BORN, PHONE)).contains(PersonalDataRule.Finding.PHONE);
    }

    @Test
    void nationalPhoneFormOnRecordIsReadToo() {
        assertThat(PersonalDataRule.check("x0983456721", ID, BORN, "0983456721"))
                .contains(PersonalDataRule.Finding.PHONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"VNeID-demo-2024", "correct horse battery staple", "Hoa-sen-no-giua-ho-1975",
            "1507", "15-07"})
    void otherPasswordsPass(String password) {
        assertThat(PersonalDataRule.check(password, ID, BORN, PHONE)).isEmpty();
    }

    @Test
    void missingDataChecksNothing() {
        assertThat(PersonalDataRule.check("15071992", null, null, null)).isEmpty();
        assertThat(PersonalDataRule.check(null, ID, BORN, PHONE)).isEmpty();
        assertThat(PersonalDataRule.check("", ID, BORN, PHONE)).isEmpty();
    }

    @Test
    void dateFormsAreTheUsualOnes() {
        assertThat(PersonalDataRule.dateForms(BORN))
                .contains("15071992", "150792", "19920715", "920715", "07151992");
    }
}
