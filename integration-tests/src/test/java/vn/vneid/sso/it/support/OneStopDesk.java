package vn.vneid.sso.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A one-stop desk system registered through the admin API (a government client with private_key_jwt and DPoP, its
 * service account holding vneid-intake) that sends enrolment records, as {@code RecordIntakeIT} shows in detail.
 */
public final class OneStopDesk {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakServer server;
    private final ServiceAccountClient client;

    private OneStopDesk(KeycloakServer server, ServiceAccountClient client) {
        this.server = server;
        this.client = client;
    }

    public static OneStopDesk register(KeycloakServer server, AdminApi admin) throws Exception {
        return new OneStopDesk(server, ServiceAccountClient.register(server, admin, "desk", "vneid-intake"));
    }

    /** A level-2 record of a man born on 17 May 1990 (AdminApi's numbers), collected in the given commune. */
    public static ObjectNode levelTwoRecord(String deskRecordId, String nationalId, String fullName, String phone,
            String communeCode) {
        ObjectNode record = JSON.createObjectNode();
        record.put("deskRecordId", deskRecordId);
        record.put("nationalId", nationalId);
        record.put("fullName", fullName);
        record.put("birthDate", "1990-05-17");
        record.put("sex", "male");
        record.put("phone", phone);
        record.put("requestedLevel", 2);
        record.put("communeCode", communeCode);
        return record;
    }

    /** Sends the records in one batch and checks that each was accepted. */
    public void sendAccepted(ObjectNode... records) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("records").addAll(List.of(records));
        HttpResponse<String> response = client.post(URI.create(server.realmUri() + "/vneid-intake/records"),
                body.toString(), "vi");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("summary").path("accepted").asInt()).as(response.body())
                .isEqualTo(records.length);
    }
}
