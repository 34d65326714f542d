package vn.vneid.sso.chipsim;

import java.io.ByteArrayOutputStream;

/** Hand-written DER TLV for the ICAO application tags, so the bytes are exactly the spec's whatever BC would choose. */
final class Tlv {

    private Tlv() {
    }

    /** tag as written on the wire: 0x61, 0x6D, 0x6F, 0x77, or two bytes 0x5F1F. */
    static byte[] encode(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        if (tag > 0xFF) {
            out.write(tag >>> 8);
        }
        out.write(tag & 0xFF);
        writeLength(out, value.length);
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        int bytes = length > 0xFFFFFF ? 4 : length > 0xFFFF ? 3 : length > 0xFF ? 2 : 1;
        out.write(0x80 | bytes);
        for (int i = bytes - 1; i >= 0; i--) {
            out.write(length >>> (8 * i));
        }
    }
}
