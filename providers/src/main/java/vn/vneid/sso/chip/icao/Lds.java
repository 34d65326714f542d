package vn.vneid.sso.chip.icao;

import java.io.IOException;

import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;

/** Reading the application-tagged wrappers of LDS files (ICAO 9303 part 10): DG1 0x61, DG13 0x6D, DG14 0x6E, DG15 0x6F, SOD 0x77. */
final class Lds {

    static final int DG1_TAG = 1;
    static final int DG13_TAG = 13;
    static final int DG14_TAG = 14;
    static final int DG15_TAG = 15;
    static final int SOD_TAG = 23;

    private Lds() {
    }

    /** The single object inside an [APPLICATION tag] wrapper; the whole input must be exactly that object. */
    static ASN1Primitive unwrap(byte[] file, int applicationTag, String what) throws ChipVerificationException {
        try (ASN1InputStream in = new ASN1InputStream(file, true)) {
            ASN1Primitive outer = in.readObject();
            if (outer == null || in.available() > 0 || !(outer instanceof ASN1TaggedObject)) {
                throw malformed(what + " is not one tagged object");
            }
            ASN1TaggedObject tagged = (ASN1TaggedObject) outer;
            if (tagged.getTagClass() != BERTags.APPLICATION || tagged.getTagNo() != applicationTag) {
                throw malformed(what + " has the wrong tag");
            }
            return tagged.getBaseObject().toASN1Primitive();
        } catch (IOException | RuntimeException e) {
            throw new ChipVerificationException(ChipFailure.MALFORMED, what + " is not valid ASN.1", e);
        }
    }

    static ChipVerificationException malformed(String detail) {
        return new ChipVerificationException(ChipFailure.MALFORMED, detail);
    }
}
