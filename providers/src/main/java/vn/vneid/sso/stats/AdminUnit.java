package vn.vneid.sso.stats;

/** A province, district or commune: {@code id} is {@code KIND:CODE}, as in VNEID_ADMIN_UNIT. */
public record AdminUnit(String id, String kind, String code, String name, String parentId) {

    public static final String PROVINCE = "PROVINCE";
    public static final String DISTRICT = "DISTRICT";
    public static final String COMMUNE = "COMMUNE";

    public static String id(String kind, String code) {
        return kind + ":" + code;
    }
}
