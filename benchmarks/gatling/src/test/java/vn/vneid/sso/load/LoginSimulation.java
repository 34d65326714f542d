package vn.vneid.sso.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Stock Keycloak's password login next to our level-1 login (national number + password, then the SMS code), then
 * token refresh and userinfo in each realm, in alternating phases of the same length and concurrency against one
 * server, so both meet the same machine state. A login runs from the authorization request to the tokens (PKCE), as
 * a relying party's user would. Issue #14 adds the client-credentials grant of a service account in each realm, and
 * the chip step-up of a level-1 session to level 2 end to end (no stock equivalent: stock Keycloak has no chip).
 */
public class LoginSimulation extends Simulation {

    /** RFC 7636's example pair: the challenge belongs to this verifier. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final LoadResults results = new LoadResults(settings.serverPid());
    private final Citizens citizens = new Citizens("vneid", settings.citizens());
    private final Citizens stockUsers = new Citizens(LoadRealms.CONTROL_REALM, settings.citizens());
    private final Citizens twoFactorUsers = new Citizens(Citizens.TWO_FACTOR_POOL, settings.citizens());
    private final Citizens chipHolders = new Citizens(Citizens.CHIP_POOL, LoadRealms.chipCitizens(settings.citizens()));
    private final ChipStepUp chip = new ChipStepUp();
    private final ServiceClient serviceClient = ServiceClient.fromKeyFile(settings.clientKeyFile());
    private SmsSink sink;

    private final HttpProtocolBuilder protocol = http.baseUrl(settings.baseUrl())
            .disableFollowRedirect()
            .acceptHeader("text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8")
            .acceptLanguageHeader("vi,en;q=0.8")
            .userAgentHeader("vneid-load");

    {
        // Stages run one after the other; the phases of one stage at the same time.
        List<List<PopulationBuilder>> stages = new ArrayList<>();
        // Round 0 warms both journeys up (JIT, connection pools, caches) and is left out of the summary.
        for (int round = settings.warmUp().isZero() ? 1 : 0; round <= settings.rounds(); round++) {
            Duration length = round == 0 ? settings.warmUp() : settings.phase();
            List<PopulationBuilder> logins = new ArrayList<>();
            logins.add(phase("stock-login", round, length, stockUsers, stockLogin()));
            logins.add(phase("stock-two-factor-login", round, length, twoFactorUsers, stockTwoFactorLogin()));
            logins.add(phase("vneid-login", round, length, citizens, vneidLogin()));
            if (settings.loginsTogether()) {
                // Together, each kind with its own users, the logins meet exactly the same machine: a drift of its
                // speed (another tenant, a GC cycle) cannot favour one kind, and the ratio of their throughputs is
                // the ratio of what one login of each costs the machine. The server's CPU cannot be split per kind.
                stages.add(logins);
            } else {
                // One after the other, in the reverse order every other round: no kind always follows the same one
                // (whatever a phase leaves behind, such as garbage to collect or sessions to expire, lands in the
                // next phase, and the first round after warm-up still has JIT compilation going on).
                if (round % 2 == 0) {
                    Collections.reverse(logins);
                }
                logins.forEach(login -> stages.add(Collections.singletonList(login)));
            }
            List<PopulationBuilder> phases = new ArrayList<>();
            phases.add(loop("stock-refresh", round, length, stockUsers, stockLogin(),
                    refresh("stock", LoadRealms.CONTROL_REALM, LoadRealms.CONTROL_CLIENT)));
            phases.add(loop("vneid-refresh", round, length, citizens, vneidLogin(),
                    refresh("vneid", "vneid", "vneid-demo-rp")));
            phases.add(loop("stock-userinfo", round, length, stockUsers, stockLogin(),
                    userInfo("stock", LoadRealms.CONTROL_REALM)));
            phases.add(loop("vneid-userinfo", round, length, citizens, vneidLogin(),
                    userInfo("vneid", "vneid")));
            phases.add(repeat("stock-client-credentials", round, length,
                    clientCredentials("stock", LoadRealms.CONTROL_REALM)));
            phases.add(repeat("vneid-client-credentials", round, length, clientCredentials("vneid", "vneid")));
            phases.add(loop("vneid-chip-step-up", round, length, chipHolders, vneidLogin().exec(chip.holdCard()),
                    chip.journey(CHALLENGE, VERIFIER, LoadRealms.REDIRECT_URI)));
            phases.forEach(phase -> stages.add(Collections.singletonList(phase)));
        }
        // Each stage starts when the first phase of the one before ends (the others of a stage end with it, give or
        // take the journeys in flight).
        List<PopulationBuilder> run = null;
        for (int i = stages.size() - 1; i >= 0; i--) {
            List<PopulationBuilder> stage = new ArrayList<>(stages.get(i));
            stage.removeIf(phase -> phase == null);
            if (stage.isEmpty()) {
                continue;
            }
            if (run != null) {
                stage.set(0, stage.get(0).andThen(run.toArray(new PopulationBuilder[0])));
            }
            run = stage;
        }
        if (run == null) {
            throw new IllegalArgumentException("load.journeys names no journey of this simulation");
        }
        setUp(run).protocols(protocol)
                // A load run with failures measures something else: it fails, the smoke run in CI with it.
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        try {
            sink = new SmsSink(settings.smsSinkPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void after() {
        try {
            results.write(settings.reportDir(), settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            sink.close();
        }
    }

    /** A phase of the journey, or null when the run leaves the journey out ({@code load.journeys}). */
    private PopulationBuilder phase(String kind, int round, Duration length, Citizens pool, ChainBuilder steps) {
        if (!settings.runs(kind)) {
            return null;
        }
        LoadResults.Phase phase = results.phase(kind, round, !settings.loginsTogether());
        ChainBuilder journey = exec(session -> session.set("t0", System.nanoTime()))
                .exitBlockOnFail().on(steps)
                .exec(session -> {
                    if (session.isFailed()) {
                        phase.failures.incrementAndGet();
                    } else {
                        phase.done(session.getLong("t0"), System.nanoTime());
                    }
                    pool.giveBack(session.getInt("index"));
                    return session;
                });
        return scenario(kind + " " + round).feed(pool).exec(journey)
                .injectClosed(constantConcurrentUsers(settings.concurrency()).during(length));
    }

    /**
     * Requests that follow a login, at saturation: each of the concurrent users logs in once (not measured), then
     * repeats the request for the whole phase; each request is one measured journey.
     */
    private PopulationBuilder loop(String kind, int round, Duration length, Citizens pool, ChainBuilder login,
            ChainBuilder request) {
        if (!settings.runs(kind)) {
            return null;
        }
        ChainBuilder measured = measured(results.phase(kind, round), request);
        return scenario(kind + " " + round).feed(pool)
                .exitBlockOnFail().on(login, during(length).on(measured))
                .exec(session -> {
                    pool.giveBack(session.getInt("index"));
                    return session;
                })
                .injectOpen(atOnceUsers(settings.concurrency()));
    }

    /** Requests that need no login, at saturation: each concurrent user repeats the request for the whole phase. */
    private PopulationBuilder repeat(String kind, int round, Duration length, ChainBuilder request) {
        if (!settings.runs(kind)) {
            return null;
        }
        return scenario(kind + " " + round).during(length).on(measured(results.phase(kind, round), request))
                .injectOpen(atOnceUsers(settings.concurrency()));
    }

    /** One request (or a few) timed as one journey of the phase; a failure is counted and ends only this journey. */
    private static ChainBuilder measured(LoadResults.Phase phase, ChainBuilder request) {
        return exec(session -> session.set("t0", System.nanoTime()))
                .exitBlockOnFail().on(request)
                .exec(session -> {
                    if (session.isFailed()) {
                        phase.failures.incrementAndGet();
                    } else {
                        phase.done(session.getLong("t0"), System.nanoTime());
                    }
                    return session;
                });
    }

    /**
     * A service account's token: the assertion and the DPoP proof are made per request (single-use {@code jti}), in
     * the measured time, the same work for both realms.
     */
    private ChainBuilder clientCredentials(String kind, String realm) {
        String tokenPath = "/realms/" + realm + "/protocol/openid-connect/token";
        String issuer = settings.baseUrl() + "/realms/" + realm;
        return exec(session -> session.set("assertion", serviceClient.assertion(LoadRealms.SERVICE_CLIENT, issuer))
                        .set("dpop", serviceClient.proof(settings.baseUrl() + tokenPath)))
                .exec(http(kind + ": client credentials").post(tokenPath).header("DPoP", "#{dpop}")
                        .formParam("grant_type", "client_credentials")
                        .formParam("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                        .formParam("client_assertion", "#{assertion}")
                        .check(status().is(200), jsonPath("$.token_type").is("DPoP"),
                                jsonPath("$.access_token").exists()));
    }

    private static ChainBuilder refresh(String kind, String realm, String clientId) {
        return exec(http(kind + ": refresh").post("/realms/" + realm + "/protocol/openid-connect/token")
                .formParam("grant_type", "refresh_token").formParam("refresh_token", "#{refreshToken}")
                .formParam("client_id", clientId)
                .check(status().is(200), jsonPath("$.refresh_token").saveAs("refreshToken"),
                        jsonPath("$.access_token").saveAs("accessToken")));
    }

    private static ChainBuilder userInfo(String kind, String realm) {
        return exec(http(kind + ": userinfo").get("/realms/" + realm + "/protocol/openid-connect/userinfo")
                .header("Authorization", "Bearer #{accessToken}")
                .check(status().is(200), jsonPath("$.sub").exists()));
    }

    private static ChainBuilder stockLogin() {
        return exec(authorizationRequest("stock", LoadRealms.CONTROL_REALM, LoadRealms.CONTROL_CLIENT))
                .exec(http("stock: password").post("#{action}")
                        .formParam("username", "#{username}").formParam("password", Citizens.PASSWORD)
                        .check(status().is(302), header("Location").transform(LoginSimulation::code).saveAs("code")))
                .exec(tokenRequest("stock", LoadRealms.CONTROL_REALM, LoadRealms.CONTROL_CLIENT));
    }

    /**
     * Stock Keycloak's own second factor: its browser flow asks the TOTP code after the password (the account has an
     * OTP credential). The same requests as ours, the code computed here in the place of the SMS received.
     */
    private static ChainBuilder stockTwoFactorLogin() {
        return exec(authorizationRequest("stock-2fa", LoadRealms.CONTROL_REALM, LoadRealms.CONTROL_CLIENT))
                .exec(http("stock-2fa: password").post("#{action}")
                        .formParam("username", "#{username}").formParam("password", Citizens.PASSWORD)
                        .check(status().is(200), formAction("kc-otp-login-form")))
                .exec(session -> session.set("otp", Totp.now()))
                .exec(http("stock-2fa: one-time code").post("#{action}").formParam("otp", "#{otp}")
                        .check(status().is(302), header("Location").transform(LoginSimulation::code).saveAs("code")))
                .exec(tokenRequest("stock-2fa", LoadRealms.CONTROL_REALM, LoadRealms.CONTROL_CLIENT));
    }

    private ChainBuilder vneidLogin() {
        return exec(authorizationRequest("vneid", "vneid", "vneid-demo-rp"))
                .exec(session -> {
                    sink.forget(session.getString("phone"));
                    return session;
                })
                .exec(http("vneid: national number and password").post("#{action}")
                        .formParam("username", "#{username}").formParam("password", Citizens.PASSWORD)
                        .check(status().is(200), formAction("vneid-sms-code-form")))
                // The server sends the SMS before it answers, so the code is normally there already; a pause only
                // while it is not (a pause after every take would add 10 ms to each of our logins and to no other).
                .exec(this::takeSmsCode)
                .asLongAsDuring(session -> !session.contains("smsCode"), Duration.ofSeconds(60)).on(
                        pause(Duration.ofMillis(10)).exec(this::takeSmsCode))
                .exec(session -> session.contains("smsCode") ? session : session.markAsFailed())
                .exitHereIfFailed()
                .exec(http("vneid: SMS code").post("#{action}").formParam("code", "#{smsCode}")
                        .check(status().is(302), header("Location").transform(LoginSimulation::code).saveAs("code")))
                .exec(session -> session.remove("smsCode"))
                .exec(tokenRequest("vneid", "vneid", "vneid-demo-rp"));
    }

    private Session takeSmsCode(Session session) {
        String code = sink.take(session.getString("phone"));
        return code == null ? session : session.set("smsCode", code);
    }

    /**
     * The action URL of a page's form, by a regular expression over the HTML rather than a CSS selector: the load
     * generator shares the server's two cores, and parsing every page into a DOM would charge the journeys with more
     * pages (ours, stock's two-factor login) for the generator's work.
     */
    private static CheckBuilder.Final formAction(String formId) {
        return regex("<form(?=[^>]*\\sid=\"" + formId + "\")[^>]*\\saction=\"([^\"]*)\"")
                .transform(LoginSimulation::unescapeAttribute).saveAs("action");
    }

    /** An HTML attribute's text as FreeMarker's auto-escaping writes it, back to the plain URL. */
    private static String unescapeAttribute(String escaped) {
        return escaped.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static ChainBuilder authorizationRequest(String kind, String realm, String clientId) {
        return exec(http(kind + ": authorization request")
                .get("/realms/" + realm + "/protocol/openid-connect/auth")
                .queryParam("client_id", clientId).queryParam("response_type", "code").queryParam("scope", "openid")
                .queryParam("redirect_uri", LoadRealms.REDIRECT_URI).queryParam("code_challenge", CHALLENGE)
                .queryParam("code_challenge_method", "S256")
                .check(status().is(200), formAction("kc-form-login")));
    }

    private static ChainBuilder tokenRequest(String kind, String realm, String clientId) {
        return exec(http(kind + ": token").post("/realms/" + realm + "/protocol/openid-connect/token")
                .formParam("grant_type", "authorization_code").formParam("code", "#{code}")
                .formParam("redirect_uri", LoadRealms.REDIRECT_URI).formParam("client_id", clientId)
                .formParam("code_verifier", VERIFIER)
                .check(status().is(200), jsonPath("$.access_token").saveAs("accessToken"),
                        jsonPath("$.refresh_token").saveAs("refreshToken")));
    }

    static String code(String location) {
        Matcher matcher = CODE.matcher(URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location)
                .getRawQuery());
        if (!matcher.find()) {
            throw new IllegalStateException("no authorization code in the redirect");
        }
        return matcher.group(1);
    }
}
