package vn.vneid.sso.intake.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A campaign target (chỉ tiêu) of one administrative unit for one period: records collected at level 1 and level 2,
 * accounts activated. Written by operators; the statistics of issue #15 part 5 measure against it.
 */
@Entity
@Table(name = "VNEID_UNIT_TARGET")
public class UnitTargetEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "UNIT_ID", length = 20, nullable = false)
    private String unitId;

    /** {@code 2026} for a year, {@code 2026-Q3} for a quarter, {@code 2026-07} for a month. */
    @Column(name = "PERIOD_CODE", length = 10, nullable = false)
    private String period;

    @Column(name = "LEVEL1_RECORDS", nullable = false)
    private long levelOneRecords;

    @Column(name = "LEVEL2_RECORDS", nullable = false)
    private long levelTwoRecords;

    @Column(name = "ACTIVATIONS", nullable = false)
    private long activations;

    public String getId() {
        return id;
    }

    public String getRealmId() {
        return realmId;
    }

    public String getUnitId() {
        return unitId;
    }

    public String getPeriod() {
        return period;
    }

    public long getLevelOneRecords() {
        return levelOneRecords;
    }

    public long getLevelTwoRecords() {
        return levelTwoRecords;
    }

    public long getActivations() {
        return activations;
    }
}
