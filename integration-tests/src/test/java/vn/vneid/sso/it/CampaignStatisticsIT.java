package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.it.pages.LoginPage;
import vn.vneid.sso.it.stats.DemoExpectations;
import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.Browser;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.ServiceAccountClient;
import vn.vneid.sso.it.support.SmsOutbox;

/**
 * Issue #15 parts 5 and 6: the demo (realm-config/demo/stats, the seed's figures at 1:1000, Đông Hòa Hiệp at 1:10) is
 * loaded through the endpoints, and every figure the endpoint gives is compared with the one computed here from the
 * same files ({@link DemoExpectations}).
 */
@DisplayName("Campaign statistics: the demo's figures, drill-down, CSV, access, and figures that move")
class CampaignStatisticsIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final LocalDate END_OF_2023 = LocalDate.of(2024, 1, 1);
    static KeycloakServer server;
    static AdminApi admin;
    static SmsOutbox outbox;
    static DemoExpectations expected;

    @BeforeAll
    static void loadDemo() throws Exception {
        server = KeycloakServer.get();
        admin = new AdminApi(server);
        outbox = new SmsOutbox(server.outbox());
        expected = new DemoExpectations();
        assertThat(post(admin.token(), "POST", "/vneid-stats/demo/units", demoFile("units.csv")).statusCode())
                .isEqualTo(200);
        HttpResponse<String> targets = post(admin.token(), "PUT", "/vneid-stats/targets", demoFile("targets.csv"));
        assertThat(targets.statusCode()).as(targets.body()).isEqualTo(200);
        HttpResponse<String> records = post(admin.token(), "POST", "/vneid-stats/demo/records",
                demoFile("records.csv"));
        assertThat(records.statusCode()).as(records.body()).isEqualTo(200);
    }

    static String demoFile(String name) throws IOException {
        return Files.readString(DemoExpectations.DIR.resolve(name));
    }

    static HttpResponse<String> post(String token, String method, String path, String csv) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(adminUri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv; charset=utf-8").header("Accept-Language", "vi")
                .method(method, HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI adminUri(String path) {
        return server.baseUri().resolve("/admin/realms/" + KeycloakServer.REALM + path);
    }

    static HttpResponse<String> get(String token, String query, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(adminUri("/vneid-stats/figures?" + query))
                .header("Authorization", "Bearer " + token).header("Accept", accept).header("Accept-Language", "en")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode figures(String query) throws Exception {
        HttpResponse<String> response = get(admin.token(), query, "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static JsonNode row(JsonNode table, String code) {
        for (JsonNode row : table.path("rows")) {
            if (row.path("code").asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row " + code + " in " + table);
    }

    static void assertFigures(JsonNode actual, Map<String, Object> expectedFigures) {
        expectedFigures.forEach((field, value) -> {
            JsonNode node = actual.path(field);
            if (value == null) {
                assertThat(node.isNull()).as("%s of %s", field, actual.path("name")).isTrue();
            } else if (value instanceof String percent) {
                assertThat(node.decimalValue()).as("%s of %s", field, actual.path("name"))
                        .isEqualByComparingTo(new BigDecimal(percent));
            } else {
                assertThat(node.asLong()).as("%s of %s", field, actual.path("name")).isEqualTo(value);
            }
        });
    }

    @Test
    @DisplayName("provinces in 2023: every figure equals the one computed from the demo files, and the seed's ratios show")
    void provinces() throws Exception {
        JsonNode table = figures("period=2023");
        assertThat(table.path("rows")).hasSizeGreaterThanOrEqualTo(63);
        for (String province : List.of("40", "04", "82", "49")) {
            assertFigures(row(table, province), expected.figures("PROVINCE:" + province, "2023", END_OF_2023));
        }
        // Nghệ An, 1:1000: 2,390 records of a 1,708 target (seed: 2,389,718 of 1,708,473 = 139.8 %), 1,899 activated
        JsonNode ngheAn = row(table, "40");
        assertThat(ngheAn.path("collected").asLong()).isEqualTo(2390);
        assertThat(ngheAn.path("collectedPercent").decimalValue()).isEqualByComparingTo("139.93");
        assertThat(ngheAn.path("activatedPercent").decimalValue()).isEqualByComparingTo("111.18");
        // Cao Bằng: 246 activated of 229 (seed: 245,710 of 228,984 = 107.3 %)
        assertThat(row(table, "04").path("activatedPercent").decimalValue()).isEqualByComparingTo("107.42");
        // Quảng Nam's target is for June 2023 only
        assertThat(row(table, "49").path("activatedPercent").isNull()).isTrue();
        JsonNode june = figures("period=2023-06");
        assertFigures(row(june, "49"), expected.figures("PROVINCE:49", "2023-06", LocalDate.of(2023, 7, 1)));
        assertThat(row(june, "49").path("activatedPercent").decimalValue()).isEqualByComparingTo("12.74");
        assertThat(table.path("unit").path("kind").asText()).isEqualTo("COUNTRY");
    }

    @Test
    @DisplayName("drill-down: a province gives its districts, a district its communes; Đông Hòa Hiệp as the paper reports it")
    void drillDown() throws Exception {
        JsonNode districts = figures("period=2023&province=40");
        assertThat(districts.path("unit").path("code").asText()).isEqualTo("40");
        List<String> codes = new ArrayList<>();
        districts.path("rows").forEach(r -> codes.add(r.path("kind").asText() + ":" + r.path("code").asText()));
        assertThat(codes).containsExactlyElementsOf(expected.childrenOf("PROVINCE:40"));
        for (String district : codes) {
            assertFigures(row(districts, district.substring(9)), expected.figures(district, "2023", END_OF_2023));
        }
        assertFigures(districts.path("unit"), expected.figures("PROVINCE:40", "2023", END_OF_2023));

        JsonNode communes = figures("period=2023&district=819");
        codes.clear();
        communes.path("rows").forEach(r -> codes.add(r.path("kind").asText() + ":" + r.path("code").asText()));
        assertThat(codes).containsExactlyElementsOf(expected.childrenOf("DISTRICT:819"));
        JsonNode dongHoaHiep = row(communes, "28411");
        assertFigures(dongHoaHiep, expected.figures("COMMUNE:28411", "2023", END_OF_2023));
        // 1:10 of 7,122 activated at level 2 among 13,869 eligible, 1,221 not activated, 5,286 not registered
        assertThat(dongHoaHiep.path("activatedLevel2").asLong()).isEqualTo(712);
        assertThat(dongHoaHiep.path("eligible").asLong()).isEqualTo(1387);
        assertThat(dongHoaHiep.path("level2ActivatedOfEligiblePercent").decimalValue()).isEqualByComparingTo("51.33");
        assertThat(dongHoaHiep.path("level2ApprovedNotActivated").asLong()).isEqualTo(122);
        assertThat(dongHoaHiep.path("eligibleNotRegistered").asLong()).isEqualTo(529);
        assertFigures(row(communes, "28360"), expected.figures("COMMUNE:28360", "2023", END_OF_2023));

        assertFigures(row(figures("period=2023&district=412"), "16663"),
                expected.figures("COMMUNE:16663", "2023", END_OF_2023));
    }

    @Test
    @DisplayName("CSV (Accept or format=csv): the JSON's figures, a total line, and text a spreadsheet cannot run")
    void csv() throws Exception {
        HttpResponse<String> response = get(admin.token(), "period=2023&province=40", "text/csv");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<List<String>> lines = parseCsv(response.body());
        JsonNode json = figures("period=2023&province=40");
        List<String> header = new ArrayList<>();
        json.path("unit").fieldNames().forEachRemaining(header::add);
        assertThat(lines.get(0)).isEqualTo(header);
        assertThat(lines).hasSize(json.path("rows").size() + 2);
        for (int i = 0; i < json.path("rows").size(); i++) {
            JsonNode row = json.path("rows").get(i);
            for (int c = 0; c < header.size(); c++) {
                JsonNode cell = row.path(header.get(c));
                assertThat(lines.get(i + 1).get(c)).as(header.get(c))
                        .isEqualTo(cell.isNull() ? "" : cell.isNumber() && cell.isFloatingPointNumber()
                                ? cell.decimalValue().setScale(2).toPlainString() : cell.asText());
            }
        }
        List<String> total = lines.get(lines.size() - 1);
        assertThat(total.get(header.indexOf("collected"))).isEqualTo("2390");
        assertThat(total.get(header.indexOf("collectedPercent"))).isEqualTo("139.93");
        assertThat(get(admin.token(), "period=2023&province=40&format=csv", "*/*").body())
                .isEqualTo(response.body());

        // A unit whose name is a formula (Bến Tre has no other demo unit).
        assertThat(post(admin.token(), "POST", "/vneid-stats/demo/units",
                "kind,code,name,parentCode\nDISTRICT,999,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",83\n")
                .statusCode()).isEqualTo(200);
        String evil = get(admin.token(), "period=2023&province=83&format=csv", "*/*").body();
        assertThat(parseCsv(evil).get(1).get(2)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
    }

    static List<List<String>> parseCsv(String text) {
        List<List<String>> lines = new ArrayList<>();
        assertThat(text).startsWith("\uFEFF");
        for (String line : text.substring(1).split("\r\n")) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = !quoted;
                } else if (ch == ',' && !quoted) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            cells.add(cell.toString());
            lines.add(cells);
        }
        return lines;
    }

    @Test
    @DisplayName("bad requests get clear errors; a targets file with bad lines changes nothing and names each line")
    void errors() throws Exception {
        HttpResponse<String> period = get(admin.token(), "period=2023-13", "application/json");
        assertThat(period.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(period.body()).path("error").asText()).isEqualTo("bad_period");
        assertThat(JSON.readTree(period.body()).path("error_description").asText()).contains("quarter");
        assertThat(get(admin.token(), "period=2023&province=99", "application/json").statusCode()).isEqualTo(404);
        assertThat(get(admin.token(), "period=2023&province=40&district=412", "application/json").statusCode())
                .isEqualTo(400);

        HttpResponse<String> bad = post(admin.token(), "PUT", "/vneid-stats/targets",
                "unitKind,unitCode,period,level1Records,level2Records,activations,eligible\n"
                        + "PROVINCE,40,2023,0,1,1,1\n" + "PROVINCE,41,2023,0,1,1,1\n" + "DISTRICT,412,2023,x,1,1,1\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(bad.body());
        assertThat(body.path("error").asText()).isEqualTo("invalid_rows");
        assertThat(body.path("problems")).hasSize(2);
        assertThat(body.path("problems").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(body.path("problems").get(0).path("error").asText()).isEqualTo("unknown_unit");
        assertThat(body.path("problems").get(1).path("field").asText()).isEqualTo("level1Records");
        assertThat(body.path("problems").get(1).path("message").asText()).contains("số nguyên");
        // nothing stored: Nghệ An keeps the demo's target
        assertThat(row(figures("period=2023"), "40").path("targetRecords").asLong()).isEqualTo(1708);
    }

    @Test
    @DisplayName("administrators load districts and communes under official codes: all or nothing, added once, then counted")
    void unitsImport() throws Exception {
        String units = "kind,code,name,parentCode\n"
                + "DISTRICT,024,Thành phố Hà Giang,02\n"
                + "COMMUNE,00688,Phường Quang Trung,024\n"
                + "COMMUNE,00691,Phường Trần Phú,024\n";
        HttpResponse<String> orphan = post(admin.token(), "POST", "/vneid-stats/units",
                units + "COMMUNE,99991,Xã không có huyện,998\n");
        assertThat(orphan.statusCode()).as(orphan.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(orphan.body()).path("problems").get(0);
        assertThat(problem.path("line").asInt()).isEqualTo(5);
        assertThat(problem.path("error").asText()).isEqualTo("unknown_unit");
        assertThat(get(admin.token(), "period=2023&district=024", "application/json").statusCode())
                .as("nothing of the refused file was added").isEqualTo(404);

        String operator = signIn(user("Hà Văn Giang", true));
        HttpResponse<String> notAdmin = post(operator, "POST", "/vneid-stats/units", units);
        assertThat(notAdmin.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(notAdmin.body()).path("error").asText()).isEqualTo("not_an_administrator");

        HttpResponse<String> added = post(admin.token(), "POST", "/vneid-stats/units", units);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(JSON.readTree(added.body()).path("added").asInt()).isEqualTo(3);
        assertThat(JSON.readTree(post(admin.token(), "POST", "/vneid-stats/units", units).body()).path("added")
                .asInt()).as("known units are left as they are").isZero();
        JsonNode district = figures("period=2023&district=024");
        assertThat(district.path("rows").findValuesAsText("code")).containsExactly("00688", "00691");
        assertThat(row(district, "00691").path("name").asText()).isEqualTo("Phường Trần Phú");
    }

    /**
     * Signs in as the operators' page does: the public client, code flow with PKCE S256, the page's own URL as the
     * redirect URI, the code exchanged without a secret. Only the access token matters here.
     */
    static String signIn(AdminApi.Citizen user) throws Exception {
        URI page = server.realmUri().resolve("/realms/" + KeycloakServer.REALM + "/vneid-operator/");
        CodeVerifier verifier = new CodeVerifier();
        URI authorize = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                new ClientID("vneid-operator-console")).scope(new Scope("openid")).redirectionURI(page)
                .state(new State()).codeChallenge(verifier, CodeChallengeMethod.S256)
                .endpointURI(URI.create(server.realmUri() + "/protocol/openid-connect/auth")).build().toURI();
        Browser.Response landed = LoginPage.signIn(new Browser(), authorize, user.nationalId(), user.password())
                .submitCode(outbox.lastCodeTo(user.phone()));
        // the page's own URL is the redirect URI: the browser lands on the page with the code
        assertThat(landed.status()).isEqualTo(200);
        assertThat(landed.uri().toString()).startsWith(page.toString());
        String code = AuthorizationResponse.parse(landed.uri()).toSuccessResponse().getAuthorizationCode().getValue();
        HttpResponse<String> tokens = HTTP.send(HttpRequest.newBuilder(
                        URI.create(server.realmUri() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code"
                        + "&client_id=vneid-operator-console&code=" + code + "&code_verifier=" + verifier.getValue()
                        + "&redirect_uri=" + java.net.URLEncoder.encode(page.toString(), "UTF-8"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return JSON.readTree(tokens.body()).path("access_token").asText();
    }

    static AdminApi.Citizen user(String fullName, boolean operator) {
        String nationalId = AdminApi.newNationalId();
        String phone = AdminApi.newPhone();
        ObjectNode json = AdminApi.citizenJson(nationalId, "1990-05-17", fullName, phone, true, 1);
        if (operator) {
            json.putArray("realmRoles").add("default-roles-vneid").add("vneid-operator");
        }
        return new AdminApi.Citizen(admin.importUser(json), nationalId, AdminApi.DEMO_PASSWORD, phone);
    }

    @Test
    @DisplayName("operators (through the operators' client) and realm administrators read; a citizen gets 403; the demo loaders are for administrators")
    void accessControl() throws Exception {
        String operator = signIn(user("Đặng Văn Thống", true));
        HttpResponse<String> read = get(operator, "period=2023&province=40", "application/json");
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).path("unit").path("collected").asLong()).isEqualTo(2390);
        assertThat(post(operator, "POST", "/vneid-stats/demo/records", demoFile("records.csv")).statusCode())
                .isEqualTo(403);

        String citizen = signIn(user("Lý Thị Kê", false));
        HttpResponse<String> refused = get(citizen, "period=2023", "application/json");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).path("error").asText()).isEqualTo("not_an_operator");
        assertThat(get(citizen, "period=2023&format=csv", "text/csv").statusCode()).isEqualTo(403);
        assertThat(post(citizen, "PUT", "/vneid-stats/targets", demoFile("targets.csv")).statusCode())
                .isEqualTo(403);
        assertThat(HTTP.send(HttpRequest.newBuilder(adminUri("/vneid-stats/figures?period=2023")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("a record sent by a desk shows at once: one more level-2 record, pending for under a day; sent again, no change")
    void figuresMove() throws Exception {
        String year = String.valueOf(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear());
        JsonNode before = row(figures("period=" + year + "&district=819"), "28411");
        RecordIntakeIT.server = server;
        RecordIntakeIT.admin = admin;
        ServiceAccountClient desk = RecordIntakeIT.newDesk(true);
        ObjectNode record = RecordIntakeIT.record("STATS-" + System.nanoTime()).put("communeCode", "28411");
        List<String> results = RecordIntakeIT.results(RecordIntakeIT.send(desk, RecordIntakeIT.batch(record), "vi"));
        assertThat(results).singleElement().asString().endsWith("=accepted");

        JsonNode after = row(figures("period=" + year + "&district=819"), "28411");
        assertThat(after.path("collectedLevel2").asLong()).isEqualTo(before.path("collectedLevel2").asLong() + 1);
        assertThat(after.path("pendingUnder1Day").asLong()).isEqualTo(before.path("pendingUnder1Day").asLong() + 1);
        assertThat(after.path("eligibleNotRegistered").asLong()).isEqualTo(before.path("eligibleNotRegistered").asLong());

        RecordIntakeIT.results(RecordIntakeIT.send(desk, RecordIntakeIT.batch(record), "vi"));
        assertThat(row(figures("period=" + year + "&district=819"), "28411").path("collectedLevel2").asLong())
                .isEqualTo(after.path("collectedLevel2").asLong());
    }

    @Test
    @DisplayName("the operators' page: our script and style only (CSP), vi by default and en on request, linked as the client's home URL")
    void operatorPage() throws Exception {
        URI page = server.realmUri().resolve("/realms/" + KeycloakServer.REALM + "/vneid-operator/");
        HttpResponse<String> vi = HTTP.send(HttpRequest.newBuilder(page).header("Accept-Language", "vi").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(vi.statusCode()).isEqualTo(200);
        assertThat(vi.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'").contains("connect-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe");
        assertThat(vi.body()).contains("Thống kê chiến dịch").contains("\"clientId\":\"vneid-operator-console\"")
                .contains("<script src=\"operator.js\"");
        HttpResponse<String> en = HTTP.send(HttpRequest.newBuilder(URI.create(page + "?lang=en")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(en.body()).contains("VNeID campaign statistics").contains("Activated % of target");
        String script = HTTP.send(HttpRequest.newBuilder(page.resolve("operator.js")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(script).contains("createElementNS('http://www.w3.org/2000/svg'")
                .doesNotContain("https://").doesNotContain("innerHTML");
        JsonNode client = JSON.readTree(admin.callAsAdmin("GET", "/clients?clientId=vneid-operator-console", null)
                .body()).get(0);
        assertThat(client.path("baseUrl").asText()).isEqualTo("/realms/vneid/vneid-operator/");
        assertThat(client.path("publicClient").asBoolean()).isTrue();
    }
}
