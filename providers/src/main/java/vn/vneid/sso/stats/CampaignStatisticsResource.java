package vn.vneid.sso.stats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import vn.vneid.sso.kc.KcAdminAccess;
import vn.vneid.sso.kc.KcJsonErrors;
import vn.vneid.sso.stats.jpa.JpaCampaignStatistics;

/**
 * Campaign statistics for operators (issue #15 part 5), at {@code /admin/realms/{realm}/vneid-stats}. Who may read:
 * holders of the realm role {@code vneid-operator} (through a client that has it in scope) and realm administrators
 * with Keycloak's view-realm right; loading targets also takes the operator role or manage-realm. The demo loaders
 * answer only on a server started with {@code --spi-admin-realm-restapi-extension--vneid-stats--demo-data=true},
 * and only to realm managers.
 */
public final class CampaignStatisticsResource {

    public static final String OPERATOR_ROLE = "vneid-operator";
    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8.name());

    /** Keeps null fields (a percentage without a target): every row has every column, as in the CSV. */
    private static final ObjectMapper FIGURES_JSON = new ObjectMapper();

    private final KeycloakSession session;
    private final RealmModel realm;
    private final KcAdminAccess access;
    private final StatsConfig config;

    CampaignStatisticsResource(KeycloakSession session, RealmModel realm, KcAdminAccess access, StatsConfig config) {
        this.session = session;
        this.realm = realm;
        this.access = access;
        this.config = config;
    }

    /**
     * {@code GET figures?period=2023}: one row per province; {@code &province=40}: per district of that province;
     * {@code &district=412}: per commune. JSON, or CSV with {@code Accept: text/csv} or {@code format=csv}.
     */
    @GET
    @Path("figures")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response figures(@QueryParam("period") String periodCode, @QueryParam("province") String province,
            @QueryParam("district") String district, @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        if (!canRead()) {
            return error(403, "not_an_operator", "statsNotAnOperator");
        }
        Period period;
        try {
            period = Period.parse(periodCode == null ? String.valueOf(LocalDate.now(Period.VIETNAM).getYear())
                    : periodCode);
        } catch (IllegalArgumentException e) {
            return error(400, "bad_period", "statsBadPeriod");
        }
        if (province != null && district != null) {
            return error(400, "one_unit", "statsOneUnit");
        }
        JpaCampaignStatistics store = store();
        AdminUnit parent = null;
        if (province != null || district != null) {
            String id = province != null ? AdminUnit.id(AdminUnit.PROVINCE, province)
                    : AdminUnit.id(AdminUnit.DISTRICT, district);
            Optional<AdminUnit> found = id.length() <= 20 ? store.unit(id) : Optional.empty();
            if (found.isEmpty()) {
                return error(404, "unknown_unit", "statsUnknownUnit");
            }
            parent = found.get();
        }
        long cutOff = period.cutOffMillis(Instant.now());
        List<AdminUnit> children = store.children(parent == null ? null : parent.id());
        Map<String, UnitCounts> counts = store.counts(parent, period, cutOff);
        List<String> ids = new ArrayList<>(children.stream().map(AdminUnit::id).toList());
        if (parent != null) {
            ids.add(parent.id());
        }
        Map<String, UnitTarget> targets = store.targets(ids, period);

        List<UnitFigures> rows = new ArrayList<>();
        UnitCounts totalCounts = UnitCounts.NONE;
        UnitTarget childTargets = UnitTarget.NONE;
        for (AdminUnit unit : children) {
            UnitCounts c = counts.getOrDefault(unit.id(), UnitCounts.NONE);
            UnitTarget t = targets.getOrDefault(unit.id(), UnitTarget.NONE);
            rows.add(new UnitFigures(unit.kind(), unit.code(), unit.name(), c, t));
            totalCounts = totalCounts.plus(c);
            childTargets = childTargets.plus(t);
        }
        // A unit's own target when it has one (the ministry gives the province its figure), else its units' sum.
        UnitTarget ownTarget = parent == null ? UnitTarget.NONE : targets.getOrDefault(parent.id(), UnitTarget.NONE);
        UnitFigures total = parent == null
                ? new UnitFigures("COUNTRY", "VN", KcJsonErrors.message(session, access.caller(), "statsCountry"),
                        totalCounts, childTargets)
                : new UnitFigures(parent.kind(), parent.code(), parent.name(), totalCounts,
                        ownTarget.isNone() ? childTargets : ownTarget);

        if (wantsCsv(format, headers)) {
            StringBuilder csv = new StringBuilder("\uFEFF");
            csv.append(Csv.line(new ArrayList<>(total.columns().keySet())));
            rows.forEach(r -> csv.append(Csv.line(new ArrayList<>(r.columns().values()))));
            csv.append(Csv.line(new ArrayList<>(total.columns().values())));
            String name = "vneid-stats-" + period.code() + (parent == null ? "" : "-" + parent.code()) + ".csv";
            return Response.ok(csv.toString(), CSV)
                    .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                    .header("X-Content-Type-Options", "nosniff").build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", period.code());
        body.put("cutOff", Instant.ofEpochMilli(cutOff).atZone(Period.VIETNAM).toOffsetDateTime().toString());
        body.put("unit", total.columns());
        body.put("rows", rows.stream().map(UnitFigures::columns).toList());
        try {
            return Response.ok(FIGURES_JSON.writeValueAsString(body), MediaType.APPLICATION_JSON_TYPE).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code PUT targets} with the CSV of {@link TargetCsv}: all lines stored, or none and every problem listed. */
    @PUT
    @Path("targets")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response targets(InputStream body) {
        if (!access.callerHasRealmRole(realm, OPERATOR_ROLE) && !access.callerCanManageRealm()) {
            return error(403, "not_an_operator", "statsNotAnOperator");
        }
        String text = read(body, config.maxImportRows() * 200L);
        if (text == null) {
            return error(413, "too_large", "statsImportTooLarge", config.maxImportRows());
        }
        JpaCampaignStatistics store = store();
        TargetCsv.Result result = TargetCsv.parse(text, store::unitExists, config.maxImportRows());
        if (!result.problems().isEmpty()) {
            return problems(result.problems());
        }
        store.saveTargets(result.rows());
        return Response.ok(Map.of("imported", result.rows().size())).build();
    }

    /**
     * {@code POST units}: districts and communes under their official codes ({@code kind,code,name,parentCode}), as
     * the statistics office publishes them. Added only: a unit already known is left as it is, so records and targets
     * never lose their unit. Reference data of the whole server: realm administrators only.
     */
    @POST
    @Path("units")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response units(InputStream body) {
        if (!access.callerCanManageRealm()) {
            return error(403, "not_an_administrator", "statsNotAnAdministrator");
        }
        return addUnits(body);
    }

    /** {@code POST demo/units}: the demo's districts and communes (demo servers only). */
    @POST
    @Path("demo/units")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response demoUnits(InputStream body) {
        Response refused = refuseDemo();
        if (refused != null) {
            return refused;
        }
        return addUnits(body);
    }

    private Response addUnits(InputStream body) {
        String text = read(body, config.maxImportRows() * 200L);
        if (text == null) {
            return error(413, "too_large", "statsImportTooLarge", config.maxImportRows());
        }
        DemoData.Parsed<DemoData.Unit> units = DemoData.units(text);
        JpaCampaignStatistics store = store();
        List<RowProblem> problems = new ArrayList<>(units.problems());
        Map<String, Boolean> known = new HashMap<>();
        units.rows().forEach(u -> known.put(u.id(), true));
        for (int i = 0; i < units.rows().size(); i++) {
            DemoData.Unit u = units.rows().get(i);
            if (!known.containsKey(u.parentId()) && !store.unitExists(u.parentId())) {
                problems.add(new RowProblem(u.line(), "parentCode", "unknown_unit"));
            }
        }
        if (!problems.isEmpty()) {
            return problems(problems);
        }
        return Response.ok(Map.of("added", store.addUnits(units.rows()))).build();
    }

    /** {@code POST demo/records}: replaces the demo records with the cohorts' (demo servers only). */
    @POST
    @Path("demo/records")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response demoRecords(InputStream body) {
        Response refused = refuseDemo();
        if (refused != null) {
            return refused;
        }
        DemoData.Parsed<DemoData.Cohort> cohorts = DemoData.cohorts(read(body, 1_000_000));
        JpaCampaignStatistics store = store();
        List<RowProblem> problems = new ArrayList<>(cohorts.problems());
        for (int i = 0; i < cohorts.rows().size(); i++) {
            DemoData.Cohort cohort = cohorts.rows().get(i);
            if (!store.unitExists(cohort.communeId())) {
                problems.add(new RowProblem(cohort.line(), "communeCode", "unknown_unit"));
            }
        }
        if (!problems.isEmpty()) {
            return problems(problems);
        }
        return Response.ok(Map.of("records", store.replaceDemoRecords(cohorts.rows()))).build();
    }

    private Response refuseDemo() {
        if (!config.demoData()) {
            return error(404, "demo_disabled", "statsDemoDisabled");
        }
        if (!access.callerCanManageRealm()) {
            return error(403, "not_an_administrator", "statsNotAnAdministrator");
        }
        return null;
    }

    private boolean canRead() {
        return access.callerHasRealmRole(realm, OPERATOR_ROLE) || access.callerCanViewRealm();
    }

    private JpaCampaignStatistics store() {
        return new JpaCampaignStatistics(session.getProvider(JpaConnectionProvider.class).getEntityManager(),
                realm.getId());
    }

    private static boolean wantsCsv(String format, HttpHeaders headers) {
        if (format != null) {
            return "csv".equalsIgnoreCase(format);
        }
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        return !accepted.isEmpty() && accepted.get(0).isCompatible(new MediaType("text", "csv"))
                && !accepted.get(0).isWildcardType();
    }

    /** The body as text, or null when longer than {@code limit} bytes. */
    private static String read(InputStream body, long limit) {
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            return bytes.length > limit ? null : new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private Response problems(List<RowProblem> problems) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (RowProblem p : problems) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("line", p.line());
            item.put("field", p.field());
            item.put("error", p.error());
            item.put("message", KcJsonErrors.message(session, access.caller(), "statsImport_" + p.error()));
            list.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid_rows");
        body.put("error_description", KcJsonErrors.message(session, access.caller(), "statsInvalidRows",
                problems.size()));
        body.put("problems", list);
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private Response error(int status, String code, String key, Object... args) {
        return KcJsonErrors.error(session, access.caller(), status, code, key, args);
    }
}
