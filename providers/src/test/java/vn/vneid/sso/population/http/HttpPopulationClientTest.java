package vn.vneid.sso.population.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.identity.NationalIdNumber;
import vn.vneid.sso.http.CircuitBreaker;
import vn.vneid.sso.http.LookupSettings;
import vn.vneid.sso.population.PopulationRegistryUnavailableException;

/** The population client against a real local HTTP server. */
class HttpPopulationClientTest {

    static final String HOA = "{\"nationalId\":\"001190100001\",\"fullName\":\"Nguyễn Thị Hòa\","
            + "\"birthDate\":\"1990-05-20\",\"gender\":\"female\"}";

    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReference<String> lastBody = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String record = HOA;

    @BeforeEach
    void startRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/population", exchange -> {
            calls.incrementAndGet();
            lastBody.set(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = status == 200 ? record.getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopRegistry() {
        server.stop(0);
    }

    private HttpPopulationClient client(int retries) {
        LookupSettings settings = new LookupSettings(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + "/population"), null, Duration.ofSeconds(5), Duration.ofSeconds(10), retries, Duration.ZERO, 1000,
                Duration.ofSeconds(30));
        return new HttpPopulationClient(settings, settings.breaker(Clock.systemUTC()));
    }

    @Test
    void postsTheNumberInTheBodyAndReadsThePerson() throws Exception {
        var person = client(0).lookup(NationalIdNumber.parse("001190100001"));
        assertThat(person).isPresent();
        assertThat(person.get().fullName()).isEqualTo("Nguyễn Thị Hòa");
        assertThat(lastBody.get()).isEqualTo("POST /population {\"nationalId\":\"001190100001\"}");
    }

    @Test
    void notFoundIsEmpty() throws Exception {
        status = 404;
        assertThat(client(1).lookup(NationalIdNumber.parse("001190100001"))).isEmpty();
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void a503IsRetriedThenUnavailable() {
        status = 503;
        assertThatThrownBy(() -> client(1).lookup(NationalIdNumber.parse("001190100001")))
                .isInstanceOf(PopulationRegistryUnavailableException.class).hasMessage("failed: HTTP 503");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void anUnreadableRecordIsTheRegistryFailing() {
        record = "{\"nationalId\":\"001190100001\"}";
        assertThatThrownBy(() -> client(0).lookup(NationalIdNumber.parse("001190100001")))
                .isInstanceOf(PopulationRegistryUnavailableException.class).hasMessageContaining("unreadable");
    }

    @Test
    void aClientErrorIsNotRetried() {
        status = 400;
        assertThatThrownBy(() -> client(3).lookup(NationalIdNumber.parse("001190100001")))
                .isInstanceOf(PopulationRegistryUnavailableException.class);
        assertThat(calls.get()).isEqualTo(1);
    }
}
