package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.ServiceAccountClient;

/**
 * Issue #15: a one-stop desk system sends enrolment records. The desk is a client of the realm made here through the
 * admin API, never shipped in the realm file: a government client (FAPI 2.0, private_key_jwt, DPoP-bound tokens)
 * whose service account holds the realm role vneid-intake.
 */
@DisplayName("Record intake: one result per record, duplicates stored once, conflicts change nothing, desks only")
class RecordIntakeIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static KeycloakServer server;
    static AdminApi admin;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void server() {
        server = KeycloakServer.get();
        admin = new AdminApi(server);
    }

    /** Registers a desk system; with the role, its service account may send records. */
    static ServiceAccountClient newDesk(boolean withIntakeRole) throws Exception {
        return ServiceAccountClient.register(server, admin, "desk", withIntakeRole ? "vneid-intake" : null);
    }

    static URI recordsUri() {
        return URI.create(server.realmUri() + "/vneid-intake/records");
    }

    static HttpResponse<String> send(ServiceAccountClient desk, String body, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(recordsUri()).header("Content-Type", "application/json")
                .header("Accept-Language", language).POST(HttpRequest.BodyPublishers.ofString(body));
        if (desk != null) {
            request.header("Authorization", "DPoP " + desk.token().getValue())
                    .header("DPoP", desk.client().proof("POST", recordsUri(), desk.token()).serialize());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static ObjectNode record(String deskRecordId) {
        ObjectNode record = JSON.createObjectNode();
        record.put("deskRecordId", deskRecordId);
        record.put("nationalId", "001085012345");
        record.put("fullName", "Nguyễn Văn An");
        record.put("birthDate", "1985-03-02");
        record.put("sex", "male");
        record.put("phone", "0912 345 678");
        record.put("requestedLevel", 2);
        record.put("communeCode", "00001");
        return record;
    }

    static String batch(JsonNode... records) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode array = body.putArray("records");
        for (JsonNode record : records) {
            array.add(record);
        }
        return body.toString();
    }

    static List<String> results(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> results = new ArrayList<>();
        JSON.readTree(response.body()).path("results").forEach(r -> results.add(
                r.path("deskRecordId").asText() + "=" + r.path("result").asText()));
        return results;
    }

    @Test
    @DisplayName("a batch with new, repeated, conflicting and invalid records: each its own result; sent again, nothing changes")
    void batchWithDuplicatesConflictsAndBadRecords() throws Exception {
        ServiceAccountClient desk = newDesk(true);
        ObjectNode changed = record("A-1").put("fullName", "Nguyễn Văn Ân");
        ObjectNode badNumber = record("A-3").put("nationalId", "001285012345").put("phone", "0241234567");
        ObjectNode unknownCommune = record("A-4").put("communeCode", "99999");
        ObjectNode other = record("A-2").put("nationalId", "040192004321").put("fullName", "Trần Thị Bích Ngọc")
                .put("birthDate", "1992-07-15").put("sex", "female").put("phone", "+84983456721")
                .put("requestedLevel", 1).put("communeCode", "26740");
        String first = batch(record("A-1"), record("A-1"), changed, badNumber, unknownCommune, other,
                JSON.getNodeFactory().textNode("not a record"));

        HttpResponse<String> response = send(desk, first, "en");
        assertThat(results(response)).containsExactly("A-1=accepted", "A-1=duplicate", "A-1=conflict", "A-3=invalid",
                "A-4=invalid", "A-2=accepted", "=invalid");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("results").get(3).path("reasons").findValuesAsText("code"))
                .containsExactly("birth_year_in_future", "fixed_line");
        assertThat(body.path("results").get(3).path("reasons").findValuesAsText("field"))
                .containsExactly("nationalId", "phone");
        assertThat(body.path("results").get(4).path("reasons").get(0).path("code").asText())
                .isEqualTo("unknown_commune");
        assertThat(body.path("results").get(2).path("reasons").get(0).path("message").asText())
                .contains("already sent a different record");
        assertThat(body.path("summary").path("accepted").asInt()).isEqualTo(2);

        // The desk lost the answer and sends the same batch again: nothing is stored twice, nothing is overwritten.
        HttpResponse<String> again = send(desk, first, "vi");
        assertThat(results(again)).containsExactly("A-1=duplicate", "A-1=duplicate", "A-1=conflict", "A-3=invalid",
                "A-4=invalid", "A-2=duplicate", "=invalid");
        assertThat(JSON.readTree(again.body()).path("results").get(2).path("reasons").get(0).path("message").asText())
                .contains("không có gì bị thay đổi");
        // The conflicting version did not replace the stored one: the original is still what this id holds.
        assertThat(results(send(desk, batch(record("A-1")), "en"))).containsExactly("A-1=duplicate");

        // Another desk's ids are its own.
        assertThat(results(send(newDesk(true), batch(record("A-1")), "en"))).containsExactly("A-1=accepted");
    }

    @Test
    @DisplayName("the same batch sent three times at once (a desk retrying on a timeout): each record stored once")
    void concurrentResends() throws Exception {
        ServiceAccountClient desk = newDesk(true);
        String body = batch(record("C-1"), record("C-2").put("phone", "0983456721"), record("C-3").put("sex", "male"));
        // Own threads (the common pool has one thread on a two-core machine), released together.
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(3);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<HttpResponse<String>>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                sent.add(threads.submit(() -> {
                    start.await();
                    return send(desk, body, "en");
                }));
            }
            start.countDown();
        } finally {
            threads.shutdown();
        }
        List<String> all = new ArrayList<>();
        for (java.util.concurrent.Future<HttpResponse<String>> answer : sent) {
            all.addAll(results(answer.get(60, java.util.concurrent.TimeUnit.SECONDS)));
        }
        // Whichever request won, each record was accepted exactly once and acknowledged as a duplicate otherwise.
        for (String id : List.of("C-1", "C-2", "C-3")) {
            assertThat(all).filteredOn(r -> r.startsWith(id + "=")).containsExactlyInAnyOrder(id + "=accepted",
                    id + "=duplicate", id + "=duplicate");
        }
    }

    @Test
    @DisplayName("no token, a forged token or a client without the desk role: refused with a JSON error, nothing stored")
    void onlyDesksMaySend() throws Exception {
        HttpResponse<String> none = send(null, batch(record("B-1")), "en");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(none.body()).path("error").asText()).isEqualTo("invalid_token");

        HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(recordsUri())
                .header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")
                .POST(HttpRequest.BodyPublishers.ofString(batch(record("B-1")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);

        // A desk's token copied off the wire, without the desk's DPoP key: the token alone is not enough.
        ServiceAccountClient desk = newDesk(true);
        for (String scheme : new String[] {"Bearer ", "DPoP "}) {
            HttpResponse<String> stolen = HTTP.send(HttpRequest.newBuilder(recordsUri())
                    .header("Content-Type", "application/json")
                    .header("Authorization", scheme + desk.token().getValue())
                    .POST(HttpRequest.BodyPublishers.ofString(batch(record("B-1")))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(stolen.statusCode()).as(scheme + stolen.body()).isEqualTo(401);
        }

        HttpResponse<String> noRole = send(newDesk(false), batch(record("B-1")), "vi");
        assertThat(noRole.statusCode()).isEqualTo(403);
        JsonNode error = JSON.readTree(noRole.body());
        assertThat(error.path("error").asText()).isEqualTo("not_a_desk");
        assertThat(error.path("error_description").asText()).contains("vneid-intake");
    }

    @Test
    @DisplayName("a malformed body, an empty batch or one over the limit: a JSON error, never a stack trace")
    void malformedBatches() throws Exception {
        ServiceAccountClient desk = newDesk(true);
        HttpResponse<String> notJson = send(desk, "{\"records\": [", "en");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).path("error").asText()).isEqualTo("malformed");
        assertThat(send(desk, "{\"records\": []}", "en").statusCode()).isEqualTo(400);
        assertThat(send(desk, "[]", "en").statusCode()).isEqualTo(400);

        JsonNode[] tooMany = new JsonNode[501];
        for (int i = 0; i < tooMany.length; i++) {
            tooMany[i] = JSON.createObjectNode();
        }
        HttpResponse<String> large = send(desk, batch(tooMany), "en");
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(large.body()).path("error_description").asText()).contains("500");
    }
}
