package vn.vneid.sso.it.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.vneid.sso.it.pages.LoginPage;
import vn.vneid.sso.it.pages.SmsCodePage;

/**
 * Issue #14: level-1 logins per second (password + SMS code + token exchange) against the nodes of
 * scripts/cluster.sh, each login on one node taken in turn from the list given. Not a test and not a benchmark
 * harness: a measurement whose figures go in the notes. Lifts the SMS send limits of the cluster's realm.
 * <pre>
 * java -cp ... vn.vneid.sso.it.support.ClusterLoginLoad &lt;outbox&gt; &lt;threads&gt; &lt;seconds&gt; &lt;node URL&gt;...
 * </pre>
 */
public final class ClusterLoginLoad {

    private static final Pattern LINE = Pattern.compile("\"to\"\\s*:\\s*\"([^\"]+)\".*?(\\d{6})");

    private final Map<String, BlockingQueue<String>> codes = new ConcurrentHashMap<>();
    private final Path outbox;
    private volatile boolean running = true;

    private ClusterLoginLoad(Path outbox) {
        this.outbox = outbox;
    }

    public static void main(String[] args) throws Exception {
        Path outbox = Paths.get(args[0]);
        int threads = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        List<URI> nodes = Arrays.stream(args).skip(3).map(URI::create).toList();
        AdminApi admin = new AdminApi(nodes.get(0));
        admin.updateSmsCodeConfig(Map.of("limit-per-number-hour", "0", "limit-per-account-day", "0",
                "limit-per-ip-hour", "0"));
        List<AdminApi.Citizen> citizens = new ArrayList<>();
        for (int i = 0; i < threads * 4; i++) {
            citizens.add(admin.createCitizen("Tải Văn Thử", AdminApi.newPhone(), true, 1));
        }
        ClusterLoginLoad load = new ClusterLoginLoad(outbox);
        Thread tail = new Thread(load::tail, "outbox-tail");
        tail.setDaemon(true);
        tail.start();
        List<OidcClient> clients = nodes.stream()
                .map(node -> new OidcClient(node.resolve("/realms/" + KeycloakServer.REALM), OidcClient.DEMO_CLIENT,
                        OidcClient.DEMO_REDIRECT)).toList();

        // Warm-up (JIT, caches), then the measured window.
        load.run(clients, citizens, threads, Math.max(10, seconds / 4));
        long[] result = load.run(clients, citizens, threads, seconds);
        System.out.printf("nodes=%d threads=%d seconds=%d logins=%d failures=%d logins/s=%.2f mean ms=%.0f%n",
                nodes.size(), threads, seconds, result[0], result[1], result[0] / (double) seconds,
                result[0] == 0 ? 0.0 : result[2] / 1e6 / result[0]);
        load.running = false;
    }

    private long[] run(List<OidcClient> clients, List<AdminApi.Citizen> citizens, int threads, int seconds)
            throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong nanos = new AtomicLong();
        AtomicInteger turn = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            pool.submit(() -> {
                int i = 0;
                while (System.nanoTime() < end) {
                    // Each thread has its own citizens: no two logins of one account at once.
                    AdminApi.Citizen citizen = citizens.get(thread + threads * (i++ % 4));
                    OidcClient client = clients.get(turn.getAndIncrement() % clients.size());
                    long started = System.nanoTime();
                    try {
                        login(client, citizen);
                        if (System.nanoTime() < end) {
                            done.incrementAndGet();
                            nanos.addAndGet(System.nanoTime() - started);
                        }
                    } catch (RuntimeException | AssertionError e) {
                        failed.incrementAndGet();
                        System.err.println("login failed: " + e.getMessage() + " (" + e.getCause() + ")");
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 300L, TimeUnit.SECONDS);
        return new long[] {done.get(), failed.get(), nanos.get()};
    }

    private void login(OidcClient client, AdminApi.Citizen citizen) {
        Browser browser = new Browser();
        OidcClient.Login login = client.login();
        queue(citizen.phone()).clear();
        SmsCodePage page = LoginPage.signIn(browser, login, citizen.nationalId(), citizen.password());
        String code;
        try {
            code = queue(citizen.phone()).poll(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (code == null) {
            throw new IllegalStateException("no SMS to " + citizen.phone());
        }
        login.finish(page.submitCode(code).redirectTarget());
    }

    private BlockingQueue<String> queue(String phone) {
        return codes.computeIfAbsent(phone, p -> new LinkedBlockingQueue<>());
    }

    /** Follows the outbox as both nodes append to it, handing each code to the login waiting for it. */
    private void tail() {
        try (RandomAccessFile file = new RandomAccessFile(outbox.toFile(), "r")) {
            file.seek(file.length());
            StringBuilder partial = new StringBuilder();
            byte[] buffer = new byte[65536];
            while (running) {
                int read = file.read(buffer);
                if (read <= 0) {
                    Thread.sleep(5);
                    continue;
                }
                partial.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                int newline;
                while ((newline = partial.indexOf("\n")) >= 0) {
                    Matcher matcher = LINE.matcher(partial.substring(0, newline));
                    if (matcher.find()) {
                        queue(matcher.group(1)).add(matcher.group(2));
                    }
                    partial.delete(0, newline + 1);
                }
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
