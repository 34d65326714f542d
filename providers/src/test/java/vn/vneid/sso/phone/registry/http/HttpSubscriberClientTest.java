package vn.vneid.sso.phone.registry.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.http.CircuitBreaker;
import vn.vneid.sso.http.LookupSettings;
import vn.vneid.sso.phone.PhoneNumber;
import vn.vneid.sso.phone.registry.RegistryUnavailableException;

/** The registry client against a real local HTTP server that answers with records we did not expect. */
class HttpSubscriberClientTest {

    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile String record;
    // The clock stands still: once open, the breaker stays open for the whole test.
    private final CircuitBreaker breaker = new CircuitBreaker(2, Duration.ofSeconds(30),
            Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC));

    @BeforeEach
    void startRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/subscribers", exchange -> {
            calls.incrementAndGet();
            byte[] body = record.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopRegistry() {
        server.stop(0);
    }

    private HttpSubscriberClient client() {
        return new HttpSubscriberClient(new LookupSettings(URI.create("http://user:s3cret@127.0.0.1:"
                + server.getAddress().getPort() + "/subscribers"), null, Duration.ofSeconds(5), Duration.ofSeconds(10),
                0, Duration.ZERO, 2, Duration.ofSeconds(30)), breaker);
    }

    @Test
    void aMalformedDateIsTheRegistryFailingAndOpensTheBreaker() throws Exception {
        record = "{\"number\":\"+84978000001\",\"ownerNationalId\":\"001090000001\",\"kind\":\"PREPAID\","
                + "\"status\":\"ACTIVE\",\"activatedOn\":\"2020-01-01\",\"expiresOn\":\"31/12/2027\"}";
        HttpSubscriberClient client = client();
        PhoneNumber number = PhoneNumber.parse("0978000001");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.lookup(number)).isInstanceOf(RegistryUnavailableException.class)
                    .hasMessageNotContaining("s3cret").hasMessageNotContaining("127.0.0.1");
        }
        assertThatThrownBy(() -> client.lookup(number)).isInstanceOf(RegistryUnavailableException.class)
                .hasMessage("circuit open");
        assertThat(calls).as("an open breaker calls nobody").hasValue(2);
    }

    @Test
    void garbageAndUnknownValuesAreFailuresToo() throws Exception {
        HttpSubscriberClient client = client();
        PhoneNumber number = PhoneNumber.parse("0978000001");
        record = "not json at all";
        assertThatThrownBy(() -> client.lookup(number)).isInstanceOf(RegistryUnavailableException.class);
        record = "{\"number\":\"+84978000001\",\"ownerNationalId\":\"001090000001\",\"kind\":\"SATELLITE\","
                + "\"status\":\"ACTIVE\"}";
        assertThatThrownBy(() -> client.lookup(number)).isInstanceOf(RegistryUnavailableException.class);
        assertThatThrownBy(() -> client.lookup(number)).isInstanceOf(RegistryUnavailableException.class)
                .hasMessage("circuit open");
        assertThat(calls).hasValue(2);
    }
}
