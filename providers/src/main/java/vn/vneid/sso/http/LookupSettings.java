package vn.vneid.sso.http;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.keycloak.Config;

/**
 * How one outside registry is called. Every registry reads the same options under its own SPI scope: {@code url},
 * {@code authorization}, {@code connect-timeout-ms} (1000), {@code read-timeout-ms} (3000), {@code retries} (1),
 * {@code backoff-ms} (200), {@code breaker-threshold} (5 failures in a row), {@code breaker-open-seconds} (30).
 */
public record LookupSettings(URI url, String authorization, Duration connectTimeout, Duration readTimeout,
        int retries, Duration backoff, int breakerThreshold, Duration breakerOpenFor) {

    /** @return the settings of this scope, or empty when it has no {@code url} (the registry is not set up) */
    public static Optional<LookupSettings> read(Config.Scope config) {
        String url = config.get("url");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new LookupSettings(URI.create(url), config.get("authorization"),
                Duration.ofMillis(config.getLong("connect-timeout-ms", 1000L)),
                Duration.ofMillis(config.getLong("read-timeout-ms", 3000L)),
                config.getInt("retries", 1),
                Duration.ofMillis(config.getLong("backoff-ms", 200L)),
                config.getInt("breaker-threshold", 5),
                Duration.ofSeconds(config.getLong("breaker-open-seconds", 30L))));
    }

    public CircuitBreaker breaker(Clock clock) {
        return new CircuitBreaker(breakerThreshold, breakerOpenFor, clock);
    }
}
