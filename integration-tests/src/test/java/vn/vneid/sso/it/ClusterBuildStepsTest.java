package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue #14: no Docker engine runs here, so what can be checked without one is checked against what does run.
 * docker/Dockerfile must build the image the way scripts/cluster.sh builds the cluster the ClusterIT tests
 * (same `kc.sh build` options, same Keycloak, the same files in place), and docker/compose.yaml must be valid
 * YAML describing PostgreSQL, two nodes and a proxy the way the script runs them.
 */
@DisplayName("docker/: the image is built as the tested cluster is, and the compose file is well formed")
class ClusterBuildStepsTest {

    static final Path ROOT = Paths.get(System.getProperty("basedir", ".")).toAbsolutePath().resolve("..").normalize();
    static final Path DOCKER = ROOT.resolve("docker");

    @Test
    @DisplayName("the image's kc.sh build has the script's options, with the production and with the demo choices")
    void sameBuildOptions() throws Exception {
        Dockerfile dockerfile = Dockerfile.read(DOCKER.resolve("Dockerfile"));
        assertThat(dockerfile.args()).containsEntry("VNEID_SMS_GATEWAY", "http")
                .containsEntry("VNEID_SUBSCRIBER_REGISTRY", "http")
                .containsEntry("VNEID_DATA", "production");

        for (Map<String, String> choice : List.of(
                Map.of("VNEID_SMS_GATEWAY", "http", "VNEID_SUBSCRIBER_REGISTRY", "http"),
                Map.of("VNEID_SMS_GATEWAY", "outbox", "VNEID_SUBSCRIBER_REGISTRY", "local"))) {
            List<String> image = dockerfile.buildOptions(choice);
            assertThat(image).as("image build with %s", choice).isEqualTo(scriptBuildOptions(choice));
            assertThat(image).contains("--db=postgres", "--spi-vneid-sms--provider-default="
                    + choice.get("VNEID_SMS_GATEWAY"));
        }
    }

    @Test
    @DisplayName("the image starts from the Keycloak the distribution unpacks, and runs start --optimized")
    void sameKeycloak() throws Exception {
        Dockerfile dockerfile = Dockerfile.read(DOCKER.resolve("Dockerfile"));
        String version = keycloakVersion();
        assertThat(dockerfile.bases()).contains("quay.io/keycloak/keycloak:" + version);
        assertThat(dockerfile.bases()).filteredOn(base -> base.startsWith("quay.io/keycloak/"))
                .allMatch(base -> base.equals("quay.io/keycloak/keycloak:" + version));
        assertThat(dockerfile.text()).contains("CMD [\"start\", \"--optimized\"]");
        assertThat(dockerfile.text()).contains("distribution/target/keycloak-" + version + "/providers/");
    }

    @Test
    @DisplayName("every file the distribution adds to Keycloak is copied into the image, from a path that exists")
    void sameFiles() throws Exception {
        Dockerfile dockerfile = Dockerfile.read(DOCKER.resolve("Dockerfile"));
        Path dist = ROOT.resolve("distribution/target/keycloak-" + keycloakVersion());
        Map<String, String> copies = dockerfile.copies();
        for (String source : copies.keySet()) {
            assertThat(ROOT.resolve(source)).as("COPY source %s", source).exists();
        }
        // The script's nodes run the distribution: its providers and the password list the realm's policy needs.
        try (Stream<Path> jars = Files.list(dist.resolve("providers"))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                assertThat(copies).containsEntry("distribution/target/keycloak-" + keycloakVersion() + "/providers/"
                        + jar.getFileName(), "/opt/keycloak/providers/");
            }
        }
        try (Stream<Path> lists = Files.list(dist.resolve("data/password-blacklists"))) {
            for (Path list : lists.toList()) {
                assertThat(copies.values()).contains("/opt/keycloak/data/password-blacklists/");
                assertThat(copies).containsKey("realm-config/password-denylist/" + list.getFileName());
            }
        }
        assertThat(copies).containsEntry("realm-config/vneid-realm.json", "/opt/keycloak/data/import/vneid-realm.json");
    }

    @Test
    @DisplayName("demo citizens, the test CSCA and the local registry's file are only in the opt-in demo stage")
    void productionRealmOnly() throws Exception {
        Dockerfile dockerfile = Dockerfile.read(DOCKER.resolve("Dockerfile"));
        List<String> production = dockerfile.stage("data-production");
        assertThat(production).anyMatch(line -> line.contains("vneid-realm.json"));
        assertThat(String.join("\n", production)).doesNotContain("demo", "csca-test", "subscribers");
        assertThat(String.join("\n", dockerfile.stage("builder"))).doesNotContain("realm-config/demo",
                "vneid-csca-test", "vneid-subscribers");
        assertThat(String.join("\n", dockerfile.stage("data-demo"))).contains("realm-config/demo/vneid-users-0.json",
                "realm-config/demo/csca/");
        // The realm's demo client is imported enabled only where VNEID_DEMO_CLIENT=true: off unless asked for.
        assertThat(dockerfile.args()).containsEntry("VNEID_DEMO_CLIENT", "false");
        assertThat(dockerfile.lines()).contains("ENV VNEID_DEMO_CLIENT=${VNEID_DEMO_CLIENT}");
    }

    @Test
    @DisplayName("compose.yaml: PostgreSQL, two optimized nodes behind the proxy, proxy headers, the realm imported once")
    @SuppressWarnings("unchecked")
    void composeFile() throws Exception {
        Map<String, Object> compose;
        try (InputStream in = Files.newInputStream(DOCKER.resolve("compose.yaml"))) {
            compose = new Yaml().load(in);
        }
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).containsOnlyKeys("postgres", "keycloak-a", "keycloak-b", "proxy");

        List<String> buildOptionNames = scriptBuildOptions(Map.of()).stream()
                .map(option -> option.substring(0, option.indexOf('='))).toList();
        int imports = 0;
        for (String node : List.of("keycloak-a", "keycloak-b")) {
            Map<String, Object> service = (Map<String, Object>) services.get(node);
            // The anchor (x-keycloak) is merged: the image, database and health check come with it.
            assertThat(service.get("image")).asString().startsWith("${VNEID_IMAGE:-vneid-sso:");
            assertThat((Map<String, Object>) service.get("environment")).containsKeys("KC_DB_URL", "KC_DB_USERNAME",
                    "KC_DB_PASSWORD");
            assertThat(service).containsKey("healthcheck");
            List<String> command = (List<String>) service.get("command");
            assertThat(command).startsWith("start", "--optimized").contains("--proxy-headers=xforwarded",
                    "--http-enabled=true");
            // start --optimized ignores build-time options: they belong to the Dockerfile only.
            assertThat(command).noneMatch(option -> buildOptionNames.stream().anyMatch(option::startsWith));
            imports += command.contains("--import-realm") ? 1 : 0;
            // Both nodes hash and check activation codes with the same key, a secret outside the database.
            assertThat(command).contains("--spi-admin-realm-restapi-extension--vneid-approval--activation-code-key-file"
                    + "=/run/secrets/activation-code-key");
            assertThat((List<String>) service.get("secrets")).containsExactly("activation-code-key");
        }
        assertThat(imports).isEqualTo(1);
        assertThat((Map<String, Object>) compose.get("secrets")).containsKey("activation-code-key");
        Map<String, Object> nodeB = (Map<String, Object>) services.get("keycloak-b");
        assertThat((Map<String, Object>) nodeB.get("depends_on")).containsKey("keycloak-a");

        Map<String, Object> proxy = (Map<String, Object>) services.get("proxy");
        assertThat((List<String>) proxy.get("volumes")).contains("./nginx.conf:/etc/nginx/conf.d/default.conf:ro");
        String nginx = Files.readString(DOCKER.resolve("nginx.conf"));
        assertThat(nginx).contains("server keycloak-a:8080", "server keycloak-b:8080",
                "proxy_set_header X-Forwarded-For", "proxy_set_header X-Forwarded-Proto",
                "proxy_set_header X-Forwarded-Host", "proxy_next_upstream error");
    }

    /** What scripts/cluster.sh passes to `kc.sh build`, asked from the script itself. */
    static List<String> scriptBuildOptions(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("scripts/cluster.sh").toString(),
                "build-options").redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        return out.lines().filter(line -> !line.isBlank()).toList();
    }

    static String keycloakVersion() throws IOException {
        Matcher matcher = Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    /** Just enough of a Dockerfile reader: continuation lines joined, stages, ARG defaults, COPY and RUN. */
    record Dockerfile(String text, List<String> lines) {

        static Dockerfile read(Path file) throws IOException {
            String text = Files.readString(file);
            List<String> lines = new ArrayList<>();
            for (String line : text.replace("\\\n", " ").split("\n")) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lines.add(trimmed.replaceAll("\\s+", " "));
                }
            }
            return new Dockerfile(text, lines);
        }

        Map<String, String> args() {
            Map<String, String> args = new LinkedHashMap<>();
            for (String line : lines) {
                if (line.startsWith("ARG ") && line.contains("=")) {
                    String[] parts = line.substring(4).split("=", 2);
                    args.put(parts[0], parts[1]);
                }
            }
            return args;
        }

        List<String> bases() {
            return lines.stream().filter(line -> line.startsWith("FROM "))
                    .map(line -> line.split(" ")[1]).toList();
        }

        /** The lines of the stage named {@code name} (FROM ... AS name), without its FROM. */
        List<String> stage(String name) {
            List<String> stage = new ArrayList<>();
            boolean in = false;
            for (String line : lines) {
                if (line.startsWith("FROM ")) {
                    in = line.endsWith(" AS " + name);
                } else if (in) {
                    stage.add(line);
                }
            }
            assertThat(stage).as("stage %s", name).isNotEmpty();
            return stage;
        }

        /** COPY source to destination, from the build context (not --from stages). */
        Map<String, String> copies() {
            Map<String, String> copies = new LinkedHashMap<>();
            for (String line : lines) {
                if (line.startsWith("COPY ") && !line.startsWith("COPY --from")) {
                    String[] parts = line.substring(5).split(" ");
                    for (int i = 0; i < parts.length - 1; i++) {
                        copies.put(parts[i].replaceAll("/$", "/"), parts[parts.length - 1]);
                    }
                }
            }
            return copies;
        }

        /** The options of RUN ... kc.sh build, with ${ARG}s given or at their defaults. */
        List<String> buildOptions(Map<String, String> argValues) {
            List<String> runs = lines.stream().filter(line -> line.startsWith("RUN ") && line.contains("kc.sh build"))
                    .toList();
            assertThat(runs).as("one kc.sh build").hasSize(1);
            Map<String, String> values = new LinkedHashMap<>(args());
            values.putAll(argValues);
            String run = runs.get(0);
            String options = run.substring(run.indexOf("kc.sh build") + "kc.sh build".length()).strip();
            for (Map.Entry<String, String> arg : values.entrySet()) {
                options = options.replace("${" + arg.getKey() + "}", arg.getValue());
            }
            assertThat(options).doesNotContain("$");
            return Arrays.asList(options.split(" "));
        }
    }
}
