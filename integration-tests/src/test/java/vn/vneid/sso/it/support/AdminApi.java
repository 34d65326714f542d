package vn.vneid.sso.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Keycloak's admin REST API, as an operator would use it, for test set-up. */
public final class AdminApi {

    public static final String DEMO_PASSWORD = "VNeID-demo-2024";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 400_000));

    private final URI baseUri;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI admin;

    public AdminApi(KeycloakServer server) {
        this(server.baseUri());
    }

    /** The admin API of any server holding the vneid realm (a cluster's node or its balancer, issue #14). */
    public AdminApi(URI baseUri) {
        this.baseUri = baseUri;
        this.admin = baseUri.resolve("/admin/realms/" + KeycloakServer.REALM);
    }

    /** A citizen created for one test, so that tests never share lock-outs or codes. */
    public record Citizen(String id, String nationalId, String password, String phone) {
    }

    /** A citizen with a fresh number and verified phone, and further attributes (place of residence...). */
    public Citizen createCitizen(String fullName, int level, Map<String, String> attributes) {
        String nationalId = newNationalId();
        String phone = newPhone();
        ObjectNode json = citizenJson(nationalId, "1990-05-17", fullName, phone, true, level);
        attributes.forEach((name, value) -> ((ObjectNode) json.get("attributes")).putArray(name).add(value));
        return new Citizen(importUser(json), nationalId, DEMO_PASSWORD, phone);
    }

    public Citizen createCitizen(String fullName, String phone, boolean phoneVerified, int level) {
        return createCitizen(newNationalId(), "1990-05-17", fullName, phone, phoneVerified, level);
    }

    /**
     * A citizen with a given number (the demo registries' persons and SIM owners). An account left with that number
     * by an earlier run of the same test (a failure run again, see the failsafe config) is deleted first.
     *
     * @param nationalId a man's number of 1990 fits the default birth date; other numbers need theirs
     */
    public Citizen createCitizen(String nationalId, String birthdate, String fullName, String phone,
            boolean phoneVerified, int level) {
        deleteUserNamed(nationalId);
        return new Citizen(importUser(citizenJson(nationalId, birthdate, fullName, phone, phoneVerified, level)),
                nationalId, DEMO_PASSWORD, phone);
    }

    /** A citizen as the realm import reads one, with the demo password; tests add roles to it. */
    public static ObjectNode citizenJson(String nationalId, String birthdate, String fullName, String phone,
            boolean phoneVerified, int level) {
        ObjectNode user = JSON.createObjectNode();
        user.put("username", nationalId);
        user.put("enabled", true);
        ObjectNode attributes = user.putObject("attributes");
        attributes.putArray("fullName").add(fullName);
        attributes.putArray("birthdate").add(birthdate);
        attributes.putArray("gender").add("male");
        attributes.putArray("vneidLevel").add(String.valueOf(level));
        if (phone != null) {
            attributes.putArray("phoneNumber").add(phone);
            attributes.putArray("phoneNumberVerified").add(String.valueOf(phoneVerified));
        }
        ObjectNode credential = user.putArray("credentials").addObject();
        credential.put("type", "password");
        credential.put("value", DEMO_PASSWORD);
        credential.put("temporary", false);
        return user;
    }

    /**
     * Creates a user as an enrolment or a realm import does: the level and the verified phone are read-only in the
     * user profile (issue #11), so the admin API's user creation cannot set them; the realm's partial import can,
     * for realm administrators only.
     *
     * @return the new user's id
     */
    public String importUser(ObjectNode user) {
        ObjectNode body = JSON.createObjectNode();
        body.put("ifResourceExists", "FAIL");
        body.putArray("users").add(user);
        JsonNode result = json(send(HttpRequest.newBuilder(URI.create(admin + "/partialImport"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), 200));
        return result.path("results").get(0).path("id").asText();
    }

    /** Any admin API call with the given bearer token; returns the answer, whatever it is. */
    public HttpResponse<String> call(String token, String method, String path, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(admin + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The same call with the master administrator's token. */
    public HttpResponse<String> callAsAdmin(String method, String path, String jsonBody) {
        try {
            return call(token(), method, path, jsonBody);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sets one realm attribute and returns its previous value. A realm update replaces the stored attributes with the
     * ones it is given, and many top-level settings (brute-force detection among them) are stored as attributes too:
     * so this sends the whole realm back, as the admin console does, with the one attribute changed.
     */
    public String setRealmAttribute(String name, String value) {
        try {
            ObjectNode realm = (ObjectNode) JSON.readTree(callAsAdmin("GET", "", null).body());
            ObjectNode attributes = (ObjectNode) realm.path("attributes");
            String previous = attributes.path(name).isMissingNode() ? null : attributes.path(name).asText();
            attributes.put(name, value);
            HttpResponse<String> response = callAsAdmin("PUT", "", realm.toString());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("realm update failed: " + response.statusCode() + " " + response.body());
            }
            return previous;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the account with this username, if there is one. */
    public void deleteUserNamed(String username) {
        JsonNode users = json(send(HttpRequest.newBuilder(URI.create(admin + "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8))).GET(), 200));
        for (JsonNode user : users) {
            send(HttpRequest.newBuilder(URI.create(admin + "/users/" + user.path("id").asText())).DELETE(), 204);
        }
    }

    /** The user as the admin API returns it. */
    public JsonNode user(String userId) {
        return json(send(HttpRequest.newBuilder(URI.create(admin + "/users/" + userId)).GET(), 200));
    }

    /** Changes the password step's throttle (flow 'vneid level 1'); returns the previous values to restore. */
    public Map<String, String> updatePasswordStepConfig(Map<String, String> changes) {
        ObjectNode config = (ObjectNode) executionConfig("vneid level 1", "vneid-national-id-password");
        Map<String, String> previous = toMap(config.path("config"));
        Map<String, String> next = new HashMap<>(previous);
        next.putAll(changes);
        putConfig(config, next);
        return previous;
    }

    public void restorePasswordStepConfig(Map<String, String> previous) {
        putConfig((ObjectNode) executionConfig("vneid level 1", "vneid-national-id-password"), previous);
    }

    /**
     * Tries to create a citizen as an operator would; returns the HTTP status and body, whatever they are.
     */
    public HttpResponse<String> tryCreateCitizen(String nationalId, String birthdate, String gender) {
        ObjectNode user = JSON.createObjectNode();
        user.put("username", nationalId);
        user.put("enabled", true);
        ObjectNode attributes = user.putObject("attributes");
        attributes.putArray("fullName").add("Phan Văn Thử");
        attributes.putArray("birthdate").add(birthdate);
        attributes.putArray("gender").add(gender);
        attributes.putArray("vneidLevel").add("1");
        try {
            return http.send(HttpRequest.newBuilder(URI.create(admin + "/users"))
                    .header("Authorization", "Bearer " + token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(user.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A fresh national ID of a man born in 1990 in Hà Nội. */
    public static String newNationalId() {
        return String.format("001090%06d", SERIAL.incrementAndGet());
    }

    /** A fresh mobile number for a test citizen (+8491 and 7 digits). */
    public static String newPhone() {
        return String.format("+8491%07d", SERIAL.incrementAndGet());
    }

    /** Changes the chip step-up's config (flow 'vneid level 2'); returns the previous values to restore. */
    public Map<String, String> updateChipConfig(Map<String, String> changes) {
        ObjectNode config = (ObjectNode) executionConfig("vneid level 2", "vneid-chip-step-up");
        Map<String, String> previous = toMap(config.path("config"));
        Map<String, String> next = new HashMap<>(previous);
        next.putAll(changes);
        putConfig(config, next);
        return previous;
    }

    public void restoreChipConfig(Map<String, String> previous) {
        putConfig((ObjectNode) executionConfig("vneid level 2", "vneid-chip-step-up"), previous);
    }

    private void putConfig(ObjectNode config, Map<String, String> values) {
        config.set("config", JSON.valueToTree(values));
        send(HttpRequest.newBuilder(URI.create(admin + "/authentication/config/" + config.path("id").asText()))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(config.toString())), 204);
    }

    /** The config of the SMS code step in the vneid browser flow. */
    public Map<String, String> smsCodeConfig() {
        return toMap(config().path("config"));
    }

    /** Changes the SMS code step's config; returns the previous values, to be restored in a finally block. */
    public Map<String, String> updateSmsCodeConfig(Map<String, String> changes) {
        Map<String, String> previous = smsCodeConfig();
        Map<String, String> next = new HashMap<>(previous);
        next.putAll(changes);
        replaceSmsCodeConfig(next);
        return previous;
    }

    /** Puts back exactly what {@link #updateSmsCodeConfig} returned. */
    public void restoreSmsCodeConfig(Map<String, String> previous) {
        replaceSmsCodeConfig(previous);
    }

    private void replaceSmsCodeConfig(Map<String, String> values) {
        putConfig((ObjectNode) config(), values);
    }

    private JsonNode config() {
        return executionConfig("vneid level 1", "vneid-sms-code");
    }

    private JsonNode executionConfig(String flowAlias, String providerId) {
        String flow = URLEncoder.encode(flowAlias, StandardCharsets.UTF_8).replace("+", "%20");
        JsonNode executions = json(send(HttpRequest.newBuilder(
                URI.create(admin + "/authentication/flows/" + flow + "/executions")).GET(), 200));
        for (JsonNode execution : executions) {
            if (providerId.equals(execution.path("providerId").asText())) {
                String configId = execution.path("authenticationConfig").asText();
                return json(send(HttpRequest.newBuilder(URI.create(admin + "/authentication/config/" + configId))
                        .GET(), 200));
            }
        }
        throw new AssertionError("no " + providerId + " execution in flow '" + flowAlias + "': " + executions);
    }

    /** Changes one execution's config; returns the previous values, to be put back with the same method. */
    public Map<String, String> updateExecutionConfig(String flowAlias, String providerId, Map<String, String> changes) {
        ObjectNode config = (ObjectNode) executionConfig(flowAlias, providerId);
        Map<String, String> previous = toMap(config.path("config"));
        Map<String, String> next = new HashMap<>(previous);
        next.putAll(changes);
        putConfig(config, next);
        return previous;
    }

    /**
     * Puts back what {@link #updateExecutionConfig} returned, as it was: keys the change added are removed too (an
     * update would keep them, and a later test would run with them).
     */
    public void restoreExecutionConfig(String flowAlias, String providerId, Map<String, String> previous) {
        putConfig((ObjectNode) executionConfig(flowAlias, providerId), previous);
    }

    /**
     * Sets the requirement of one execution (or sub-flow, by its display name) of a flow; returns the previous one, to
     * be put back with the same method.
     */
    public String setExecutionRequirement(String flowAlias, String displayName, String requirement) {
        String flow = URLEncoder.encode(flowAlias, StandardCharsets.UTF_8).replace("+", "%20");
        URI uri = URI.create(admin + "/authentication/flows/" + flow + "/executions");
        for (JsonNode execution : json(send(HttpRequest.newBuilder(uri).GET(), 200))) {
            if (displayName.equals(execution.path("displayName").asText())) {
                String previous = execution.path("requirement").asText();
                ((ObjectNode) execution).put("requirement", requirement);
                send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(execution.toString())), 204);
                return previous;
            }
        }
        throw new AssertionError("no execution '" + displayName + "' in flow '" + flowAlias + "'");
    }

    /** The user's online sessions, as the admin console lists them. */
    public int sessionCount(String userId) {
        return json(send(HttpRequest.newBuilder(URI.create(admin + "/users/" + userId + "/sessions")).GET(), 200))
                .size();
    }

    void liftPerIpCodeLimit() {
        // Every test comes from 127.0.0.1: per-address limits of the recovery too (its own test sets them again).
        updateExecutionConfig("vneid reset credentials", "vneid-recovery-national-id",
                Map.of("limit-per-address-hour", "0"));
        updateExecutionConfig("vneid reset credentials", "vneid-recovery-sms-code", Map.of("limit-per-ip-hour", "0"));
        updateSmsCodeConfig(Map.of("limit-per-ip-hour", "0"));
        updatePasswordStepConfig(Map.of("throttle-address-free-failures", "1000000"));
        for (String action : List.of("vneid-verify-phone", "vneid-change-phone")) {
            URI uri = URI.create(admin + "/authentication/required-actions/" + action + "/config");
            JsonNode current = json(send(HttpRequest.newBuilder(uri).GET(), 200));
            Map<String, String> next = new HashMap<>(toMap(current.path("config")));
            next.put("limit-per-ip-hour", "0");
            putRequiredActionConfig(uri, current, next);
        }
    }

    /** The user's first value of an attribute, as the admin API returns it. */
    public String attribute(String userId, String name) {
        JsonNode user = json(send(HttpRequest.newBuilder(URI.create(admin + "/users/" + userId)).GET(), 200));
        JsonNode values = user.path("attributes").path(name);
        return values.isArray() && values.size() > 0 ? values.get(0).asText() : null;
    }

    /** Changes the verify-phone required action's config; returns the previous values to restore. */
    public Map<String, String> updateVerifyPhoneConfig(Map<String, String> changes) {
        return updateRequiredActionConfig("vneid-verify-phone", changes);
    }

    public void restoreVerifyPhoneConfig(Map<String, String> previous) {
        restoreRequiredActionConfig("vneid-verify-phone", previous);
    }

    /** Changes a required action's config; returns the previous values to restore. */
    public Map<String, String> updateRequiredActionConfig(String alias, Map<String, String> changes) {
        URI uri = URI.create(admin + "/authentication/required-actions/" + alias + "/config");
        JsonNode current = json(send(HttpRequest.newBuilder(uri).GET(), 200));
        Map<String, String> previous = toMap(current.path("config"));
        Map<String, String> next = new HashMap<>(previous);
        next.putAll(changes);
        putRequiredActionConfig(uri, current, next);
        return previous;
    }

    public void restoreRequiredActionConfig(String alias, Map<String, String> previous) {
        URI uri = URI.create(admin + "/authentication/required-actions/" + alias + "/config");
        putRequiredActionConfig(uri, json(send(HttpRequest.newBuilder(uri).GET(), 200)), previous);
    }

    private void putRequiredActionConfig(URI uri, JsonNode current, Map<String, String> values) {
        ObjectNode body = current.isObject() ? (ObjectNode) current.deepCopy() : JSON.createObjectNode();
        body.set("config", JSON.valueToTree(values));
        send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())), 204);
    }

    public JsonNode bruteForceStatus(String userId) {
        return json(send(HttpRequest.newBuilder(
                URI.create(admin + "/attack-detection/brute-force/users/" + userId)).GET(), 200));
    }

    /**
     * The brute-force status once it meets the condition, or the last one read after 30 s. Keycloak records a login
     * failure (and a success's reset) on its own brute-force thread, a moment after the page that reported it was
     * answered: on a loaded machine the status can lag the page.
     */
    public JsonNode awaitBruteForceStatus(String userId, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode status = bruteForceStatus(userId);
        while (!condition.test(status) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            status = bruteForceStatus(userId);
        }
        return status;
    }

    /** The number of failures once at least {@code expected} are recorded (or after 30 s): see above. */
    public int awaitFailures(String userId, int expected) {
        return awaitBruteForceStatus(userId, status -> expected == 0
                ? status.path("numFailures").asInt() == 0
                : status.path("numFailures").asInt() >= expected).path("numFailures").asInt();
    }

    public void clearBruteForce(String userId) {
        send(HttpRequest.newBuilder(URI.create(admin + "/attack-detection/brute-force/users/" + userId)).DELETE(),
                204);
    }

    /** Login events of the realm for one user, newest first. */
    public List<JsonNode> events(String userId) {
        JsonNode events = json(send(HttpRequest.newBuilder(
                URI.create(admin + "/events?user=" + userId + "&max=100")).GET(), 200));
        return JSON.convertValue(events, JSON.getTypeFactory().constructCollectionType(List.class, JsonNode.class));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token())
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError("admin API " + response.request().method() + " " + response.uri()
                        + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The realm's admin events, newest first, as JSON text. */
    public String adminEvents() {
        return send(HttpRequest.newBuilder(URI.create(admin + "/admin-events?max=100")).GET(), 200).body();
    }

    /** A master-realm administrator's token: all permissions, but no role of the vneid realm. */
    public String token() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=" + KeycloakServer.ADMIN_USER
                + "&password=" + KeycloakServer.ADMIN_PASSWORD;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        baseUri.resolve("/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("admin token: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static Map<String, String> toMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
                map.put(e.getKey(), e.getValue().asText());
            }
        });
        return map;
    }
}
