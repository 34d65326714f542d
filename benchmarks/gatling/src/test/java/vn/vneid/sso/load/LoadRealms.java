package vn.vneid.sso.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * Writes what the server imports for a load run: our production realm with its code limits raised for one load
 * generator's address (they stay on: the run pays for them), a control realm with Keycloak's own browser flow and the
 * same password policy, and the same number of accounts in each. Besides (issue #14): level-2 citizens whose chips the
 * load generator simulates, and in each realm a confidential client for the client-credentials grant, both
 * authenticating with the same key ({@code private_key_jwt} PS256, DPoP-bound tokens), whose private half goes to
 * {@code <client key file>} (outside the import directory, which Keycloak reads as realms).
 *
 * <p>{@code LoadRealms <vneid-realm.json> <import dir> <accounts> <client key file>}
 */
public final class LoadRealms {

    static final String CONTROL_REALM = "control";
    /** Our realm's client profile made of our own executor (no flow overrides), left out of the control. */
    private static final String OUR_PROFILE = "vneid-realm-flows-only";
    static final String CONTROL_CLIENT = "bench-rp";
    static final String REDIRECT_URI = "http://localhost:8089/callback";
    /** The service-account clients of the client-credentials scenario, one per realm. */
    static final String SERVICE_CLIENT = "bench-service";
    /** Chip citizens: only the concurrent users of the step-up need one each; a few spare. */
    static final int MAX_CHIP_CITIZENS = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadRealms() {
    }

    public static void main(String[] args) throws IOException {
        Path productionRealm = Path.of(args[0]);
        Path importDir = Files.createDirectories(Path.of(args[1]));
        int accounts = Integer.parseInt(args[2]);
        Path clientKeyFile = Path.of(args[3]);

        RSAKey clientKey = ServiceClient.newKey();
        Files.writeString(clientKeyFile, clientKey.toJSONString());
        String publicJwks = new JWKSet(clientKey.toPublicJWK()).toString();

        ObjectNode vneid = (ObjectNode) JSON.readTree(productionRealm.toFile());
        raiseCodeLimits(vneid);
        chipEveryStepUp(vneid);
        if ("true".equals(System.getenv("LOAD_WITHOUT_CLIENT_POLICIES"))) {
            // An experiment, never the benchmark: what the realm's client policies cost each request (issue #14).
            vneid.remove("clientPolicies");
            vneid.remove("clientProfiles");
        }
        // As a government service's back end is registered: the realm's FAPI 2.0 government profile applies.
        ObjectNode ourService = serviceClient(publicJwks);
        ((ObjectNode) ourService.path("attributes")).put("vneid.government", "true");
        ((ArrayNode) vneid.path("clients")).add(ourService);
        write(importDir.resolve("vneid-realm.json"), vneid);
        ObjectNode control = controlRealm(vneid);
        ObjectNode stockService = serviceClient(publicJwks);
        ((ObjectNode) stockService.path("attributes")).put("vneid.government", "true");
        ((ArrayNode) control.path("clients")).add(stockService);
        write(importDir.resolve("control-realm.json"), control);

        ArrayNode citizens = JSON.createArrayNode();
        ArrayNode stockUsers = JSON.createArrayNode();
        for (int i = 1; i <= accounts; i++) {
            citizens.add(citizen(Citizens.nationalId(i), "Công Dân " + i, 1, Citizens.phone(i)));
            stockUsers.add(stockUser(Citizens.stockUsername(i), i));
            stockUsers.add(totp(stockUser(Citizens.twoFactorUsername(i), i)));
        }
        for (int i = 1; i <= chipCitizens(accounts); i++) {
            citizens.add(citizen(Citizens.chipNationalId(i), Citizens.chipFullName(i), 2, Citizens.chipPhone(i)));
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

    static int chipCitizens(int accounts) {
        return Math.min(accounts, MAX_CHIP_CITIZENS);
    }

    /**
     * Level 2 is asked again on every step-up of the run (the production realm keeps a level-2 login for 5 minutes):
     * each measured step-up then reads the chip, as for a citizen whose level 2 has lapsed. Level 1 is unchanged.
     */
    private static void chipEveryStepUp(ObjectNode realm) {
        for (JsonNode config : realm.path("authenticatorConfig")) {
            if ("vneid level 2 condition".equals(config.path("alias").asText())) {
                ((ObjectNode) config.path("config")).put("loa-max-age", "0");
                return;
            }
        }
        throw new IllegalStateException("the realm file has no 'vneid level 2 condition' configuration");
    }

    /** A confidential client with a service account only: private_key_jwt PS256 with the given key, DPoP-bound. */
    private static ObjectNode serviceClient(String publicJwks) {
        ObjectNode client = JSON.createObjectNode();
        client.put("clientId", SERVICE_CLIENT);
        client.put("enabled", true);
        client.put("publicClient", false);
        client.put("clientAuthenticatorType", "client-jwt");
        client.put("standardFlowEnabled", false);
        client.put("directAccessGrantsEnabled", false);
        client.put("serviceAccountsEnabled", true);
        ObjectNode attributes = client.putObject("attributes");
        attributes.put("use.jwks.string", "true");
        attributes.put("jwks.string", publicJwks);
        attributes.put("token.endpoint.auth.signing.alg", "PS256");
        attributes.put("dpop.bound.access.tokens", "true");
        return client;
    }

    /**
     * Stock Keycloak set up as our realm where the setting is Keycloak's own, not our code: the password policy, the
     * brute-force detection, the event store (our realm keeps login events for audit: each login writes them to the
     * database, so the control does too) and Keycloak's own logging listener in the place of ours, the languages,
     * token lifespans, keys, client scopes, user profile and client policies. What is left is our code: the login
     * flow, the theme, the SMS, the conditions and listeners of ours.
     */
    private static ObjectNode controlRealm(JsonNode ours) throws IOException {
        ObjectNode realm = JSON.createObjectNode();
        realm.put("realm", CONTROL_REALM);
        realm.put("enabled", true);
        for (String setting : new String[] {"passwordPolicy", "bruteForceProtected", "permanentLockout",
                "failureFactor", "waitIncrementSeconds", "maxFailureWaitSeconds", "minimumQuickLoginWaitSeconds",
                "quickLoginCheckMilliSeconds", "maxDeltaTimeSeconds", "eventsEnabled", "eventsExpiration",
                "enabledEventTypes", "adminEventsEnabled", "adminEventsDetailsEnabled", "internationalizationEnabled",
                "supportedLocales", "defaultLocale", "defaultSignatureAlgorithm", "accessTokenLifespan",
                "ssoSessionIdleTimeout", "ssoSessionMaxLifespan", "revokeRefreshToken", "refreshTokenMaxReuse"}) {
            if (ours.has(setting)) {
                realm.set(setting, ours.get(setting));
            }
        }
        realm.putArray("eventsListeners").add("jboss-logging");
        // A two-factor account logs in several times within one 30-s TOTP step in a load run; Keycloak would refuse
        // the same code twice. Reusable codes spare stock the single-use check: the comparison only gets harder
        // for us.
        realm.put("otpPolicyCodeReusable", true);
        realm.putObject("attributes").put("realmReusableOtpCode", "true");
        // Keycloak's own configuration of our realm, so that the ratios show what our code adds rather than what a
        // realm set up for FAPI 2.0 costs Keycloak: the realm keys (PS256 and ES256 beside RS256), every client scope
        // and the realm's default scopes (with Keycloak's attribute mapper in the place of ours), the user profile
        // without our national-ID validator, the client profiles, and the client policies with Keycloak's own two
        // conditions per policy in the place of our one.
        realm.set("components", keycloakComponents(ours.path("components")));
        for (String setting : new String[] {"clientScopes", "defaultDefaultClientScopes", "defaultOptionalClientScopes",
                "clientProfiles"}) {
            realm.set(setting, ours.get(setting).deepCopy());
        }
        // Our claim mapper (a user's own attributes, no group fallback) becomes Keycloak's, its configuration the same.
        for (JsonNode scope : realm.path("clientScopes")) {
            for (JsonNode mapper : scope.path("protocolMappers")) {
                if ("vneid-own-attribute-mapper".equals(mapper.path("protocolMapper").asText())) {
                    ((ObjectNode) mapper).put("protocolMapper", "oidc-usermodel-attribute-mapper");
                }
            }
        }
        // Our executor refusing flow overrides acts on client registration and update only, never in a login.
        ArrayNode profiles = (ArrayNode) realm.path("clientProfiles").path("profiles");
        for (int i = profiles.size() - 1; i >= 0; i--) {
            if (OUR_PROFILE.equals(profiles.get(i).path("name").asText())) {
                profiles.remove(i);
            }
        }
        realm.set("clientPolicies", keycloakPolicies(ours.path("clientPolicies")));
        JsonNode ourClient = client(ours, "vneid-demo-rp");
        ObjectNode client = realm.putArray("clients").addObject();
        client.put("clientId", CONTROL_CLIENT);
        client.put("publicClient", true);
        client.put("standardFlowEnabled", true);
        client.put("directAccessGrantsEnabled", false);
        client.putArray("redirectUris").add(REDIRECT_URI);
        client.putObject("attributes").put("pkce.code.challenge.method", "S256");
        client.set("defaultClientScopes", ourClient.path("defaultClientScopes").deepCopy());
        client.set("optionalClientScopes", ourClient.path("optionalClientScopes").deepCopy());
        return realm;
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return client;
            }
        }
        throw new IllegalStateException("the realm file has no client " + clientId);
    }

    /** Our realm's components (keys, user profile), the user profile's validators of ours left out. */
    private static ObjectNode keycloakComponents(JsonNode ours) throws IOException {
        ObjectNode components = ours.deepCopy();
        for (JsonNode profile : components.path("org.keycloak.userprofile.UserProfileProvider")) {
            ArrayNode stored = (ArrayNode) profile.path("config").path("kc.user.profile.config");
            JsonNode config = JSON.readTree(stored.get(0).asText());
            for (JsonNode attribute : config.path("attributes")) {
                if (attribute.path("validations").isObject()) {
                    ((ObjectNode) attribute.path("validations")).remove("vneid-national-id");
                }
            }
            stored.set(0, JSON.writeValueAsString(config));
        }
        return components;
    }

    /**
     * Our client policies with Keycloak's conditions: {@code vneid-client-kind} becomes Keycloak's
     * {@code client-access-type} and {@code client-attributes}, the pair each policy had before it.
     */
    private static ObjectNode keycloakPolicies(JsonNode ours) {
        ObjectNode policies = ours.deepCopy();
        // The third-party policy cannot be written with Keycloak's conditions: its negated attributes condition votes
        // yes before the authorization request is parsed, where the access type abstains, so it would demand PAR from
        // every public client (the reason vneid-client-kind exists). The control keeps the other two.
        ArrayNode kept = JSON.createArrayNode();
        for (JsonNode policy : policies.path("policies")) {
            boolean thirdParty = false;
            for (JsonNode condition : policy.path("conditions")) {
                thirdParty |= "third-party".equals(condition.path("configuration").path("kind").asText());
            }
            boolean ourExecutor = false;
            for (JsonNode profile : policy.path("profiles")) {
                ourExecutor |= OUR_PROFILE.equals(profile.asText());
            }
            if (!thirdParty && !ourExecutor) {
                kept.add(policy);
            }
        }
        policies.set("policies", kept);
        for (JsonNode policy : policies.path("policies")) {
            ArrayNode conditions = JSON.createArrayNode();
            for (JsonNode condition : policy.path("conditions")) {
                if (!"vneid-client-kind".equals(condition.path("condition").asText())) {
                    conditions.add(condition);
                    continue;
                }
                String kind = condition.path("configuration").path("kind").asText();
                boolean native_ = "native-app".equals(kind);
                ObjectNode accessType = conditions.addObject().put("condition", "client-access-type");
                accessType.putObject("configuration").putArray("type").add(native_ ? "public" : "confidential");
                ObjectNode attributes = conditions.addObject().put("condition", "client-attributes");
                ObjectNode config = attributes.putObject("configuration");
                config.put("attributes", "[{\"key\": \"" + (native_ ? "vneid.native-app" : "vneid.government")
                        + "\", \"value\": \"true\"}]");
            }
            ((ObjectNode) policy).set("conditions", conditions);
        }
        return policies;
    }

    /**
     * A citizen's account. A level-2 citizen's chip, simulated by the load generator, carries the same number and
     * birth date.
     */
    private static ObjectNode citizen(String nationalId, String fullName, int level, String phone) {
        ObjectNode user = JSON.createObjectNode();
        user.put("username", nationalId);
        user.put("enabled", true);
        ObjectNode attributes = user.putObject("attributes");
        attributes.putArray("fullName").add(fullName);
        attributes.putArray("birthdate").add(Citizens.BIRTH_DATE.toString());
        attributes.putArray("gender").add("male");
        attributes.putArray("vneidLevel").add(String.valueOf(level));
        attributes.putArray("phoneNumber").add(phone);
        attributes.putArray("phoneNumberVerified").add("true");
        password(user);
        return user;
    }

    /** A control account with a citizen's attributes, so that the same mappers put the same claims in its tokens. */
    private static ObjectNode stockUser(String username, int index) {
        return citizen(username, "Người Dùng " + index, 1, Citizens.phone(index));
    }

    /**
     * A TOTP credential (RFC 6238: HMAC-SHA1, 6 digits, 30 s) as Keycloak stores one: Keycloak's own browser flow then
     * asks for the code after the password (its conditional OTP sub-flow), the stock counterpart of our SMS step.
     */
    private static ObjectNode totp(ObjectNode user) {
        ObjectNode credential = ((ArrayNode) user.path("credentials")).addObject();
        credential.put("type", "otp");
        credential.put("userLabel", "load run");
        credential.put("secretData", JSON.createObjectNode().put("value", Totp.SECRET).toString());
        credential.put("credentialData", JSON.createObjectNode().put("subType", "totp").put("digits", 6)
                .put("counter", 0).put("period", 30).put("algorithm", "HmacSHA1").toString());
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
