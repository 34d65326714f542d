package vn.vneid.sso.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the body of a batch request without trusting its length: at most {@code maxItems} items of
 * {@code maxItemBytes} each, plus room for the envelope. A longer body is not read to its end, so a client cannot make
 * the server buffer more than the batch limit allows.
 */
public final class BatchBody {

    /** Room for the envelope around the items ({@code {"records": [...]}}, white space). */
    static final int ENVELOPE_BYTES = 1024;

    private BatchBody() {
    }

    /** @return the body, or null when it is longer than the batch limit allows (the caller answers 413) */
    public static byte[] read(InputStream body, int maxItems, int maxItemBytes) throws IOException {
        long limit = (long) maxItems * maxItemBytes + ENVELOPE_BYTES;
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        return bytes.length > limit ? null : bytes;
    }
}
