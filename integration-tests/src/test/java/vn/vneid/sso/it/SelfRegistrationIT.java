package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.it.pages.LoginPage;
import vn.vneid.sso.it.pages.RegisterCodePage;
import vn.vneid.sso.it.pages.RegisterDonePage;
import vn.vneid.sso.it.pages.RegisterIdentityPage;
import vn.vneid.sso.it.pages.RegisterPasswordPage;
import vn.vneid.sso.it.pages.SmsCodePage;
import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.Browser;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.OidcClient;
import vn.vneid.sso.it.support.SmsOutbox;

/**
 * Level-1 self-registration (issue #15): the people are those of realm-config/vneid-population.json, their phones
 * those of realm-config/vneid-subscribers.json; each test that creates an account uses its own person.
 */
@DisplayName("Level-1 self-registration: checked against the population registry, the citizen's own phone proven by"
        + " SMS, a level-1 account from the registry's data")
class SelfRegistrationIT {

    static final String FLOW = "vneid registration";
    static final String IDENTITY_STEP = "vneid-register-identity";
    static final String PASSWORD = "Sen-hong-giua-ho-2026";
    static final String NO_MATCH = "Thông tin đã nhập không khớp với Cơ sở dữ liệu quốc gia về dân cư. Vui lòng kiểm tra"
            + " lại họ tên (có dấu), ngày sinh và giới tính như trên thẻ căn cước.";
    static final String REGISTRY_DOWN = "Hiện không thể đối chiếu với Cơ sở dữ liệu quốc gia về dân cư. Vui lòng thử lại"
            + " sau ít phút.";
    static final ObjectMapper JSON = new ObjectMapper();

    static KeycloakServer server;
    static OidcClient oidc;
    static AdminApi admin;
    static SmsOutbox outbox;
    static Map<String, String> identityConfig;

    @BeforeAll
    static void server() {
        server = KeycloakServer.get();
        oidc = OidcClient.demo(server);
        admin = new AdminApi(server);
        outbox = new SmsOutbox(server.outbox());
        // The whole suite comes from one address and tries some numbers often: the limits' own test sets them back.
        identityConfig = admin.updateExecutionConfig(FLOW, IDENTITY_STEP,
                Map.of("lookup-limit-per-address-hour", "0", "lookup-limit-per-id-day", "0"));
    }

    @AfterAll
    static void restore() {
        admin.restoreExecutionConfig(FLOW, IDENTITY_STEP, identityConfig);
    }

    static RegisterIdentityPage openRegistration(Browser browser) {
        return LoginPage.open(browser, oidc.login()).register();
    }

    static JsonNode userByUsername(String username) throws IOException {
        JsonNode users = JSON.readTree(admin.callAsAdmin("GET", "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8), null).body());
        return users.size() == 0 ? null : users.get(0);
    }

    static String attribute(JsonNode user, String name) {
        JsonNode values = user.path("attributes").path(name);
        return values.isArray() && values.size() > 0 ? values.get(0).asText() : null;
    }

    /** From the login page's link to the password page. */
    static RegisterPasswordPage upToPassword(Browser browser, String id, String name, String birth, String gender,
            String phone) {
        RegisterCodePage code = new RegisterCodePage(browser,
                openRegistration(browser).submit(id, name, birth, gender, phone));
        return new RegisterPasswordPage(browser, code.submitCode(outbox.lastCodeTo("+84" + phone.substring(1))));
    }

    @Nested
    @DisplayName("Given a citizen of 36 in the population registry, with a phone in her name")
    class HappyPath {

        @Test
        @DisplayName("she registers from the login page's link, typing her name in her own spelling, and signs in at"
                + " level 1 with the data of the registry")
        void registersAndSignsIn() throws Exception {
            admin.deleteUserNamed("001190100001"); // registered by an earlier run of this test, if run again
            Browser browser = new Browser();
            LoginPage login = LoginPage.open(browser, oidc.login());
            assertThat(login.registerLabel()).isEqualTo("Đăng ký tài khoản mức 1");
            RegisterIdentityPage identity = login.register();
            assertThat(identity.title()).isEqualTo("Đăng ký tài khoản định danh điện tử mức 1");
            assertThat(identity.text()).contains("Ảnh chân dung được chụp trong ứng dụng VNeID");

            // Lower case, two blanks and the new tone-mark spelling "Hoà": the registry writes "Nguyễn Thị Hòa".
            int before = outbox.countTo("+84978100001");
            RegisterCodePage code = new RegisterCodePage(browser,
                    identity.submit("001 190 100 001", "nguyễn  thị hoà", "20/05/1990", "female", "0978 100 001"));
            assertThat(code.info()).contains("*******001").doesNotContain("978100001");
            assertThat(outbox.countTo("+84978100001")).isEqualTo(before + 1);
            assertThat(userByUsername("001190100001")).as("no account before the code").isNull();

            RegisterPasswordPage password = new RegisterPasswordPage(browser,
                    code.submitCode(outbox.lastCodeTo("+84978100001")));
            RegisterDonePage done = new RegisterDonePage(browser, password.submit(PASSWORD));
            assertThat(done.created()).isTrue();
            assertThat(done.title()).isEqualTo("Đã tạo tài khoản mức 1");

            JsonNode user = userByUsername("001190100001");
            assertThat(user).isNotNull();
            assertThat(attribute(user, "fullName")).isEqualTo("Nguyễn Thị Hòa");
            assertThat(attribute(user, "birthdate")).isEqualTo("1990-05-20");
            assertThat(attribute(user, "gender")).isEqualTo("female");
            assertThat(attribute(user, "placeOfResidence")).isEqualTo("Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội");
            assertThat(attribute(user, "phoneNumber")).isEqualTo("+84978100001");
            assertThat(attribute(user, "phoneNumberVerified")).isEqualTo("true");
            assertThat(attribute(user, "vneidLevel")).isEqualTo("1");
            assertThat(admin.sessionCount(user.path("id").asText())).as("registration signs no one in").isZero();

            // A normal sign-in follows: password, then the SMS code, at level 1.
            assertThat(done.signIn().idLabel()).isNotEmpty();
            OidcClient.Login fresh = oidc.login();
            SmsCodePage otherBrowser = LoginPage.signIn(new Browser(), fresh, "001190100001", PASSWORD);
            OidcClient.Tokens tokens = fresh.finish(
                    otherBrowser.submitCode(outbox.lastCodeTo("+84978100001")).redirectTarget());
            assertThat(tokens.idToken().getACR().getValue()).isEqualTo("vneid-l1");
            assertThat(tokens.idToken().getStringClaim("preferred_username")).isEqualTo("001190100001");

            List<String> steps = new ArrayList<>();
            admin.events(user.path("id").asText()).forEach(event -> steps.add(event.path("type").asText() + ":"
                    + event.path("details").path("vneid_registration").asText()));
            assertThat(steps).contains("REGISTER:created");
        }

        @Test
        @DisplayName("a password with her birth date or a common one is refused at registration as everywhere")
        void passwordPolicy() throws Exception {
            admin.deleteUserNamed("031200100004");
            Browser browser = new Browser();
            RegisterPasswordPage page = upToPassword(browser, "031200100004", "Phạm Văn Long", "08/08/2000", "male",
                    "0978100004");
            page = new RegisterPasswordPage(browser, page.submit("Long-08/08/2000"));
            assertThat(page.passwordError()).isEqualTo("Mật khẩu không được chứa ngày sinh của bạn.");
            page = new RegisterPasswordPage(browser, page.submit("QwertyUiop"));
            assertThat(page.passwordError()).startsWith("Mật khẩu này quá phổ biến");
            page = new RegisterPasswordPage(browser, page.submit("Goi-0978100004"));
            assertThat(page.passwordError()).isEqualTo("Mật khẩu không được chứa số điện thoại của bạn.");
            page = new RegisterPasswordPage(browser, page.submit("Ngan-9"));
            assertThat(page.passwordError()).isEqualTo("Mật khẩu phải có ít nhất 10 ký tự.");
            assertThat(userByUsername("031200100004")).as("no account while the password is refused").isNull();
            assertThat(new RegisterDonePage(browser, page.submit(PASSWORD)).created()).isTrue();
            assertThat(userByUsername("031200100004")).isNotNull();
        }
    }

    @Nested
    @DisplayName("Given data that is not the registry's")
    class Refusals {

        @Test
        @DisplayName("a name without diacritics, another birth date and an unknown number get one and the same"
                + " answer, and no SMS")
        void mismatchesLookAlike() {
            Browser browser = new Browser();
            RegisterIdentityPage page = openRegistration(browser);
            int before = outbox.countTo("+84978100005");
            page = new RegisterIdentityPage(browser,
                    page.submit("040301100005", "Dang Thi Ngoc Anh", "12/12/2001", "female", "0978100005"));
            assertThat(page.message()).isEqualTo(NO_MATCH);
            // What the citizen typed comes back to be corrected.
            assertThat(page.fieldValue("fullName")).isEqualTo("Dang Thi Ngoc Anh");
            page = new RegisterIdentityPage(browser,
                    page.submit("040301100005", "Đặng Thị Ngọc Ánh", "13/12/2001", "female", "0978100005"));
            assertThat(page.message()).isEqualTo(NO_MATCH);
            page = new RegisterIdentityPage(browser,
                    page.submit("040301999999", "Đặng Thị Ngọc Ánh", "12/12/2001", "female", "0978100005"));
            assertThat(page.message()).isEqualTo(NO_MATCH);
            assertThat(outbox.countTo("+84978100005")).isEqualTo(before);

            // Case, blanks and Unicode form are not differences: the same person is found.
            RegisterCodePage code = new RegisterCodePage(browser, page.submit("040301100005",
                    " ĐẶNG THỊ NGỌC ÁNH ", "2001-12-12", "female", "0978100005"));
            assertThat(code.info()).contains("6");
        }

        @Test
        @DisplayName("a sex or birth year the number itself contradicts is shown on the number, before any lookup")
        void numberContradictsTypedData() {
            Browser browser = new Browser();
            RegisterIdentityPage page = new RegisterIdentityPage(browser, openRegistration(browser)
                    .submit("040301100005", "Đặng Thị Ngọc Ánh", "12/12/2001", "male", "0978100005"));
            assertThat(page.fieldError("nationalId"))
                    .isEqualTo("Số định danh không khớp với năm sinh hoặc giới tính đã nhập. Vui lòng kiểm tra lại.");
            page = new RegisterIdentityPage(browser,
                    page.submit("04030110000", "", "31/02/2001", "", "12345"));
            assertThat(page.fieldError("nationalId")).isNotEmpty();
            assertThat(page.fieldError("fullName")).isEqualTo("Vui lòng nhập họ và tên.");
            assertThat(page.fieldError("birthDate")).isEqualTo("Vui lòng nhập ngày sinh hợp lệ theo dạng ngày/tháng/năm.");
            assertThat(page.fieldError("gender")).isEqualTo("Vui lòng chọn giới tính.");
            assertThat(page.fieldError("phone")).isNotEmpty();
            assertThat(page.status()).isEqualTo(200);
        }

        @Test
        @DisplayName("a deceased person cannot be registered: the citizen is sent to the commune police")
        void deceased() throws Exception {
            Browser browser = new Browser();
            RegisterIdentityPage page = new RegisterIdentityPage(browser, openRegistration(browser)
                    .submit("038045100006", "Hoàng Văn Tư", "03/03/1945", "male", "0978100013"));
            assertThat(page.message()).isEqualTo("Không thể đăng ký trực tuyến tài khoản cho số định danh này. Vui"
                    + " lòng liên hệ Công an cấp xã nơi cư trú.");
            assertThat(userByUsername("038045100006")).isNull();
        }

        @Test
        @DisplayName("a child under 14 is referred to a parent's level-2 account")
        void underFourteen() throws Exception {
            Browser browser = new Browser();
            RegisterIdentityPage page = new RegisterIdentityPage(browser, openRegistration(browser)
                    .submit("092322100007", "Nguyễn Ngọc Bảo Anh", "01/06/2022", "female", "0978100013"));
            assertThat(page.message()).startsWith("Công dân dưới 14 tuổi không tự đăng ký được.")
                    .contains("tài khoản định danh điện tử mức 2");
            assertThat(userByUsername("092322100007")).isNull();
        }

        @Test
        @DisplayName("a phone registered to someone else, or a data-only SIM, is refused with the subscriber"
                + " registry's reason")
        void phoneNotTheCitizens() {
            Browser browser = new Browser();
            int before = outbox.countTo("+84978100001");
            RegisterIdentityPage page = new RegisterIdentityPage(browser, openRegistration(browser)
                    .submit("036187100009", "Vũ Thị Hạnh", "04/04/1987", "female", "0978100001"));
            assertThat(page.fieldError("phone")).isNotEmpty();
            assertThat(outbox.countTo("+84978100001")).isEqualTo(before);
            String otherOwner = page.fieldError("phone");
            page = new RegisterIdentityPage(browser,
                    page.submit("056199100012", "Đỗ Thị Lan Anh", "19/09/1999", "female", "0978100012"));
            assertThat(page.fieldError("phone")).isNotEmpty().isNotEqualTo(otherOwner);
            assertThat(outbox.countTo("+84978100012")).isZero();
        }

        @Test
        @DisplayName("wrong SMS codes are counted; after the last try the registration starts again and nothing is"
                + " created")
        void wrongCode() throws Exception {
            Browser browser = new Browser();
            RegisterCodePage code = new RegisterCodePage(browser, openRegistration(browser)
                    .submit("048188100003", "Lê Thị Thuỷ", "30/01/1988", "female", "0978100003"));
            String right = outbox.lastCodeTo("+84978100003");
            String wrong = right.equals("000000") ? "111111" : "000000";
            code = new RegisterCodePage(browser, code.submitCode(wrong));
            assertThat(code.codeError()).startsWith("Mã xác thực không đúng");
            for (int i = 0; i < 3; i++) {
                code = new RegisterCodePage(browser, code.submitCode(wrong));
            }
            RegisterIdentityPage again = new RegisterIdentityPage(browser, code.submitCode(wrong));
            assertThat(again.message()).isEqualTo("Bạn đã nhập sai mã quá nhiều lần. Vui lòng nhập lại thông tin để"
                    + " đăng ký.");
            assertThat(userByUsername("048188100003")).isNull();
        }
    }

    @Nested
    @DisplayName("Given a number that already has an account")
    class Duplicate {

        @Test
        @DisplayName("the data page says nothing of it; once the phone's code is right, a neutral page points to sign-in"
                + " and the forgotten password, and the account is untouched")
        void duplicate() throws Exception {
            AdminApi.Citizen existing = admin.createCitizen("082198100022", "1998-04-30", "Dương Thị Thùy Dung",
                    "+84978100022", true, 1);
            Browser browser = new Browser();
            RegisterCodePage code = new RegisterCodePage(browser, openRegistration(browser)
                    .submit("082198100022", "Dương Thị Thùy Dung", "30/04/1998", "female", "0978100022"));
            RegisterDonePage exists = new RegisterDonePage(browser,
                    code.submitCode(outbox.lastCodeTo("+84978100022")));
            assertThat(exists.created()).isFalse();
            assertThat(exists.title()).isEqualTo("Số định danh đã có tài khoản");
            assertThat(exists.offersForgottenPassword()).isTrue();
            assertThat(exists.text()).doesNotContain("Dương").doesNotContain("978100022");
            assertThat(admin.attribute(existing.id(), "fullName")).isEqualTo("Dương Thị Thùy Dung");
            assertThat(exists.signIn().title()).isNotEmpty();
            // The old password still opens the account.
            OidcClient.Login login = oidc.login();
            SmsCodePage sms = LoginPage.signIn(new Browser(), login, existing.nationalId(), existing.password());
            assertThat(login.finish(sms.submitCode(outbox.lastCodeTo("+84978100022")).redirectTarget())
                    .idToken().getACR().getValue()).isEqualTo("vneid-l1");
        }
    }

    @Nested
    @DisplayName("Given a forged form")
    class AttackSurface {

        @Test
        @DisplayName("the realm's user profile lets no one but our code write the level, the phone or its proof")
        void userProfileKeepsTheTrustAttributesReadOnly() throws Exception {
            JsonNode profile = JSON.readTree(admin.callAsAdmin("GET", "/users/profile", null).body());
            for (JsonNode attribute : profile.path("attributes")) {
                String name = attribute.path("name").asText();
                if (List.of("vneidLevel", "phoneNumber", "phoneNumberVerified").contains(name)) {
                    assertThat(attribute.path("permissions").path("edit")).as(name).isEmpty();
                }
                if (!"email".equals(name)) {
                    assertThat(attribute.path("permissions").path("edit").toString()).as(name)
                            .doesNotContain("\"user\"");
                }
            }
            assertThat(profile.path("unmanagedAttributePolicy").isMissingNode()
                    || profile.path("unmanagedAttributePolicy").isNull()).as("unmanaged attributes are not writable")
                    .isTrue();
        }

        @Test
        @DisplayName("a level, a verified flag, locks, an officer's unit, another username or name posted with every"
                + " step are ignored: the account is level 1 with the registry's data")
        void extraFieldsAreIgnored() throws Exception {
            admin.deleteUserNamed("079095100002");
            Map<String, String> forged = Map.ofEntries(
                    Map.entry("vneidLevel", "2"), Map.entry("user.attributes.vneidLevel", "2"),
                    Map.entry("phoneNumberVerified", "true"), Map.entry("phoneNumber", "+84912345678"),
                    Map.entry("user.attributes.phoneNumber", "+84912345678"),
                    Map.entry("vneidCardLostLock", "true"), Map.entry("vneidPhoneRebindNeedsChip", "true"),
                    Map.entry("vneidOfficerUnit", "79"), Map.entry("roles", "vneid-officer"),
                    Map.entry("username", "001085012345"), Map.entry("email", "ke.gian@example.com"),
                    Map.entry("firstName", "Kẻ"), Map.entry("placeOfResidence", "Nơi khác"),
                    Map.entry("birthdate", "1970-01-01"), Map.entry("gender", "female"));
            Browser browser = new Browser();
            RegisterIdentityPage identity = openRegistration(browser);
            Map<String, String> identityForged = new java.util.HashMap<>(forged);
            identityForged.remove("gender");
            RegisterCodePage code = new RegisterCodePage(browser, identity.submit("079095100002", "Trần Minh Đức",
                    "02/11/1995", "male", "0978100002", identityForged));
            RegisterPasswordPage password = new RegisterPasswordPage(browser,
                    code.submitCode(outbox.lastCodeTo("+84978100002"), forged));
            assertThat(new RegisterDonePage(browser, password.submit(PASSWORD, forged)).created()).isTrue();

            // Unmanaged attributes are hidden from the admin API: show them for this check only.
            JsonNode user = withUnmanagedAttributesVisible(() -> userByUsername("079095100002"));
            assertThat(user.path("username").asText()).isEqualTo("079095100002");
            assertThat(attribute(user, "vneidLevel")).isEqualTo("1");
            assertThat(attribute(user, "phoneNumber")).isEqualTo("+84978100002");
            assertThat(attribute(user, "birthdate")).isEqualTo("1995-11-02");
            assertThat(attribute(user, "gender")).isEqualTo("male");
            assertThat(attribute(user, "placeOfResidence")).isEqualTo("Phường Bến Thành, Quận 1, Thành phố Hồ Chí Minh");
            assertThat(user.path("attributes").has("vneidCardLostLock")).isFalse();
            assertThat(user.path("attributes").has("vneidPhoneRebindNeedsChip")).isFalse();
            assertThat(user.path("attributes").has("vneidOfficerUnit")).isFalse();
            assertThat(user.path("email").isMissingNode() || user.path("email").isNull()).isTrue();
            assertThat(user.path("firstName").isMissingNode() || user.path("firstName").isNull()).isTrue();
            JsonNode roles = JSON.readTree(admin.callAsAdmin("GET", "/users/" + user.path("id").asText()
                    + "/role-mappings/realm/composite", null).body());
            roles.forEach(role -> assertThat(role.path("name").asText()).isNotEqualTo("vneid-officer"));
            // The demo account whose username was posted is untouched.
            assertThat(attribute(userByUsername("001085012345"), "vneidLevel")).isEqualTo("2");
        }

        interface Read<T> {
            T get() throws Exception;
        }

        <T> T withUnmanagedAttributesVisible(Read<T> read) throws Exception {
            String original = admin.callAsAdmin("GET", "/users/profile", null).body();
            ObjectNode visible = (ObjectNode) JSON.readTree(original);
            visible.put("unmanagedAttributePolicy", "ADMIN_VIEW");
            assertThat(admin.callAsAdmin("PUT", "/users/profile", visible.toString()).statusCode()).isEqualTo(200);
            try {
                return read.get();
            } finally {
                assertThat(admin.callAsAdmin("PUT", "/users/profile", original).statusCode()).isEqualTo(200);
            }
        }

        @Test
        @DisplayName("the registry lookups per address and per number are limited, so the page cannot mine the"
                + " registry")
        void lookupLimits() {
            Map<String, String> previous = admin.updateExecutionConfig(FLOW, IDENTITY_STEP,
                    Map.of("lookup-limit-per-address-hour", "0", "lookup-limit-per-id-day", "2"));
            try {
                Browser browser = new Browser();
                RegisterIdentityPage page = openRegistration(browser);
                for (int i = 0; i < 2; i++) {
                    page = new RegisterIdentityPage(browser,
                            page.submit("001099100015", "Trịnh Văn Hậu", "01/01/1999", "male", "0978100015"));
                    assertThat(page.message()).isEqualTo(NO_MATCH);
                }
                page = new RegisterIdentityPage(browser,
                        page.submit("001099100015", "Trịnh Văn Hậu", "28/02/1999", "male", "0978100015"));
                assertThat(page.message()).startsWith("Số định danh này đã được thử đăng ký quá nhiều lần hôm nay");

                admin.updateExecutionConfig(FLOW, IDENTITY_STEP,
                        Map.of("lookup-limit-per-address-hour", "2", "lookup-limit-per-id-day", "0"));
                Browser another = new Browser();
                RegisterIdentityPage other = openRegistration(another);
                String refusal = null;
                for (int i = 0; i < 4 && refusal == null; i++) {
                    other = new RegisterIdentityPage(another,
                            other.submit("046070100013", "Tôn Thất Quang", "08/07/1970", "male", "0978100013"));
                    if (other.message().startsWith("Có quá nhiều yêu cầu đăng ký từ mạng của bạn")) {
                        refusal = other.message();
                    } else {
                        assertThat(other.message()).isEqualTo(NO_MATCH);
                    }
                }
                assertThat(refusal).as("the address limit refused a lookup").isNotNull();
            } finally {
                admin.restoreExecutionConfig(FLOW, IDENTITY_STEP, previous);
            }
        }
    }

    @Nested
    @DisplayName("Given the http population registry")
    class HttpRegistry {

        @Test
        @DisplayName("503 answers and timeouts become 'try again later', never an error page; a record it answers"
                + " leads on to the code")
        void registryDownOrSlow() throws Exception {
            AtomicInteger mode = new AtomicInteger(503);
            AtomicInteger calls = new AtomicInteger();
            HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", server.populationRegistryPort()), 0);
            stub.createContext("/population", exchange -> {
                calls.incrementAndGet();
                String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (mode.get() == 0) {
                    sleep(8000); // longer than the server's read timeout (5 s, KeycloakServer)
                    exchange.close();
                    return;
                }
                byte[] body = mode.get() == 200 && request.contains("027165100014")
                        ? ("{\"nationalId\":\"027165100014\",\"fullName\":\"Ngô Thị Xuân\",\"birthDate\":"
                        + "\"1965-02-14\",\"gender\":\"female\",\"placeOfResidence\":\"Từ registry http\"}")
                        .getBytes(StandardCharsets.UTF_8) : new byte[0];
                int status = mode.get() == 200 && body.length == 0 ? 404 : mode.get();
                exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            // Each request on its own thread: a slow answer must not hold the next one back.
            stub.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            stub.start();
            Map<String, String> previous = admin.updateExecutionConfig(FLOW, IDENTITY_STEP,
                    Map.of("population-registry", "http"));
            try {
                Browser browser = new Browser();
                RegisterIdentityPage page = new RegisterIdentityPage(browser, openRegistration(browser)
                        .submit("027165100014", "Ngô Thị Xuân", "14/02/1965", "female", "0978100014"));
                assertThat(page.status()).isEqualTo(200);
                assertThat(page.message()).isEqualTo(REGISTRY_DOWN);
                // Asked, and retried at most once (a first attempt may time out connecting on a loaded machine: the
                // retry count itself is HttpPopulationClientTest's).
                assertThat(calls.get()).as("the registry was asked").isBetween(1, 2);

                mode.set(0);
                page = new RegisterIdentityPage(browser,
                        page.submit("027165100014", "Ngô Thị Xuân", "14/02/1965", "female", "0978100014"));
                assertThat(page.message()).isEqualTo(REGISTRY_DOWN);

                mode.set(200);
                RegisterCodePage code = new RegisterCodePage(browser,
                        page.submit("027165100014", "Ngô Thị Xuân", "14/02/1965", "female", "0978100014"));
                assertThat(code.info()).isNotEmpty();
            } finally {
                stub.stop(0); // first: a failed restore must not leave the port bound for the next test
                admin.restoreExecutionConfig(FLOW, IDENTITY_STEP, previous);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
