package vn.vneid.sso.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Two Keycloak nodes in production mode over one PostgreSQL, started by {@code scripts/cluster.sh} (the same
 * script a developer runs), with a {@link Balancer} in front. Ports are drawn free; the work directory is fresh.
 * {@code -Dvneid.it.cluster.reuse=true} uses a cluster already started by the script in
 * {@code -Dvneid.it.cluster.dir} and leaves it running (for working on the tests).
 */
public final class ClusterServers implements AutoCloseable {

    public static final String A = "a";
    public static final String B = "b";
    private static final Pattern VIEW = Pattern.compile("ISPN00009[34]: .*\\((\\d+)\\) \\[");

    private final Path dir;
    private final boolean reuse;
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, URI> nodes = new LinkedHashMap<>();
    private final Balancer balancer;

    private ClusterServers(Path dir, boolean reuse) {
        this.dir = dir.toAbsolutePath().normalize();
        this.reuse = reuse;
        env.put("VNEID_CLUSTER_DIR", this.dir.toString());
        env.put("VNEID_CLUSTER_PG_PORT", System.getProperty("vneid.it.cluster.pg.port", "55433"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", KeycloakServer.ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", KeycloakServer.ADMIN_PASSWORD);
        env.put("VNEID_DEMO_CLIENT", "true");
        if (!reuse) {
            for (String node : List.of("A", "B")) {
                for (String kind : List.of("HTTP", "MANAGEMENT", "JGROUPS")) {
                    env.put("VNEID_NODE_" + node + "_" + kind + "_PORT", String.valueOf(freePort()));
                }
            }
            env.put("VNEID_SMS_HTTP_PORT", String.valueOf(freePort()));
            env.put("VNEID_REGISTRY_HTTP_PORT", String.valueOf(freePort()));
        }
        long started = System.nanoTime();
        start();
        Map<String, String> ports = ports();
        nodes.put(A, URI.create("http://127.0.0.1:" + ports.get("VNEID_NODE_A_HTTP_PORT")));
        nodes.put(B, URI.create("http://127.0.0.1:" + ports.get("VNEID_NODE_B_HTTP_PORT")));
        balancer = new Balancer(nodes, List.of(A, B));
        // As in the single-node suite: every test comes from one address.
        new AdminApi(balancer.uri()).liftPerIpCodeLimit();
        System.out.printf("Cluster of two started in %d s; balancer on %s%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), balancer.uri());
    }

    public static ClusterServers start(Path workDir) {
        boolean reuse = Boolean.getBoolean("vneid.it.cluster.reuse");
        Path dir = reuse ? Paths.get(System.getProperty("vneid.it.cluster.dir")) : workDir;
        return new ClusterServers(dir, reuse);
    }

    /** The balancer: the one address of the service. */
    public URI baseUri() {
        return balancer.uri();
    }

    public URI realmUri() {
        return baseUri().resolve("/realms/" + KeycloakServer.REALM);
    }

    /** A node's own address, bypassing the balancer. */
    public URI node(String name) {
        return nodes.get(name);
    }

    public Balancer balancer() {
        return balancer;
    }

    /** Both nodes write to one outbox: one file, appended to line by line. */
    public Path outbox() {
        return dir.resolve("sms-outbox.jsonl");
    }

    /** kill -9: the node gets no chance to hand anything over. */
    public void kill(String node) {
        script("kill-node", node);
    }

    /** Starts a stopped or killed node and waits until both nodes see a cluster of two again. */
    public void startNode(String node) {
        script("start-node", node);
    }

    /** Stops both nodes (and PostgreSQL), then starts them again: nothing but the database survives. */
    public void restart() {
        script("stop");
        script("start");
    }

    /** The size of the last cluster view the node logged. */
    public int viewSize(String node) {
        try {
            int size = 0;
            // Decoded leniently: the node may be writing a multi-byte character at the end right now.
            String log = new String(Files.readAllBytes(dir.resolve("node-" + node + ".log")), StandardCharsets.UTF_8);
            for (String line : log.split("\n")) {
                Matcher matcher = VIEW.matcher(line);
                if (matcher.find()) {
                    size = Integer.parseInt(matcher.group(1));
                }
            }
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void start() {
        if (!reuse) {
            if (Files.exists(dir)) {
                script("stop");
            }
            deleteTree(dir);
        }
        try {
            script("start");
        } catch (RuntimeException e) {
            // Whatever did start must not outlive the test run.
            script("stop");
            throw e;
        }
    }

    private Map<String, String> ports() {
        try {
            Map<String, String> ports = new HashMap<>();
            for (String line : Files.readAllLines(dir.resolve("ports.env"))) {
                String[] parts = line.split("=", 2);
                if (parts.length == 2) {
                    ports.put(parts[0], parts[1]);
                }
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void script(String... args) {
        Path scripts = Paths.get(System.getProperty("vneid.scripts", "../scripts")).toAbsolutePath();
        List<String> command = new java.util.ArrayList<>(List.of("bash", scripts.resolve("cluster.sh").toString()));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(dir);
            Path log = dir.getParent().resolve(dir.getFileName() + "-script.log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            // The script waits up to 10 minutes for each node: a loaded machine starts Keycloak slowly.
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("cluster.sh " + String.join(" ", args) + " failed:\n"
                        + tail(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    @Override
    public void close() {
        balancer.close();
        if (!reuse) {
            script("stop");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
