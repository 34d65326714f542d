package vn.vneid.sso.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmsOutboxTest {

    private static final String FIRST = "{\"to\":\"+84910000001\",\"text\":\"VNeID: ma 123456\",\"sentAt\":\"x\"}\n";
    private static final String SECOND =
            "{\"to\":\"+84910000001\",\"text\":\"VNeID: mã 654321, hiệu lực\",\"sentAt\":\"y\"}\n";

    @Test
    void aLineBeingWrittenIsNotReadUntilItEnds(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("outbox.jsonl");
        byte[] second = SECOND.getBytes(StandardCharsets.UTF_8);
        // Cut inside "ệ" (three bytes in UTF-8): what a reader sees mid-append.
        int cut = SECOND.substring(0, SECOND.indexOf("ệ")).getBytes(StandardCharsets.UTF_8).length + 1;
        Files.write(file, FIRST.getBytes(StandardCharsets.UTF_8));
        Files.write(file, Arrays.copyOf(second, cut), StandardOpenOption.APPEND);
        SmsOutbox outbox = new SmsOutbox(file);

        assertThat(outbox.countTo("+84910000001")).isEqualTo(1);
        assertThat(outbox.lastCodeTo("+84910000001")).isEqualTo("123456");

        Files.write(file, Arrays.copyOfRange(second, cut, second.length), StandardOpenOption.APPEND);
        assertThat(outbox.countTo("+84910000001")).isEqualTo(2);
        assertThat(outbox.lastCodeTo("+84910000001")).isEqualTo("654321");
    }

    @Test
    void noCompleteLineIsNoMessage(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("outbox.jsonl");
        Files.writeString(file, "{\"to\":\"+849", StandardCharsets.UTF_8);
        assertThat(new SmsOutbox(file).countTo("+84910000001")).isZero();
        assertThat(new SmsOutbox(dir.resolve("absent.jsonl")).countTo("+84910000001")).isZero();
    }
}
