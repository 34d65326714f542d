package vn.vneid.sso.approval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OfficerUnitTest {

    @Test
    void acceptsTheThreeKindsOfUnit() {
        assertThat(OfficerUnit.parse("PROVINCE:01")).contains(new OfficerUnit("PROVINCE:01"));
        assertThat(OfficerUnit.parse(" DISTRICT:001 ")).contains(new OfficerUnit("DISTRICT:001"));
        assertThat(OfficerUnit.parse("COMMUNE:00001")).contains(new OfficerUnit("COMMUNE:00001"));
    }

    @Test
    void noUnitOrAnythingElseIsNoUnit() {
        assertThat(OfficerUnit.parse(null)).isEmpty();
        assertThat(OfficerUnit.parse("")).isEmpty();
        assertThat(OfficerUnit.parse("PROVINCE:1")).isEmpty();
        assertThat(OfficerUnit.parse("COMMUNE:0001")).isEmpty();
        assertThat(OfficerUnit.parse("province:01")).isEmpty();
        assertThat(OfficerUnit.parse("PROVINCE:01 OR 1=1")).isEmpty();
        assertThat(OfficerUnit.parse("COUNTRY:VN")).isEmpty();
    }

    @Test
    void communeFilter() {
        assertThat(OfficerUnit.communeId("00004")).contains("COMMUNE:00004");
        assertThat(OfficerUnit.communeId("4")).isEmpty();
        assertThat(OfficerUnit.communeId("0000a")).isEmpty();
    }
}
