package vn.vneid.sso.sms.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.sms.SmsException;

class HttpSmsClientTest {

    /**
     * The stub answers at once, but a shared, loaded machine can be slow to schedule it: a generous read timeout, so
     * that only the tests about timeouts ever meet one.
     */
    private static final Duration PROMPT_ANSWER = Duration.ofSeconds(30);


    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int[] statuses = {200};
    private volatile long delayMillis;

    @BeforeEach
    void startGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", exchange -> {
            int call = calls.getAndIncrement();
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            idempotencyKeys.add(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(statuses[Math.min(call, statuses.length - 1)], -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stopGateway() {
        server.stop(0);
    }

    private HttpSmsClient client(int retries, Duration readTimeout) {
        return client(retries, readTimeout, false);
    }

    private HttpSmsClient client(int retries, Duration readTimeout, boolean retryServerErrors) {
        return new HttpSmsClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms"),
                "Bearer s3cret", Duration.ofMillis(500), readTimeout, retries, Duration.ofMillis(10),
                retryServerErrors);
    }

    @Test
    void postsJsonWithDestinationTextAndAuthorization() throws SmsException {
        client(2, PROMPT_ANSWER).send("+84912345789", "VNeID: ma 123456");
        assertThat(calls).hasValue(1);
        assertThat(bodies.get(0)).contains("\"to\":\"+84912345789\"").contains("\"text\":\"VNeID: ma 123456\"");
        assertThat(authorizations.get(0)).isEqualTo("Bearer s3cret");
    }

    @Test
    void aServerErrorIsFinalAndMayHaveBeenDelivered() {
        statuses = new int[] {502, 200};
        assertThatThrownBy(() -> client(2, PROMPT_ANSWER).send("+84912345789", "x"))
                .isInstanceOfSatisfying(SmsException.class,
                        e -> assertThat(e.mayHaveBeenDelivered()).isTrue());
        assertThat(calls).hasValue(1);
    }

    @Test
    void tooManyRequestsProvesNothingWasSentAndIsRetriedWithTheSameKey() throws SmsException {
        statuses = new int[] {429, 429, 200};
        client(2, PROMPT_ANSWER).send("+84912345789", "x");
        assertThat(calls).hasValue(3);
        assertThat(idempotencyKeys).hasSize(3).doesNotContain("null");
        assertThat(idempotencyKeys.stream().distinct()).hasSize(1);
    }

    @Test
    void aGatewayThatHonoursTheKeyGetsServerErrorsRetriedWithTheSameKey() throws SmsException {
        statuses = new int[] {503, 502, 200};
        client(2, PROMPT_ANSWER, true).send("+84912345789", "x");
        assertThat(calls).hasValue(3);
        assertThat(idempotencyKeys.stream().distinct()).hasSize(1);
    }

    @Test
    void eachMessageHasItsOwnKey() throws SmsException {
        HttpSmsClient client = client(0, PROMPT_ANSWER);
        client.send("+84912345789", "a");
        client.send("+84912345789", "b");
        assertThat(idempotencyKeys.stream().distinct()).hasSize(2);
    }

    @Test
    void givesUpAfterTheLastRetryWithoutLeakingTheTextOrTheUrl() {
        statuses = new int[] {500};
        assertThatThrownBy(() -> client(2, PROMPT_ANSWER, true).send("+84912345789", "ma 987654"))
                .isInstanceOf(SmsException.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageNotContaining("987654")
                .hasMessageNotContaining("+84912345789")
                .hasMessageNotContaining("127.0.0.1");
        assertThat(calls).hasValue(3);
    }

    @Test
    void aClientErrorIsNotRetried() {
        statuses = new int[] {400};
        assertThatThrownBy(() -> client(2, PROMPT_ANSWER).send("+84912345789", "x"))
                .isInstanceOf(SmsException.class).hasMessageContaining("HTTP 400");
        assertThat(calls).hasValue(1);
    }

    @Test
    void aReadTimeoutIsNotRetriedLestTheCodeArriveTwiceAndMayHaveBeenDelivered() {
        // The gateway answers long after the client gave up: no assumption about how fast this machine is.
        delayMillis = 5000;
        assertThatThrownBy(() -> client(2, Duration.ofMillis(200)).send("+84912345789", "x"))
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e).hasMessageContaining("Timeout");
                    assertThat(e.mayHaveBeenDelivered()).isTrue();
                });
        assertThat(calls).hasValue(1);
    }

    @Test
    void aClosedPortFailsCleanly() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpSmsClient down = new HttpSmsClient(URI.create("http://127.0.0.1:" + closedPort + "/sms"), null,
                Duration.ofMillis(500), Duration.ofSeconds(1), 1, Duration.ofMillis(10), false);
        assertThatThrownBy(() -> down.send("+84912345789", "x")).isInstanceOfSatisfying(SmsException.class, e -> {
            assertThat(e).hasMessageContaining("ConnectException");
            assertThat(e.mayHaveBeenDelivered()).isFalse();
        });
    }
}
