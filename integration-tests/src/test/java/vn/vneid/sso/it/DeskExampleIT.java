package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.vneid.sso.example.desk.DeskExample;
import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.KeycloakServer;

/**
 * Issue #15: the one-stop desk example (examples/desk-example), as the README's walk-through runs it, against the real
 * server: an operator registers the desk, the desk sends the shipped sample batch (two good records, one bad), sends it
 * again (acknowledged, not stored twice), and a changed record under a used id is a conflict. The officer then finds
 * the level-2 record in the queue of Trúc Bạch's unit.
 */
@DisplayName("The one-stop desk example: register, send the sample batch, send it again")
class DeskExampleIT {

    static final Path SAMPLE = Path.of("../examples/desk-example/sample-batch.json");
    static KeycloakServer server;

    @BeforeAll
    static void server() {
        server = KeycloakServer.get();
    }

    record Run(int status, String out, String err) {
    }

    static Run run(Path keys, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DeskExample.run(args, keys, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("the sample batch: two accepted, one refused field by field; again: duplicates; a changed record: conflict")
    void sampleBatch(@TempDir Path keys) throws Exception {
        String base = server.baseUri().toString().replaceAll("/$", "");
        String desk = "desk-example-" + Long.toHexString(System.nanoTime());
        Run registered = run(keys, "register", base, KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD, desk);
        assertThat(registered.status()).as(registered.err()).isZero();
        assertThat(Files.readString(keys.resolve(desk + ".jwk"))).contains("\"d\"");
        assertThat(run(keys, "register", base, KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD, desk)
                .status()).as("the same desk id twice").isEqualTo(2);

        Run first = run(keys, "send", base, desk, SAMPLE.toString(), "en");
        assertThat(first.status()).as(first.out() + first.err()).isEqualTo(1);
        assertThat(first.out()).contains("HN-BADINH-2026-000001\taccepted", "HN-BADINH-2026-000002\taccepted",
                "HN-BADINH-2026-000003\tinvalid");
        String refused = first.out().substring(first.out().indexOf("HN-BADINH-2026-000003"));
        assertThat(refused).contains("\tnationalId: ", "\tphone: ", "\trequestedLevel: ", "\tcommuneCode: ");

        Run again = run(keys, "send", base, desk, SAMPLE.toString(), "vi");
        assertThat(again.out()).contains("HN-BADINH-2026-000001\tduplicate", "HN-BADINH-2026-000002\tduplicate");

        Path changed = keys.resolve("changed.json");
        Files.writeString(changed, Files.readString(SAMPLE).replace("Nguyễn Thị Mai", "Nguyễn Thị Hoa"));
        Run conflict = run(keys, "send", base, desk, changed.toString(), "vi");
        assertThat(conflict.out()).contains("HN-BADINH-2026-000001\tconflict", "HN-BADINH-2026-000002\tduplicate");

        Run stranger = run(keys, "send", base, "no-such-desk", SAMPLE.toString(), "vi");
        assertThat(stranger.status()).isEqualTo(2);
        assertThat(stranger.err()).startsWith("error: ");
        assertThat(new AdminApi(server).callAsAdmin("GET", "/clients?clientId=" + desk, null).body())
                .contains("\"vneid.government\":\"true\"");
    }
}
