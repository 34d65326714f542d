package vn.vneid.sso.stats;

/**
 * What the database counted for one unit's records received before the cut-off; {@code pending} is indexed by
 * {@link PendingAge#ordinal()}.
 */
public record UnitCounts(long collectedLevel1, long collectedLevel2, long activatedLevel1, long activatedLevel2,
        long rejected, long approvedNotActivated, long registeredLevel2, long[] pending) {

    public static final UnitCounts NONE = new UnitCounts(0, 0, 0, 0, 0, 0, 0, new long[4]);

    public UnitCounts plus(UnitCounts o) {
        long[] p = new long[4];
        for (int i = 0; i < 4; i++) {
            p[i] = pending[i] + o.pending[i];
        }
        return new UnitCounts(collectedLevel1 + o.collectedLevel1, collectedLevel2 + o.collectedLevel2,
                activatedLevel1 + o.activatedLevel1, activatedLevel2 + o.activatedLevel2, rejected + o.rejected,
                approvedNotActivated + o.approvedNotActivated, registeredLevel2 + o.registeredLevel2, p);
    }
}
