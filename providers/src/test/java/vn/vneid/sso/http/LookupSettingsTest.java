package vn.vneid.sso.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;

class LookupSettingsTest {

    private static final String PREFIX = "vneid.test.lookup.";

    @AfterEach
    void clear() {
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(PREFIX))
                .forEach(System::clearProperty);
    }

    private static Config.Scope scope(Map<String, String> values) {
        values.forEach((key, value) -> System.setProperty(PREFIX + key, value));
        return new Config.SystemPropertiesScope(PREFIX);
    }

    @Test
    void noUrlMeansNotSetUp() {
        assertThat(LookupSettings.read(scope(Map.of("url", " ", "retries", "3")))).isEmpty();
    }

    @Test
    void safeDefaults() {
        LookupSettings settings = LookupSettings.read(scope(Map.of("url", "https://registry.example/v1")))
                .orElseThrow();
        assertThat(settings).isEqualTo(new LookupSettings(URI.create("https://registry.example/v1"), null,
                Duration.ofMillis(1000), Duration.ofMillis(3000), 1, Duration.ofMillis(200), 5,
                Duration.ofSeconds(30)));
    }

    @Test
    void everyOptionIsRead() {
        LookupSettings settings = LookupSettings.read(scope(Map.of("url", "https://registry.example/v1",
                "authorization", "Basic eA==", "connect-timeout-ms", "50", "read-timeout-ms", "60", "retries", "0",
                "backoff-ms", "7", "breaker-threshold", "2", "breaker-open-seconds", "9"))).orElseThrow();
        assertThat(settings).isEqualTo(new LookupSettings(URI.create("https://registry.example/v1"), "Basic eA==",
                Duration.ofMillis(50), Duration.ofMillis(60), 0, Duration.ofMillis(7), 2, Duration.ofSeconds(9)));
    }
}
