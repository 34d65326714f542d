package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import vn.vneid.sso.chipsim.AaKeyType;
import vn.vneid.sso.chipsim.ChipCard;
import vn.vneid.sso.chipsim.Citizen;
import vn.vneid.sso.chipsim.PhoneApp;
import vn.vneid.sso.chipsim.TestPki;
import vn.vneid.sso.it.pages.ActivationCodePage;
import vn.vneid.sso.it.pages.ActivationDonePage;
import vn.vneid.sso.it.pages.ActivationPasswordPage;
import vn.vneid.sso.it.pages.ChipStepUpPage;
import vn.vneid.sso.it.pages.LoginPage;
import vn.vneid.sso.it.pages.SmsCodePage;
import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.Browser;
import vn.vneid.sso.it.support.IntakeTables;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.OidcClient;
import vn.vneid.sso.it.support.OneStopDesk;
import vn.vneid.sso.it.support.SmsOutbox;

/**
 * Issue #15 parts 3-4: a level-2 record from a one-stop desk waits in the approval queue of the officers of its unit;
 * an officer of the unit approves it, the account is created (or a level-1 account upgraded) and the activation code
 * leaves by SMS; the citizen activates the account from the login page and signs in at level 2.
 */
@DisplayName("Level-2 approval by the officers of the unit, then activation by the citizen")
class ApprovalActivationIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "Mat-troi-moc-dang-dong-2026";
    /** Communes of the demo units: Phường Trúc Bạch (Ba Đình, Hà Nội) and Phường Tân Định (Quận 1, Hồ Chí Minh). */
    static final String TRUC_BACH = "00004";
    static final String TAN_DINH = "26734";

    static KeycloakServer server;
    static AdminApi admin;
    static SmsOutbox outbox;
    static OidcClient oidc;
    static final PhoneApp app = new PhoneApp();
    static final TestPki demoPki = TestPki.demo();
    static Officer baDinh;
    static Officer quanMot;
    static Officer withoutUnit;

    record Officer(AdminApi.Citizen account, ChipCard card) {
    }

    @BeforeAll
    static void server() {
        server = KeycloakServer.get();
        admin = new AdminApi(server);
        outbox = new SmsOutbox(server.outbox());
        oidc = OidcClient.demo(server);
        baDinh = newOfficer("Đặng Văn Toàn", "DISTRICT:001");
        quanMot = newOfficer("Huỳnh Thị Mỹ", "PROVINCE:79");
        withoutUnit = newOfficer("Kiều Văn Sơn", null);
    }

    /** A level-2 officer (role vneid-officer, no admin role), his unit set by the administrator, his chip card. */
    static Officer newOfficer(String fullName, String unit) {
        String nationalId = AdminApi.newNationalId();
        String phone = AdminApi.newPhone();
        ObjectNode user = AdminApi.citizenJson(nationalId, "1990-05-17", fullName, phone, true, 2);
        user.putArray("realmRoles").add("default-roles-vneid").add("vneid-officer");
        if (unit != null) {
            ((ObjectNode) user.get("attributes")).putArray("vneidOfficerUnit").add(unit);
        }
        String id = admin.importUser(user);
        return new Officer(new AdminApi.Citizen(id, nationalId, AdminApi.DEMO_PASSWORD, phone), card(nationalId,
                fullName));
    }

    /** The chip card of a man born on 17 May 1990 (AdminApi's numbers), from the demo CSCA's Document Signer. */
    static ChipCard card(String nationalId, String fullName) {
        Citizen person = new Citizen(nationalId, fullName, LocalDate.of(1990, 5, 17), Citizen.Sex.MALE, "Hà Nội",
                "Hà Nội", LocalDate.of(2040, 5, 17));
        return ChipCard.issue(person, demoPki.issueDocumentSigner(), AaKeyType.ECDSA_P256);
    }

    /** The officer signs in to the admin console at level 2: ID, password, SMS code, chip. */
    static String token(Officer officer) throws Exception {
        OidcClient console = new OidcClient(server.realmUri(), "security-admin-console",
                server.baseUri().resolve("/admin/vneid/console/"));
        OidcClient.Login login = console.login("vneid-l2");
        Browser browser = new Browser();
        SmsCodePage code = LoginPage.signIn(browser, login, officer.account().nationalId(), AdminApi.DEMO_PASSWORD);
        ChipStepUpPage chip = new ChipStepUpPage(browser, code.submitCode(outbox.lastCodeTo(
                officer.account().phone())));
        assertThat(app.approve(server.baseUri(), KeycloakServer.REALM, chip.transaction(), officer.card()).status())
                .isEqualTo(200);
        return login.finish(chip.continueLogin().uri()).accessToken().getValue();
    }

    static HttpResponse<String> call(String token, String method, String path, String body) {
        return admin.call(token, method, "/vneid-approval" + path, body);
    }

    static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    /** The pending record of this national ID in the officer's queue (the newest are last: oldest first). */
    static String pendingRecordId(String token, String commune, String nationalId) throws Exception {
        long total = json(call(token, "GET", "/records?commune=" + commune + "&max=1", null), 200)
                .path("total").asLong();
        JsonNode page = json(call(token, "GET", "/records?commune=" + commune + "&max=100&first="
                + Math.max(0, total - 100), null), 200);
        for (JsonNode record : page.path("records")) {
            if (record.path("nationalId").asText().equals(nationalId)) {
                return record.path("id").asText();
            }
        }
        throw new AssertionError("no pending record of " + nationalId + " in " + page);
    }

    /** A citizen's level-2 record, sent by a new desk; returns the record's id in the queue. */
    static String enrol(String token, String nationalId, String fullName, String phone, String commune)
            throws Exception {
        OneStopDesk desk = OneStopDesk.register(server, admin);
        desk.sendAccepted(OneStopDesk.levelTwoRecord("R-" + nationalId, nationalId, fullName, phone, commune));
        return pendingRecordId(token, commune, nationalId);
    }

    static String activationCode(String phone) {
        return outbox.lastCodeTo(phone);
    }

    static ActivationCodePage openActivation(Browser browser, OidcClient.Login login) {
        LoginPage page = LoginPage.open(browser, login);
        return page.activate();
    }

    /** Trúc Bạch's row of this year's campaign statistics, as operators read it (district 001: Ba Đình). */
    static JsonNode trucBachFigures() throws Exception {
        String year = String.valueOf(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear());
        JsonNode table = json(admin.callAsAdmin("GET", "/vneid-stats/figures?period=" + year + "&district=001", null),
                200);
        for (JsonNode row : table.path("rows")) {
            if (row.path("code").asText().equals(TRUC_BACH)) {
                return row;
            }
        }
        throw new AssertionError("no row " + TRUC_BACH + " in " + table);
    }

    /** How much each statistics column moved between two readings of the same row. */
    static Map<String, Long> moved(JsonNode before, JsonNode after, String... columns) {
        Map<String, Long> moves = new LinkedHashMap<>();
        for (String column : columns) {
            moves.put(column, after.path(column).asLong() - before.path(column).asLong());
        }
        return moves;
    }

    static final String[] LIFE_COLUMNS = {"collectedLevel2", "pending", "level2ApprovedNotActivated",
            "activatedLevel2"};

    @Test
    @DisplayName("intake → other units see nothing → the unit's officer approves (twice: 409) → SMS code → activation"
            + " in the login pages → level-2 sign-in with the chip; the statistics move at each step")
    void endToEnd() throws Exception {
        String nationalId = AdminApi.newNationalId();
        String phone = AdminApi.newPhone();
        String fullName = "Phan Văn Khải";
        String token = token(baDinh);
        JsonNode atStart = trucBachFigures();
        String recordId = enrol(token, nationalId, fullName, phone, TRUC_BACH);
        JsonNode received = trucBachFigures();
        assertThat(moved(atStart, received, LIFE_COLUMNS)).as("a level-2 record more, waiting")
                .containsExactly(Map.entry("collectedLevel2", 1L), Map.entry("pending", 1L),
                        Map.entry("level2ApprovedNotActivated", 0L), Map.entry("activatedLevel2", 0L));

        JsonNode pending = json(call(token, "GET", "/records/" + recordId, null), 200);
        assertThat(pending.path("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(pending.path("communeName").asText()).isEqualTo("Phường Trúc Bạch");
        assertThat(pending.path("phone").asText()).doesNotContain(phone.substring(3, 9));
        assertThat(pending.path("history").findValuesAsText("status")).containsExactly("RECEIVED",
                "PENDING_APPROVAL");

        // An officer of another unit neither sees nor decides it; an officer without a unit sees nothing at all.
        String other = token(quanMot);
        assertThat(json(call(other, "GET", "/records?commune=" + TRUC_BACH, null), 200).path("total").asLong())
                .isZero();
        assertThat(json(call(other, "GET", "/records/" + recordId, null), 404).path("error").asText())
                .isEqualTo("unknown_record");
        assertThat(call(other, "POST", "/records/" + recordId + "/approve", "{}").statusCode()).isEqualTo(404);
        assertThat(call(other, "POST", "/records/" + recordId + "/reject",
                "{\"reason\":\"Không thuộc địa bàn quản lý\"}").statusCode()).isEqualTo(404);
        assertThat(json(call(token(withoutUnit), "GET", "/records", null), 403).path("error").asText())
                .isEqualTo("no_unit");
        assertThat(admin.callAsAdmin("GET", "/users?exact=true&username=" + nationalId, null).body())
                .isEqualTo("[]");

        JsonNode approved = json(call(token, "POST", "/records/" + recordId + "/approve", "{}"), 200);
        assertThat(approved.path("accountCreated").asBoolean()).isTrue();
        assertThat(approved.path("documentNumber").asText()).isEqualTo(nationalId.substring(3));
        assertThat(approved.path("activationSmsSent").asBoolean()).isTrue();
        String userId = approved.path("userId").asText();
        JsonNode twice = json(call(token, "POST", "/records/" + recordId + "/approve", "{}"), 409);
        assertThat(twice.path("error").asText()).isEqualTo("not_pending");
        JsonNode afterApproval = trucBachFigures();
        assertThat(moved(received, afterApproval, LIFE_COLUMNS)).as("approved once, not yet activated")
                .containsExactly(Map.entry("collectedLevel2", 0L), Map.entry("pending", -1L),
                        Map.entry("level2ApprovedNotActivated", 1L), Map.entry("activatedLevel2", 0L));

        JsonNode record = json(call(token, "GET", "/records/" + recordId, null), 200);
        assertThat(record.path("status").asText()).isEqualTo("APPROVED");
        JsonNode last = record.path("history").get(2);
        assertThat(last.path("status").asText()).isEqualTo("APPROVED");
        assertThat(last.path("actor").asText()).isEqualTo(baDinh.account().id());
        assertThat(last.path("at").asText()).isNotBlank();
        assertThat(record.path("documentNumber").asText()).isEqualTo(nationalId.substring(3));
        assertThat(admin.user(userId).path("enabled").asBoolean()).as("waits for activation").isFalse();
        assertThat(admin.attribute(userId, "vneidCardDocumentNumber")).as("outside the user profile").isNull();

        // The code reached the record's phone; until activation the account has no password to sign in with.
        String code = activationCode(phone);
        assertThat(code).hasSize(8);
        Browser browser = new Browser();
        OidcClient.Login login = oidc.login();
        LoginPage loginPage = LoginPage.open(browser, login);
        assertThat(loginPage.activationLabel()).isEqualTo("Kích hoạt tài khoản");
        LoginPage refused = new LoginPage(browser, loginPage.submit(nationalId, PASSWORD));
        assertThat(refused.idError()).isNotBlank();

        ActivationCodePage codePage = refused.activate();
        assertThat(codePage.title()).isEqualTo("Kích hoạt tài khoản");
        ActivationPasswordPage passwordPage = new ActivationPasswordPage(browser,
                codePage.submit(nationalId, "0" + phone.substring(3), code));
        ActivationPasswordPage weak = new ActivationPasswordPage(browser, passwordPage.submit("ngan"));
        assertThat(weak.passwordError()).as("the realm's password policy").isNotBlank();
        ActivationDonePage done = new ActivationDonePage(browser, weak.submit(PASSWORD));

        JsonNode user = admin.user(userId);
        assertThat(user.path("enabled").asBoolean()).isTrue();
        assertThat(admin.attribute(userId, "vneidLevel")).isEqualTo("2");
        assertThat(admin.attribute(userId, "phoneNumber")).isEqualTo(phone);
        assertThat(admin.attribute(userId, "phoneNumberVerified")).isEqualTo("true");
        JsonNode activated = json(call(token, "GET", "/records/" + recordId, null), 200);
        assertThat(activated.path("status").asText()).isEqualTo("ACTIVATED");
        assertThat(activated.path("history").get(3).path("actor").asText()).isEqualTo(userId);
        assertThat(moved(afterApproval, trucBachFigures(), LIFE_COLUMNS)).as("activated at level 2")
                .containsExactly(Map.entry("collectedLevel2", 0L), Map.entry("pending", 0L),
                        Map.entry("level2ApprovedNotActivated", -1L), Map.entry("activatedLevel2", 1L));

        // The code is used: a second activation with it fails.
        Browser elsewhere = new Browser();
        ActivationCodePage again = openActivation(elsewhere, oidc.login());
        assertThat(new ActivationCodePage(elsewhere, again.submit(nationalId, phone, code)).codeError())
                .contains("không khớp");

        // The citizen signs in from the final page (password + SMS code), then at level 2 with the chip card.
        SmsCodePage sms = new SmsCodePage(browser, done.signIn().submit(nationalId, PASSWORD));
        OidcClient.Tokens tokens = login.finish(sms.submitCode(outbox.lastCodeTo(phone)).redirectTarget());
        assertThat(tokens.idToken().getSubject().getValue()).isEqualTo(userId);

        Browser levelTwo = new Browser();
        OidcClient.Login stepUp = oidc.login("vneid-l2");
        ChipStepUpPage chip = new ChipStepUpPage(levelTwo, LoginPage.signIn(levelTwo, stepUp, nationalId, PASSWORD)
                .submitCode(outbox.lastCodeTo(phone)));
        assertThat(app.approve(server.baseUri(), KeycloakServer.REALM, chip.transaction(), card(nationalId, fullName))
                .status()).isEqualTo(200);
        OidcClient.Tokens l2 = stepUp.finish(chip.continueLogin().redirectTarget());
        assertThat(l2.idToken().getACR().getValue()).isEqualTo("vneid-l2");
    }

    @Test
    @EnabledIfSystemProperty(named = "vneid.it.db", matches = "postgres",
            disabledReason = "reads the record's row from PostgreSQL (-Dvneid.it.db=postgres)")
    @DisplayName("what the database keeps of an activation code is useless without the server's key file")
    void storedCodeNeedsTheKey() throws Exception {
        String token = token(baDinh);
        String phone = AdminApi.newPhone();
        String recordId = enrol(token, AdminApi.newNationalId(), "Đoàn Văn Hiếu", phone, TRUC_BACH);
        assertThat(json(call(token, "POST", "/records/" + recordId + "/approve", "{}"), 200)
                .path("activationSmsSent").asBoolean()).isTrue();
        String code = activationCode(phone);

        Map<String, String> stored;
        try (IntakeTables tables = IntakeTables.open(server)) {
            stored = tables.activationCode(recordId);
        }
        byte[] salt = stored.get("salt").getBytes(StandardCharsets.US_ASCII);
        // Whoever holds a copy of the database, even with the right code in hand, cannot confirm it the unkeyed way,
        // so cannot search 10^8 codes for it either.
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(salt);
        String unkeyed = Base64.getUrlEncoder().withoutPadding().encodeToString(
                sha256.digest(code.getBytes(StandardCharsets.US_ASCII)));
        assertThat(stored.get("hash")).isNotEqualTo(unkeyed).doesNotContain(code);
        // With the server's key file it is the HMAC-SHA256 of the salt and the code.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Files.readString(server.codeKey()).strip().getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        mac.update(salt);
        mac.update((byte) 0);
        assertThat(stored.get("hash")).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(code.getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    @DisplayName("a rejection needs a reason of 10-500 characters; the history shows it and who rejected")
    void rejectWithReason() throws Exception {
        Officer officer = newOfficer("Lương Văn Bảo", "DISTRICT:001");
        String token = token(officer);
        String nationalId = AdminApi.newNationalId();
        String recordId = enrol(token, nationalId, "Tô Văn Lâm", AdminApi.newPhone(), TRUC_BACH);

        assertThat(json(call(token, "POST", "/records/" + recordId + "/reject", "{\"reason\":\"mờ\"}"), 400)
                .path("error").asText()).isEqualTo("reason_required");
        assertThat(call(token, "POST", "/records/" + recordId + "/reject", "{\"reason\":\"" + "x".repeat(501)
                + "\"}").statusCode()).isEqualTo(400);
        assertThat(call(token, "POST", "/records/" + recordId + "/reject", "not json").statusCode()).isEqualTo(400);
        for (String paging : new String[] {"max=abc", "first=1e3", "max=0", "first=-1"}) {
            assertThat(json(call(token, "GET", "/records?" + paging, null), 400).path("error").asText())
                    .as(paging).isEqualTo("malformed_paging");
        }
        String reason = "Ảnh chân dung bị mờ, vân tay không đọc được";
        assertThat(json(call(token, "POST", "/records/" + recordId + "/reject", "{\"reason\":\"" + reason + "\"}"),
                200).path("status").asText()).isEqualTo("REJECTED");

        JsonNode record = json(call(token, "GET", "/records/" + recordId, null), 200);
        assertThat(record.path("status").asText()).isEqualTo("REJECTED");
        JsonNode last = record.path("history").get(2);
        assertThat(last.path("reason").asText()).isEqualTo(reason);
        assertThat(last.path("actor").asText()).isEqualTo(officer.account().id());
        assertThat(json(call(token, "POST", "/records/" + recordId + "/approve", "{}"), 409).path("error").asText())
                .isEqualTo("not_pending");
        assertThat(admin.callAsAdmin("GET", "/users?exact=true&username=" + nationalId, null).body())
                .as("no account for a rejected record").isEqualTo("[]");
    }

    @Test
    @DisplayName("an officer never decides his own record, nor another officer's; an administrator is no officer")
    void ownAndColleaguesRecordsRefused() throws Exception {
        Officer officer = newOfficer("Nông Văn Dền", "COMMUNE:00004");
        String token = token(officer);
        String own = enrol(token, officer.account().nationalId(), "Nông Văn Dền", AdminApi.newPhone(), TRUC_BACH);
        assertThat(json(call(token, "POST", "/records/" + own + "/approve", "{}"), 403).path("error").asText())
                .isEqualTo("own_record");
        assertThat(json(call(token, "POST", "/records/" + own + "/reject",
                "{\"reason\":\"Tự từ chối hồ sơ của mình\"}"), 403).path("error").asText()).isEqualTo("own_record");

        String colleague = enrol(token, quanMot.account().nationalId(), "Huỳnh Thị Mỹ", AdminApi.newPhone(),
                TRUC_BACH);
        assertThat(json(call(token, "POST", "/records/" + colleague + "/approve", "{}"), 403).path("error").asText())
                .isEqualTo("officer_record");
        assertThat(json(call(admin.token(), "GET", "/records", null), 403).path("error").asText())
                .isEqualTo("not_an_officer");
    }

    @Test
    @DisplayName("wrong phone, wrong code, a replaced code and too many tries: one neutral message; resends limited")
    void wrongAndReplacedCodes() throws Exception {
        String token = token(newOfficer("Chu Văn An", "PROVINCE:01"));
        String nationalId = AdminApi.newNationalId();
        String phone = AdminApi.newPhone();
        String recordId = enrol(token, nationalId, "Lý Thị Hằng", phone, TRUC_BACH);
        json(call(token, "POST", "/records/" + recordId + "/approve", "{}"), 200);
        String first = activationCode(phone);

        Browser browser = new Browser("en");
        ActivationCodePage page = openActivation(browser, oidc.login());
        ActivationCodePage wrongPhone = new ActivationCodePage(browser, page.submit(nationalId, AdminApi.newPhone(),
                first));
        String neutral = wrongPhone.codeError();
        assertThat(neutral).contains("does not match");
        ActivationCodePage wrongCode = new ActivationCodePage(browser, wrongPhone.submit(nationalId, phone,
                first.equals("11111111") ? "22222222" : "11111111"));
        assertThat(wrongCode.codeError()).isEqualTo(neutral);
        ActivationCodePage unknown = new ActivationCodePage(browser, wrongCode.submit(AdminApi.newNationalId(), phone,
                first));
        assertThat(unknown.codeError()).as("no record: the same words").isEqualTo(neutral);
        ActivationCodePage malformed = new ActivationCodePage(browser, unknown.submit("12345", phone, first));
        assertThat(malformed.idError()).as("a format error is told precisely").isNotBlank();

        // A new code from the desk replaces the first.
        JsonNode resent = json(call(token, "POST", "/records/" + recordId + "/activation-code", "{}"), 200);
        assertThat(resent.path("activationSmsSent").asBoolean()).isTrue();
        String second = activationCode(phone);
        ActivationCodePage replaced = new ActivationCodePage(browser, malformed.submit(nationalId, phone, first));
        assertThat(replaced.codeError()).isEqualTo(neutral);

        // Five wrong codes use the second code up: even the right one then fails.
        ActivationCodePage current = replaced;
        for (int i = 0; i < 5; i++) {
            String wrong = String.format("%08d", (Integer.parseInt(second) + 1 + i) % 100_000_000);
            current = new ActivationCodePage(browser, current.submit(nationalId, phone, wrong));
            assertThat(current.codeError()).isEqualTo(neutral);
        }
        assertThat(new ActivationCodePage(browser, current.submit(nationalId, phone, second)).codeError())
                .isEqualTo(neutral);
        assertThat(json(call(token, "GET", "/records/" + recordId, null), 200).path("status").asText())
                .isEqualTo("APPROVED");

        // Three new codes per record at most.
        json(call(token, "POST", "/records/" + recordId + "/activation-code", "{}"), 200);
        json(call(token, "POST", "/records/" + recordId + "/activation-code", "{}"), 200);
        assertThat(json(call(token, "POST", "/records/" + recordId + "/activation-code", "{}"), 429).path("error")
                .asText()).isEqualTo("resend_limit");
        // The latest code works: a new code brings new tries.
        Browser fresh = new Browser();
        ActivationPasswordPage password = new ActivationPasswordPage(fresh, openActivation(fresh, oidc.login())
                .submit(nationalId, phone, activationCode(phone)));
        assertThat(password.title()).isNotBlank();
    }

    @Test
    @DisplayName("approving an existing level-1 account upgrades it in place: same id, level 2 and the new phone")
    void upgradeKeepsTheAccount() throws Exception {
        AdminApi.Citizen citizen = admin.createCitizen("Trịnh Văn Quyết", AdminApi.newPhone(), true, 1);
        String newPhone = AdminApi.newPhone();
        String token = token(newOfficer("Mạc Văn Khoa", "PROVINCE:01"));
        String recordId = enrol(token, citizen.nationalId(), "Trịnh Văn Quyết", newPhone, TRUC_BACH);

        JsonNode approved = json(call(token, "POST", "/records/" + recordId + "/approve", "{}"), 200);
        assertThat(approved.path("accountCreated").asBoolean()).isFalse();
        assertThat(approved.path("userId").asText()).isEqualTo(citizen.id());
        assertThat(admin.attribute(citizen.id(), "vneidLevel")).as("until activation").isEqualTo("1");
        assertThat(admin.attribute(citizen.id(), "phoneNumber")).isEqualTo(citizen.phone());

        Browser browser = new Browser();
        ActivationDonePage done = new ActivationDonePage(browser, new ActivationPasswordPage(browser,
                openActivation(browser, oidc.login()).submit(citizen.nationalId(), newPhone, activationCode(newPhone)))
                .submit(PASSWORD));
        assertThat(done.title()).isNotBlank();
        assertThat(admin.attribute(citizen.id(), "vneidLevel")).isEqualTo("2");
        assertThat(admin.attribute(citizen.id(), "phoneNumber")).isEqualTo(newPhone);
        assertThat(admin.attribute(citizen.id(), "phoneNumberVerified")).isEqualTo("true");
        JsonNode users = JSON.readTree(admin.callAsAdmin("GET", "/users?exact=true&username=" + citizen.nationalId(),
                null).body());
        assertThat(users).hasSize(1);
        assertThat(users.get(0).path("id").asText()).isEqualTo(citizen.id());

        // The old password is gone; the new one with a code to the new phone signs in.
        Browser other = new Browser();
        LoginPage old = new LoginPage(other, LoginPage.open(other, oidc.login()).submit(citizen.nationalId(),
                citizen.password()));
        assertThat(old.idError()).isNotBlank();
        // Counted on Keycloak's brute-force thread; a try before it has would be refused as locked.
        assertThat(admin.awaitFailures(citizen.id(), 1)).isEqualTo(1);
        OidcClient.Login login = oidc.login();
        Browser next = new Browser();
        OidcClient.Tokens tokens = login.finish(LoginPage.signIn(next, login, citizen.nationalId(), PASSWORD)
                .submitCode(outbox.lastCodeTo(newPhone)).redirectTarget());
        assertThat(tokens.idToken().getSubject().getValue()).isEqualTo(citizen.id());
    }

    @Test
    @DisplayName("two officers approve the same record at once: one account, one 200, one 409")
    void concurrentApprovals() throws Exception {
        String token = token(newOfficer("Thân Văn Nhân", "PROVINCE:01"));
        String nationalId = AdminApi.newNationalId();
        String phone = AdminApi.newPhone();
        String recordId = enrol(token, nationalId, "Vi Văn Tài", phone, TRUC_BACH);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return call(token, "POST", "/records/" + recordId + "/approve", "{}");
                }));
            }
            start.countDown();
        } finally {
            threads.shutdown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            statuses.add(answer.get(120, TimeUnit.SECONDS).statusCode());
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(JSON.readTree(admin.callAsAdmin("GET", "/users?exact=true&username=" + nationalId, null).body()))
                .hasSize(1);
        assertThat(outbox.countTo(phone)).as("one activation SMS").isEqualTo(1);
        assertThat(Map.of("status", json(call(token, "GET", "/records/" + recordId, null), 200).path("status")
                .asText())).containsEntry("status", "APPROVED");
    }
}
