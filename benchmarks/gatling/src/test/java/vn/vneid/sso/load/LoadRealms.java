package vn.vneid.sso.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes what the server imports for a load run: our production realm with its code limits raised for one load
 * generator's address (they stay on: the run pays for them), a control realm with Keycloak's own browser flow and the
 * same password policy, and the same number of accounts in each.
 *
 * <p>{@code LoadRealms <vneid-realm.json> <import dir> <accounts>}
 */
public final class LoadRealms {

    static final String CONTROL_REALM = "control";
    static final String CONTROL_CLIENT = "bench-rp";
    static final String REDIRECT_URI = "http://localhost:8089/callback";

    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadRealms() {
    }

    public static void main(String[] args) throws IOException {
        Path productionRealm = Path.of(args[0]);
        Path importDir = Files.createDirectories(Path.of(args[1]));
        int accounts = Integer.parseInt(args[2]);

        ObjectNode vneid = (ObjectNode) JSON.readTree(productionRealm.toFile());
        raiseCodeLimits(vneid);
        write(importDir.resolve("vneid-realm.json"), vneid);
        write(importDir.resolve("control-realm.json"), controlRealm(vneid.path("passwordPolicy").asText()));

        ArrayNode citizens = JSON.createArrayNode();
        ArrayNode stockUsers = JSON.createArrayNode();
        for (int i = 1; i <= accounts; i++) {
            citizens.add(citizen(i));
            stockUsers.add(stockUser(i));
        }
        write(importDir.resolve("vneid-users-0.json"), JSON.createObjectNode().put("realm", "vneid")
                .set("users", citizens));
        write(importDir.resolve("control-users-0.json"), JSON.createObjectNode().put("realm", CONTROL_REALM)
                .set("users", stockUsers));
    }

    /**
     * One address stands for every citizen of the run, and each account logs in many times an hour: the per-number,
     * per-account and per-address limits are raised, not switched off, so every send still takes its slots.
     */
    private static void raiseCodeLimits(ObjectNode realm) {
        for (JsonNode config : realm.path("authenticatorConfig")) {
            if ("vneid sms code".equals(config.path("alias").asText())) {
                ObjectNode values = (ObjectNode) config.path("config");
                values.put("limit-per-number-hour", "1000000");
                values.put("limit-per-account-day", "1000000");
                values.put("limit-per-ip-hour", "1000000");
                return;
            }
        }
        throw new IllegalStateException("the realm file has no 'vneid sms code' configuration");
    }

    private static ObjectNode controlRealm(String passwordPolicy) {
        ObjectNode realm = JSON.createObjectNode();
        realm.put("realm", CONTROL_REALM);
        realm.put("enabled", true);
        realm.put("passwordPolicy", passwordPolicy);
        realm.put("bruteForceProtected", true);
        ObjectNode client = realm.putArray("clients").addObject();
        client.put("clientId", CONTROL_CLIENT);
        client.put("publicClient", true);
        client.put("standardFlowEnabled", true);
        client.put("directAccessGrantsEnabled", false);
        client.putArray("redirectUris").add(REDIRECT_URI);
        client.putObject("attributes").put("pkce.code.challenge.method", "S256");
        return realm;
    }

    private static ObjectNode citizen(int index) {
        ObjectNode user = JSON.createObjectNode();
        user.put("username", Citizens.nationalId(index));
        user.put("enabled", true);
        ObjectNode attributes = user.putObject("attributes");
        attributes.putArray("fullName").add("Công Dân " + index);
        attributes.putArray("birthdate").add("1990-05-17");
        attributes.putArray("gender").add("male");
        attributes.putArray("vneidLevel").add("1");
        attributes.putArray("phoneNumber").add(Citizens.phone(index));
        attributes.putArray("phoneNumberVerified").add("true");
        password(user);
        return user;
    }

    private static ObjectNode stockUser(int index) {
        ObjectNode user = JSON.createObjectNode();
        user.put("username", Citizens.stockUsername(index));
        user.put("enabled", true);
        user.put("firstName", "User");
        user.put("lastName", String.valueOf(index));
        user.put("email", Citizens.stockUsername(index) + "@example.org");
        user.put("emailVerified", true);
        password(user);
        return user;
    }

    private static void password(ObjectNode user) {
        ObjectNode credential = user.putArray("credentials").addObject();
        credential.put("type", "password");
        credential.put("value", Citizens.PASSWORD);
        credential.put("temporary", false);
    }

    private static void write(Path file, JsonNode json) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json);
    }
}
