package vn.vneid.sso.chipsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void cscaPemPrintsTheDemoCertificate() throws Exception {
        assertThat(run("csca-pem")).isZero();
        assertThat(out()).isEqualTo(TestPki.demo().cscaCertificatePem());
    }

    @Test
    void approveAsADemoCitizen() throws Exception {
        try (StubServer server = new StubServer()) {
            assertThat(run("approve", server.base().toString(), "vneid", StubServer.TX, "001085012345")).isZero();
            assertThat(out()).startsWith("HTTP 200").contains("approved");
            assertThat(server.requests).hasSize(2);
        }
    }

    @Test
    @DisplayName("the scanned QR content carries only the code: the server is the app's own")
    void approveFromTheQrContent() throws Exception {
        try (StubServer server = new StubServer()) {
            assertThat(run("approve", server.base().toString(), "vneid",
                    "vneid://chip-step-up?tx=" + StubServer.TX, "001085012345")).isZero();
            assertThat(server.requests).hasSize(2);
        }
        assertThatThrownBy(() -> PhoneApp.transactionCode(
                "vneid://chip-step-up?tx=AAAAAAAAAAAAAAAAAAAAAA&endpoint=https://evil.example"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usageOnBadArguments() throws Exception {
        assertThat(run()).isEqualTo(2);
        assertThat(run("approve", "http://x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }

    private int run(String... args) throws Exception {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
