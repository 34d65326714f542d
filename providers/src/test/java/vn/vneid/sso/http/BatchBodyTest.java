package vn.vneid.sso.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class BatchBodyTest {

    @Test
    void aBodyWithinTheLimitIsReadWhole() throws Exception {
        byte[] body = new byte[2 * 100 + BatchBody.ENVELOPE_BYTES];
        assertThat(BatchBody.read(new ByteArrayInputStream(body), 2, 100)).hasSize(body.length);
        assertThat(BatchBody.read(new ByteArrayInputStream(new byte[0]), 2, 100)).isEmpty();
    }

    @Test
    void aLongerBodyIsRefusedWithoutReadingItToItsEnd() throws Exception {
        AtomicLong served = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served.incrementAndGet();
                return 'x';
            }
        };
        assertThat(BatchBody.read(endless, 2, 100)).isNull();
        assertThat(served.get()).isEqualTo(2 * 100 + BatchBody.ENVELOPE_BYTES + 1);
    }
}
