package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.KeycloakServer;

@DisplayName("An operator enrolling a citizen through the admin API")
class CitizenProfileIT {

    static AdminApi admin;

    @BeforeAll
    static void server() {
        admin = new AdminApi(KeycloakServer.get());
    }

    @Test
    @DisplayName("can save a number that fits the birth year and sex on record")
    void consistentRecord() {
        String id = AdminApi.newNationalId();
        assertThat(admin.tryCreateCitizen(id, "1990-02-01", "male").statusCode()).isEqualTo(201);
    }

    @Test
    @DisplayName("cannot save a malformed number, with the precise reason")
    void malformedNumber() {
        HttpResponse<String> response = admin.tryCreateCitizen("00109012345", "1990-02-01", "male");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("nationalIdWrongLength");

        response = admin.tryCreateCitizen("098090123456", "1990-02-01", "male");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("nationalIdUnknownProvince");
    }

    @Test
    @DisplayName("cannot save a number that contradicts the birth year or the sex on record")
    void contradictoryRecord() {
        HttpResponse<String> response = admin.tryCreateCitizen(AdminApi.newNationalId(), "1991-02-01", "male");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("nationalIdBirthYearMismatch");

        response = admin.tryCreateCitizen(AdminApi.newNationalId(), "1990-02-01", "female");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("nationalIdGenderMismatch");
    }
}
