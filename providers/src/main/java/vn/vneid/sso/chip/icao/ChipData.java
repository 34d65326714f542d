package vn.vneid.sso.chip.icao;


/**
 * What the app read from the card over NFC, as sent to the server: the Document Security Object, the data groups
 * it presents (DG1 MRZ, DG13 Vietnamese personal data, DG15 Active Authentication key) and the chip's signature
 * over the server's challenge. The face (DG2) is not needed to decide and is not sent.
 */
public final class ChipData {

    /** Generous bounds on real CCCD sizes; anything larger is refused before parsing. */
    static final int MAX_SOD = 32 * 1024;
    static final int MAX_DG1 = 512;
    static final int MAX_DG13 = 16 * 1024;
    /** DG14 holds a few SecurityInfos (chip authentication, PACE, active authentication); real ones are ~1-2 KB. */
    static final int MAX_DG14 = 4 * 1024;
    static final int MAX_DG15 = 2 * 1024;
    static final int MAX_SIGNATURE = 1024;

    private final byte[] sod;
    private final byte[] dg1;
    private final byte[] dg13;
    private final byte[] dg14;
    private final byte[] dg15;
    private final byte[] aaSignature;

    public ChipData(byte[] sod, byte[] dg1, byte[] dg13, byte[] dg15, byte[] aaSignature) {
        this(sod, dg1, dg13, null, dg15, aaSignature);
    }

    /**
     * @param dg14 the chip's SecurityInfos, or null: required when the active-authentication key is EC, since its
     *     ActiveAuthenticationInfo names the hash (ICAO 9303 part 11)
     */
    public ChipData(byte[] sod, byte[] dg1, byte[] dg13, byte[] dg14, byte[] dg15, byte[] aaSignature) {
        this.sod = sod;
        this.dg1 = dg1;
        this.dg13 = dg13;
        this.dg14 = dg14;
        this.dg15 = dg15;
        this.aaSignature = aaSignature;
    }

    void checkPresentAndBounded() throws ChipVerificationException {
        if (sod == null || dg1 == null || dg13 == null || dg15 == null || aaSignature == null) {
            throw new ChipVerificationException(ChipFailure.MISSING_DATA_GROUP, "SOD, DG1, DG13, DG15 and AA needed");
        }
        if (sod.length > MAX_SOD || dg1.length > MAX_DG1 || dg13.length > MAX_DG13 || dg15.length > MAX_DG15
                || aaSignature.length > MAX_SIGNATURE || (dg14 != null && dg14.length > MAX_DG14)) {
            throw new ChipVerificationException(ChipFailure.OVERSIZED, null);
        }
    }

    byte[] sod() {
        return sod;
    }

    byte[] dg1() {
        return dg1;
    }

    byte[] dg13() {
        return dg13;
    }

    /** May be null. */
    byte[] dg14() {
        return dg14;
    }

    byte[] dg15() {
        return dg15;
    }

    byte[] aaSignature() {
        return aaSignature;
    }

    @Override
    public String toString() {
        return "ChipData[sod=" + sod.length + "B, dg1=" + dg1.length + "B, dg13=" + dg13.length + "B, dg14="
                + (dg14 == null ? "-" : dg14.length + "B") + ", dg15=" + dg15.length + "B]";
    }
}
