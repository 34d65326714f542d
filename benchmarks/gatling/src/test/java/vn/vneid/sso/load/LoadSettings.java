package vn.vneid.sso.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** What one load run does, from system properties that run-load.sh sets; the defaults are a full run. */
record LoadSettings(String baseUrl, int citizens, int concurrency, Duration warmUp, Duration phase, int rounds,
        int smsSinkPort, Path reportDir, Path clientKeyFile, Set<String> journeys, long serverPid,
        boolean loginsTogether) {

    static LoadSettings fromSystemProperties() {
        return new LoadSettings(
                System.getProperty("load.base-url", "https://127.0.0.1:8443"),
                Integer.getInteger("load.citizens", 2000),
                Integer.getInteger("load.concurrency", 8),
                Duration.ofSeconds(Integer.getInteger("load.warm-up-seconds", 30)),
                Duration.ofSeconds(Integer.getInteger("load.phase-seconds", 60)),
                Integer.getInteger("load.rounds", 3),
                Integer.getInteger("load.sms-sink-port", 8099),
                Path.of(System.getProperty("load.report-dir", "target/load-report")),
                // Written by LoadRealms: the private key of the service-account clients (client credentials).
                Path.of(System.getProperty("load.client-key", "target/load/client-key.json")),
                Arrays.stream(System.getProperty("load.journeys", "").split(",")).map(String::strip)
                        .filter(kind -> !kind.isEmpty()).collect(Collectors.toUnmodifiableSet()),
                // The server's process, for its CPU time per journey; 0 when unknown (the column is then left out).
                Long.getLong("load.server-pid", 0L),
                // The logins of a round at the same time rather than one after the other (see LoginSimulation).
                Boolean.getBoolean("load.logins-together"));
    }

    /** Whether a run includes this journey (e.g. {@code vneid-login}); none named means all. */
    boolean runs(String kind) {
        return journeys.isEmpty() || journeys.contains(kind);
    }
}
