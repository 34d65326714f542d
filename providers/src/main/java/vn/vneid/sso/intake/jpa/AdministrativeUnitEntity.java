package vn.vneid.sso.intake.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A province, district or commune with its official code (General Statistics Office list: 2 digits for a province,
 * 3 for a district, 5 for a commune). The codes of different kinds overlap, so the key is {@code KIND:CODE}. National
 * reference data: no realm column.
 */
@Entity
@Table(name = "VNEID_ADMIN_UNIT")
@NamedQuery(name = "vneidUnitByKindAndCode",
        query = "select u from AdministrativeUnitEntity u where u.kind = :kind and u.code = :code")
public class AdministrativeUnitEntity {

    public static final String PROVINCE = "PROVINCE";
    public static final String DISTRICT = "DISTRICT";
    public static final String COMMUNE = "COMMUNE";

    @Id
    @Column(name = "ID", length = 20)
    private String id;

    @Column(name = "KIND", length = 10, nullable = false)
    private String kind;

    @Column(name = "CODE", length = 10, nullable = false)
    private String code;

    @Column(name = "NAME", length = 255, nullable = false)
    private String name;

    @Column(name = "PARENT_ID", length = 20)
    private String parentId;

    public String getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getParentId() {
        return parentId;
    }
}
