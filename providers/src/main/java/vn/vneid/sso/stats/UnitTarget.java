package vn.vneid.sso.stats;

/**
 * A unit's target (chỉ tiêu) for a period, and its eligible population: citizens who may hold a level-2 account
 * (a chip ID card issued, 14 and over), the base of "eligible citizens not yet registered".
 */
public record UnitTarget(long level1Records, long level2Records, long activations, long eligible) {

    public static final UnitTarget NONE = new UnitTarget(0, 0, 0, 0);

    public long records() {
        return level1Records + level2Records;
    }

    public UnitTarget plus(UnitTarget o) {
        return new UnitTarget(level1Records + o.level1Records, level2Records + o.level2Records,
                activations + o.activations, eligible + o.eligible);
    }

    public boolean isNone() {
        return equals(NONE);
    }
}
