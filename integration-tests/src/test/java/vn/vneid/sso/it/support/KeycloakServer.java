package vn.vneid.sso.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real Keycloak distribution (distribution/target, with our jars and the vneid realm), started once per test
 * JVM with {@code kc.sh start-dev} on free ports and stopped when the JVM ends. {@code -Dvneid.it.db=postgres}
 * runs it on a PostgreSQL cluster started by scripts/postgres.sh; the default is a fresh on-disk H2 database.
 * {@link #kill()} and {@link #restart()} crash it and bring it back on the same database and port (issue #15).
 */
public final class KeycloakServer {

    public static final String REALM = "vneid";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private static KeycloakServer instance;

    private final Path workDir;
    private final Path outbox;
    private final Path log;
    private final int httpPort;
    private final int smsGatewayPort;
    private final int registryPort;
    private final int populationRegistryPort;
    private final String database;
    private final Duration startTime;
    private final RelyingParties relyingParties = new RelyingParties();
    private List<String> databaseOptions;
    private String jdbcUrl;
    private Process process;

    private KeycloakServer(Path workDir, String database) {
        this.workDir = workDir;
        this.database = database;
        this.outbox = workDir.resolve("sms-outbox.jsonl");
        this.log = workDir.resolve("keycloak.log");
        this.httpPort = freePort();
        this.smsGatewayPort = freePort();
        this.registryPort = freePort();
        this.populationRegistryPort = freePort();
        long started = System.nanoTime();
        start(true);
        this.startTime = Duration.ofNanos(System.nanoTime() - started);
        // The whole suite comes from one address, standing for thousands of citizens: lift the per-IP code limit.
        new AdminApi(this).liftPerIpCodeLimit();
        System.out.printf("Keycloak (%s) started in %d s on port %d%n", database, startTime.toSeconds(), httpPort);
    }

    public static synchronized KeycloakServer get() {
        if (instance == null) {
            Path workDir = Paths.get(System.getProperty("vneid.it.workdir", "target/it"));
            instance = new KeycloakServer(workDir, System.getProperty("vneid.it.db", "h2"));
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "keycloak-stop"));
        }
        return instance;
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + httpPort);
    }

    public URI realmUri() {
        return baseUri().resolve("/realms/" + REALM);
    }

    public Path outbox() {
        return outbox;
    }

    public Path log() {
        return log;
    }

    /**
     * The server's log so far. Decoded leniently: the server may be writing a multi-byte character at the end of the
     * file right now, which a strict read would reject.
     */
    public String logText() {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the server's {@code http} SMS gateway posts to; nothing listens there unless a test starts it. */
    public int smsGatewayPort() {
        return smsGatewayPort;
    }

    /** The port the server's {@code http} subscriber registry asks; nothing listens unless a test starts it. */
    public int registryPort() {
        return registryPort;
    }

    /**
     * The port the server's {@code http} population registry asks ({@code POST /population}); nothing listens unless a
     * test starts it (issue #15).
     */
    public int populationRegistryPort() {
        return populationRegistryPort;
    }

    /** The government services' back ends (JWKS, back-channel logout) the realm's clients point to. */
    public RelyingParties relyingParties() {
        return relyingParties;
    }

    public String database() {
        return database;
    }

    /** The file holding the key of the activation codes' hashes (outside the database, as in production). */
    public Path codeKey() {
        return workDir.resolve("activation-code.key").toAbsolutePath();
    }

    /** @param fresh a new work directory and database; otherwise the same ones again (after {@link #kill()}) */
    private void start(boolean fresh) {
        Path home = Paths.get(System.getProperty("vneid.kc.home", "../distribution/target/keycloak-26.7.3"))
                .toAbsolutePath().normalize();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home + ": run the build from the top");
        }
        try {
            if (fresh) {
                if ("postgres".equals(database) && Files.exists(workDir.resolve("pgdata"))) {
                    runScript("postgres.sh", "stop", workDir.resolve("pgdata").toString());
                }
                deleteTree(workDir);
                Files.createDirectories(workDir);
                databaseOptions = databaseOptions();
                // The key of the activation codes' hashes, as an operator keeps it: a file outside the database,
                // the same across restarts (codes issued before a restart are checked after it).
                byte[] key = new byte[48];
                new java.security.SecureRandom().nextBytes(key);
                Files.writeString(codeKey(), java.util.Base64.getEncoder().encodeToString(key));
            }
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + httpPort,
                    "--http-management-port=" + freePort(),
                    "--import-realm",
                    // start-dev turns Keycloak's theme cache off; production keeps it on, and what we cache per theme
                    // (the SMS texts) is only exercised with it on.
                    "--spi-theme--cache-themes=true",
                    "--spi-vneid-sms--provider-default=outbox",
                    "--spi-vneid-sms--outbox--path=" + outbox,
                    "--spi-vneid-sms--http--url=http://127.0.0.1:" + smsGatewayPort + "/sms",
                    // Timeouts (5 s) far above a local stub's answer even on a loaded machine: a slow answer must not
                    // become a retry (a second SMS) or a "try later"; the tests of slow systems stub 8 s, those of
                    // systems down close the port (refused at once).
                    "--spi-vneid-sms--http--connect-timeout-ms=5000",
                    "--spi-vneid-sms--http--read-timeout-ms=5000",
                    "--spi-vneid-sms--http--retries=1",
                    "--spi-vneid-sms--http--backoff-ms=50",
                    "--spi-vneid-subscriber-registry--provider-default=local",
                    "--spi-realm-restapi-extension--vneid-chip--allow-test-csca=true",
                    // Issue #15: the approval's new activation codes without the one-minute wait, so tests need no sleep.
                    "--spi-admin-realm-restapi-extension--vneid-approval--activation-resend-cooldown-seconds=0",
                    "--spi-admin-realm-restapi-extension--vneid-approval--activation-code-key-file=" + codeKey(),
                    // The campaign statistics' demo loaders (issue #15): tests load the demo through them.
                    "--spi-admin-realm-restapi-extension--vneid-stats--demo-data=true",
                    // OfficerDeskIT reaches the daily cap of look-ups; the default is 300.
                    "--spi-admin-realm-restapi-extension--vneid-officer--lookups-per-day=12",
                    "--spi-vneid-subscriber-registry--http--url=http://127.0.0.1:" + registryPort + "/subscribers",
                    "--spi-vneid-subscriber-registry--http--connect-timeout-ms=5000",
                    "--spi-vneid-subscriber-registry--http--read-timeout-ms=5000",
                    "--spi-vneid-subscriber-registry--http--retries=1",
                    "--spi-vneid-subscriber-registry--http--backoff-ms=50",
                    "--spi-vneid-subscriber-registry--http--breaker-threshold=1000",
                    "--spi-vneid-population-registry--provider-default=local",
                    "--spi-vneid-population-registry--http--url=http://127.0.0.1:" + populationRegistryPort
                            + "/population",
                    "--spi-vneid-population-registry--http--connect-timeout-ms=5000",
                    "--spi-vneid-population-registry--http--read-timeout-ms=5000",
                    "--spi-vneid-population-registry--http--retries=1",
                    "--spi-vneid-population-registry--http--backoff-ms=50",
                    "--spi-vneid-population-registry--http--breaker-threshold=1000"));
            command.addAll(databaseOptions);
            // Appended: after a restart the log still shows what the server did up to the kill.
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            builder.environment().putAll(relyingParties.importEnvironment());
            builder.environment().put("VNEID_DEMO_CLIENT", "true");
            process = builder.start();
            awaitReady();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> databaseOptions() throws IOException {
        if ("postgres".equals(database)) {
            String port = System.getProperty("vneid.it.pg.port", "55432");
            String url = runScript("postgres.sh", "start", workDir.resolve("pgdata").toString(), port).strip();
            jdbcUrl = url;
            return List.of("--db=postgres", "--db-url=" + url, "--db-username=keycloak", "--db-password=keycloak");
        }
        return List.of("--db=dev-file", "--db-url=jdbc:h2:file:" + workDir.resolve("h2/keycloakdb")
                + ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=0");
    }

    /**
     * kill -9 of the server (issue #15): the JVM and every process under kc.sh get SIGKILL at once, no shutdown hook
     * runs, nothing pending is written. Returns once they are all gone, their sockets with them. PostgreSQL keeps
     * running, as a database server outlives a crashed Keycloak.
     */
    public synchronized void kill() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        // destroyForcibly is SIGKILL on Linux.
        tree.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (tree.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Keycloak still alive a minute after SIGKILL: " + tree);
            }
            sleep(Duration.ofMillis(50));
        }
    }

    /** Starts the server again after {@link #kill()}: same port, same database, nothing wiped or imported again. */
    public synchronized void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("Keycloak still runs: kill it first");
        }
        long started = System.nanoTime();
        start(false);
        System.out.printf("Keycloak (%s) restarted in %d s on port %d%n", database,
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), httpPort);
    }

    /** The server's PostgreSQL database (user and password {@code keycloak}); only with {@code -Dvneid.it.db=postgres}. */
    public String jdbcUrl() {
        if (jdbcUrl == null) {
            throw new IllegalStateException("Keycloak runs on " + database + ", not on PostgreSQL");
        }
        return jdbcUrl;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = realmUri().resolve("/realms/" + REALM + "/.well-known/openid-configuration");
        // A loaded 2-core machine shared by several builds has been seen to need over 5 minutes (start-dev
        // re-augments on each start): -Dvneid.it.ready-minutes, 10 by default.
        long minutes = Long.getLong("vneid.it.ready-minutes", 10);
        long deadline = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(discovery).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        // No instance exists yet, so no shutdown hook would stop it: a server that never got ready is stopped here.
        stop();
        throw new IllegalStateException("Keycloak not ready after " + minutes + " minutes:\n" + logTail());
    }

    private void stop() {
        if (process != null && process.isAlive()) {
            // kc.sh runs java as a child: stop the whole tree, politely first.
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            tree.add(process.toHandle());
            tree.forEach(ProcessHandle::destroy);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                sleep(Duration.ofMillis(200));
            }
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        if ("postgres".equals(database)) {
            try {
                runScript("postgres.sh", "stop", workDir.resolve("pgdata").toString());
            } catch (IOException | RuntimeException e) {
                System.err.println("could not stop PostgreSQL: " + e.getMessage());
            }
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String runScript(String script, String... args) throws IOException {
        Path scripts = Paths.get(System.getProperty("vneid.scripts", "../scripts")).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of("bash", scripts.resolve(script).toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IllegalStateException(script + " " + String.join(" ", args) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
