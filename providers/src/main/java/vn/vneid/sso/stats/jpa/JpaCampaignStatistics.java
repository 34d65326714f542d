package vn.vneid.sso.stats.jpa;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.keycloak.models.utils.KeycloakModelUtils;

import vn.vneid.sso.intake.EnrolmentStatus;
import vn.vneid.sso.intake.jpa.EnrolmentRecordEntity;
import vn.vneid.sso.intake.jpa.RecordStatusEventEntity;
import vn.vneid.sso.stats.AdminUnit;
import vn.vneid.sso.stats.DemoData;
import vn.vneid.sso.stats.PendingAge;
import vn.vneid.sso.stats.Period;
import vn.vneid.sso.stats.TargetCsv;
import vn.vneid.sso.stats.UnitCounts;
import vn.vneid.sso.stats.UnitTarget;

/**
 * The campaign figures of one realm, counted by the database: one GROUP BY over the records of the units under a
 * parent (index IDX_VNEID_RECORD_STATS covers every column it reads), never a loop over entities.
 */
public final class JpaCampaignStatistics {

    /** The desk id the demo records are stored under: loading the demo again replaces exactly these. */
    public static final String DEMO_DESK = "vneid-stats-demo";

    private final EntityManager em;
    private final String realmId;

    public JpaCampaignStatistics(EntityManager em, String realmId) {
        this.em = em;
        this.realmId = realmId;
    }

    public Optional<AdminUnit> unit(String id) {
        List<?> rows = em.createNativeQuery("SELECT ID, KIND, CODE, NAME, PARENT_ID FROM VNEID_ADMIN_UNIT WHERE ID = :id")
                .setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(r -> toUnit((Object[]) r));
    }

    /** The provinces when {@code parentId} is null, else the units right under it, by code. */
    public List<AdminUnit> children(String parentId) {
        Query q = parentId == null
                ? em.createNativeQuery("SELECT ID, KIND, CODE, NAME, PARENT_ID FROM VNEID_ADMIN_UNIT "
                        + "WHERE KIND = 'PROVINCE' ORDER BY CODE")
                : em.createNativeQuery("SELECT ID, KIND, CODE, NAME, PARENT_ID FROM VNEID_ADMIN_UNIT "
                        + "WHERE PARENT_ID = :parent ORDER BY CODE").setParameter("parent", parentId);
        List<AdminUnit> units = new ArrayList<>();
        for (Object row : q.getResultList()) {
            units.add(toUnit((Object[]) row));
        }
        return units;
    }

    /**
     * Counts per child unit of {@code parent} (null: per province) for the records received before the period's end.
     * Records are kept against communes; a district's or province's rows come through the unit table's parents.
     */
    public Map<String, UnitCounts> counts(AdminUnit parent, Period period, long cutOff) {
        String key;
        String joins;
        String where;
        if (parent == null) {
            key = "d.PARENT_ID";
            joins = " JOIN VNEID_ADMIN_UNIT c ON c.ID = r.COMMUNE_ID JOIN VNEID_ADMIN_UNIT d ON d.ID = c.PARENT_ID";
            where = "";
        } else if (AdminUnit.PROVINCE.equals(parent.kind())) {
            key = "c.PARENT_ID";
            joins = " JOIN VNEID_ADMIN_UNIT c ON c.ID = r.COMMUNE_ID JOIN VNEID_ADMIN_UNIT d ON d.ID = c.PARENT_ID";
            where = " AND d.PARENT_ID = :parent";
        } else {
            key = "r.COMMUNE_ID";
            joins = " JOIN VNEID_ADMIN_UNIT c ON c.ID = r.COMMUNE_ID";
            where = " AND c.PARENT_ID = :parent";
        }
        String pending = "r.STATUS IN ('" + EnrolmentStatus.RECEIVED.name() + "', '"
                + EnrolmentStatus.PENDING_APPROVAL.name() + "')";
        String activated = "r.STATUS = '" + EnrolmentStatus.ACTIVATED.name() + "' AND r.UPDATED_AT < :periodEnd";
        String sql = "SELECT " + key + ","
                + " SUM(CASE WHEN r.REQUESTED_LEVEL = 1 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN r.REQUESTED_LEVEL = 2 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN r.REQUESTED_LEVEL = 1 AND " + activated + " THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN r.REQUESTED_LEVEL = 2 AND " + activated + " THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN r.STATUS = '" + EnrolmentStatus.REJECTED.name() + "' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN r.REQUESTED_LEVEL = 2 AND r.STATUS = '" + EnrolmentStatus.APPROVED.name()
                + "' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN r.REQUESTED_LEVEL = 2 AND r.STATUS <> '" + EnrolmentStatus.REJECTED.name()
                + "' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN " + pending + " AND r.RECEIVED_AT >= :t1 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN " + pending + " AND r.RECEIVED_AT < :t1 AND r.RECEIVED_AT >= :t7 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN " + pending + " AND r.RECEIVED_AT < :t7 AND r.RECEIVED_AT >= :t30 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN " + pending + " AND r.RECEIVED_AT < :t30 THEN 1 ELSE 0 END)"
                + " FROM VNEID_ENROLMENT_RECORD r" + joins
                + " WHERE r.REALM_ID = :realm AND r.RECEIVED_AT < :periodEnd" + where
                + " GROUP BY " + key;
        long[] t = PendingAge.thresholds(cutOff);
        Query q = em.createNativeQuery(sql).setParameter("realm", realmId)
                .setParameter("periodEnd", period.endMillis())
                .setParameter("t1", t[0]).setParameter("t7", t[1]).setParameter("t30", t[2]);
        if (parent != null) {
            q.setParameter("parent", parent.id());
        }
        Map<String, UnitCounts> counts = new HashMap<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            counts.put((String) r[0], new UnitCounts(n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]), n(r[7]),
                    new long[] {n(r[8]), n(r[9]), n(r[10]), n(r[11])}));
        }
        return counts;
    }

    public Map<String, UnitTarget> targets(Collection<String> unitIds, Period period) {
        Map<String, UnitTarget> targets = new HashMap<>();
        if (unitIds.isEmpty()) {
            return targets;
        }
        List<?> rows = em.createNativeQuery("SELECT UNIT_ID, LEVEL1_RECORDS, LEVEL2_RECORDS, ACTIVATIONS,"
                        + " ELIGIBLE_POPULATION FROM VNEID_UNIT_TARGET"
                        + " WHERE REALM_ID = :realm AND PERIOD_CODE = :period AND UNIT_ID IN (:units)")
                .setParameter("realm", realmId).setParameter("period", period.code())
                .setParameter("units", unitIds).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            targets.put((String) r[0], new UnitTarget(n(r[1]), n(r[2]), n(r[3]), n(r[4])));
        }
        return targets;
    }

    public boolean unitExists(String id) {
        return n(em.createNativeQuery("SELECT COUNT(*) FROM VNEID_ADMIN_UNIT WHERE ID = :id").setParameter("id", id)
                .getSingleResult()) > 0;
    }

    /** Writes each target, replacing the one of the same unit and period. */
    public void saveTargets(List<TargetCsv.Row> rows) {
        for (TargetCsv.Row row : rows) {
            UnitTarget t = row.target();
            int updated = em.createNativeQuery("UPDATE VNEID_UNIT_TARGET SET LEVEL1_RECORDS = :l1,"
                            + " LEVEL2_RECORDS = :l2, ACTIVATIONS = :a, ELIGIBLE_POPULATION = :e"
                            + " WHERE REALM_ID = :realm AND UNIT_ID = :unit AND PERIOD_CODE = :period")
                    .setParameter("l1", t.level1Records()).setParameter("l2", t.level2Records())
                    .setParameter("a", t.activations()).setParameter("e", t.eligible())
                    .setParameter("realm", realmId).setParameter("unit", row.unitId())
                    .setParameter("period", row.period()).executeUpdate();
            if (updated == 0) {
                em.createNativeQuery("INSERT INTO VNEID_UNIT_TARGET (ID, REALM_ID, UNIT_ID, PERIOD_CODE,"
                                + " LEVEL1_RECORDS, LEVEL2_RECORDS, ACTIVATIONS, ELIGIBLE_POPULATION)"
                                + " VALUES (:id, :realm, :unit, :period, :l1, :l2, :a, :e)")
                        .setParameter("id", KeycloakModelUtils.generateId()).setParameter("realm", realmId)
                        .setParameter("unit", row.unitId()).setParameter("period", row.period())
                        .setParameter("l1", t.level1Records()).setParameter("l2", t.level2Records())
                        .setParameter("a", t.activations()).setParameter("e", t.eligible()).executeUpdate();
            }
        }
    }

    /** Adds the demo's districts and communes that are not there yet (national reference data: no realm). */
    public int addUnits(List<DemoData.Unit> units) {
        int added = 0;
        for (DemoData.Unit unit : units) {
            if (!unitExists(unit.id())) {
                em.createNativeQuery("INSERT INTO VNEID_ADMIN_UNIT (ID, KIND, CODE, NAME, PARENT_ID)"
                                + " VALUES (:id, :kind, :code, :name, :parent)")
                        .setParameter("id", unit.id()).setParameter("kind", unit.kind())
                        .setParameter("code", unit.code()).setParameter("name", unit.name())
                        .setParameter("parent", unit.parentId()).executeUpdate();
                added++;
            }
        }
        return added;
    }

    /**
     * Replaces the demo records of this realm with the cohorts' (statuses set directly, as the issue allows for the
     * demo): each record gets its reception event and, past RECEIVED, its current status event.
     */
    public int replaceDemoRecords(List<DemoData.Cohort> cohorts) {
        em.createNativeQuery("DELETE FROM VNEID_RECORD_STATUS_EVENT WHERE RECORD_ID IN (SELECT ID FROM"
                        + " VNEID_ENROLMENT_RECORD WHERE REALM_ID = :realm AND DESK_ID = :desk)")
                .setParameter("realm", realmId).setParameter("desk", DEMO_DESK).executeUpdate();
        em.createNativeQuery("DELETE FROM VNEID_ENROLMENT_RECORD WHERE REALM_ID = :realm AND DESK_ID = :desk")
                .setParameter("realm", realmId).setParameter("desk", DEMO_DESK).executeUpdate();
        int serial = 0;
        for (DemoData.Cohort cohort : cohorts) {
            long received = noon(cohort.receivedOn());
            long updated = noon(cohort.updatedOn());
            for (int i = 0; i < cohort.count(); i++) {
                serial++;
                EnrolmentRecordEntity r = new EnrolmentRecordEntity();
                r.setId(KeycloakModelUtils.generateId());
                r.setRealmId(realmId);
                r.setDeskId(DEMO_DESK);
                r.setDeskRecordId("demo-" + serial);
                r.setNationalId(DemoData.nationalId(serial));
                r.setFullName("Công dân mẫu " + serial);
                r.setBirthDate(LocalDate.of(1985, 1, 1).plusDays(serial % 9000));
                r.setSex(serial % 2 == 0 ? "male" : "female");
                r.setPhone(String.format("+8491%07d", serial));
                r.setRequestedLevel(cohort.level());
                r.setCommuneId(cohort.communeId());
                r.setStatus(cohort.status().name());
                r.setFingerprint(String.format("%064d", serial));
                r.setReceivedAt(received);
                r.setUpdatedAt(cohort.status() == EnrolmentStatus.RECEIVED ? received : updated);
                em.persist(r);
                event(r.getId(), EnrolmentStatus.RECEIVED, received);
                if (cohort.status() != EnrolmentStatus.RECEIVED) {
                    event(r.getId(), cohort.status(), updated);
                }
                if (serial % 500 == 0) {
                    em.flush();
                    em.clear();
                }
            }
        }
        em.flush();
        return serial;
    }

    private void event(String recordId, EnrolmentStatus status, long at) {
        RecordStatusEventEntity e = new RecordStatusEventEntity();
        e.setId(KeycloakModelUtils.generateId());
        e.setRecordId(recordId);
        e.setStatus(status.name());
        e.setActor(DEMO_DESK);
        e.setCreatedAt(at);
        if (status == EnrolmentStatus.REJECTED) {
            e.setReason("Ảnh chân dung không rõ (dữ liệu mẫu)");
        }
        em.persist(e);
    }

    /** Noon in Vietnam on that day, so that a day's records never straddle a period's edge. */
    static long noon(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(Period.VIETNAM).toInstant().toEpochMilli();
    }

    private static AdminUnit toUnit(Object[] r) {
        return new AdminUnit((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4]);
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
