package vn.vneid.sso.sms.outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.keycloak.util.JsonSerialization;

import vn.vneid.sso.sms.SmsException;

/** Appends one JSON object per line ({@code to}, {@code text}, {@code sentAt}); lines never interleave. */
final class OutboxFile {

    private final Path path;
    private final Clock clock;

    OutboxFile(Path path) {
        this(path, Clock.systemUTC());
    }

    OutboxFile(Path path, Clock clock) {
        this.path = path;
        this.clock = clock;
    }

    Path path() {
        return path;
    }

    void append(String to, String text) throws SmsException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("to", to);
        line.put("text", text);
        line.put("sentAt", Instant.now(clock).toString());
        try {
            byte[] bytes = (JsonSerialization.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (this) {
                Files.createDirectories(path.getParent());
                Files.write(path, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new SmsException("cannot append to the SMS outbox " + path, e);
        }
    }
}
