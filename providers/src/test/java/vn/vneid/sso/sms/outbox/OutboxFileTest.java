package vn.vneid.sso.sms.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.util.JsonSerialization;

class OutboxFileTest {

    @TempDir
    Path dir;

    @Test
    void appendsOneJsonObjectPerLine() throws Exception {
        Path file = dir.resolve("nested/sms.jsonl");
        OutboxFile outbox = new OutboxFile(file,
                Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC));
        outbox.append("+84912345789", "Mã \"VNeID\" 123456");
        outbox.append("+84987654321", "second");

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        Map<?, ?> first = JsonSerialization.readValue(lines.get(0), Map.class);
        assertThat(first.get("to")).isEqualTo("+84912345789");
        assertThat(first.get("text")).isEqualTo("Mã \"VNeID\" 123456");
        assertThat(first.get("sentAt")).isEqualTo("2026-11-23T08:00:00Z");
    }
}
