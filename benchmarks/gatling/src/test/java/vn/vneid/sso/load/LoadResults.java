package vn.vneid.sso.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Whole journeys (a login from the authorization request to the tokens), timed by the load generator per kind
 * (stock, ours) and phase; written as JSON, a Markdown table and an SVG chart. Gatling's own report keeps the
 * per-request detail.
 */
final class LoadResults {

    /** One kind of journey in one phase of the run. */
    static final class Phase {
        final String kind;
        final int round;
        private final long serverPid;
        final ConcurrentLinkedQueue<Long> millis = new ConcurrentLinkedQueue<>();
        final AtomicInteger failures = new AtomicInteger();
        volatile long firstStart = Long.MAX_VALUE;
        volatile long lastEnd = Long.MIN_VALUE;
        /** The machine's 1-minute load average while the phase ran (it is shared: figures need it beside them). */
        final List<Double> loadAverages = new ArrayList<>();
        private long lastSample = Long.MIN_VALUE;
        private int completed;
        private int samples;
        /** The server's CPU time (ms) and the journeys completed, at the phase's first and latest sample. */
        private long firstCpuMs = -1;
        private int firstCompleted;
        private long lastCpuMs = -1;
        private int lastCompleted;

        Phase(String kind, int round, long serverPid) {
            this.kind = kind;
            this.round = round;
            this.serverPid = serverPid;
        }

        synchronized void done(long startNanos, long endNanos) {
            millis.add((endNanos - startNanos) / 1_000_000);
            completed++;
            firstStart = Math.min(firstStart, startNanos);
            lastEnd = Math.max(lastEnd, endNanos);
            if (lastSample == Long.MIN_VALUE || endNanos - lastSample > 2_000_000_000L) {
                lastSample = endNanos;
                double load = loadAverage();
                if (load >= 0) {
                    loadAverages.add(load);
                }
                // From the second sample on: in the first seconds of a refresh or userinfo phase the users are
                // still logging in, which is not the journey measured.
                long cpu = ++samples < 2 ? -1 : cpuMillis(serverPid);
                if (cpu >= 0 && firstCpuMs < 0) {
                    firstCpuMs = cpu;
                    firstCompleted = completed;
                } else if (cpu >= 0) {
                    lastCpuMs = cpu;
                    lastCompleted = completed;
                }
            }
        }

        /** The server's CPU milliseconds spent between the first and the latest sample, and the journeys done then. */
        synchronized long[] cpuAndJourneys() {
            if (firstCpuMs < 0 || lastCpuMs < 0 || lastCompleted <= firstCompleted) {
                return new long[] {0, 0};
            }
            return new long[] {lastCpuMs - firstCpuMs, lastCompleted - firstCompleted};
        }
    }

    /**
     * User plus system CPU time of a process from /proc, in ms (Linux counts it in ticks of 1/100 s), or -1. The load
     * generator shares the machine: the server's own CPU per journey is the figure it cannot blur, and it does not
     * move with what else the machine runs as throughput does.
     */
    static long cpuMillis(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the command's closing parenthesis: state is field 3, utime field 14, stime field 15.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The 1-minute load average of the machine, or -1 where /proc is not there. */
    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Ratio name, stock's kind, our kind. */
    private static final List<String[]> PAIRS = List.of(
            new String[] {"login", "stock-login", "vneid-login"},
            new String[] {"login-two-factor", "stock-two-factor-login", "vneid-login"},
            new String[] {"refresh", "stock-refresh", "vneid-refresh"},
            new String[] {"userinfo", "stock-userinfo", "vneid-userinfo"},
            new String[] {"client-credentials", "stock-client-credentials", "vneid-client-credentials"});

    private final Map<String, Phase> phases = new ConcurrentHashMap<>();
    private final List<String> order = Collections.synchronizedList(new ArrayList<>());
    private final long serverPid;

    LoadResults(long serverPid) {
        this.serverPid = serverPid;
    }

    Phase phase(String kind, int round) {
        return phase(kind, round, true);
    }

    /** @param serverCpu whether the server's CPU is the phase's alone (no other phase runs at the same time) */
    Phase phase(String kind, int round, boolean serverCpu) {
        return phases.computeIfAbsent(kind + "-" + round, name -> {
            order.add(name);
            return new Phase(kind, round, serverCpu ? serverPid : 0);
        });
    }

    /** Throughput and percentiles per kind over all its phases; the ratio ours/stock where both ran. */
    void write(Path dir, LoadSettings settings) throws IOException {
        Files.createDirectories(dir);
        Map<String, Summary> byKind = new LinkedHashMap<>();
        for (String name : order) {
            Phase phase = phases.get(name);
            if (phase.round == 0) {
                continue;
            }
            byKind.computeIfAbsent(phase.kind, Summary::new).add(phase);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("citizens", settings.citizens());
        root.put("concurrency", settings.concurrency());
        root.put("warmUpSeconds", settings.warmUp().toSeconds());
        root.put("phaseSeconds", settings.phase().toSeconds());
        root.put("rounds", settings.rounds());
        root.put("loginsTogether", settings.loginsTogether());
        ArrayNode kinds = root.putArray("kinds");
        for (Summary summary : byKind.values()) {
            ObjectNode node = kinds.addObject();
            node.put("kind", summary.kind);
            node.put("journeys", summary.count());
            node.put("failures", summary.failures);
            node.put("perSecond", round(summary.perSecond()));
            node.put("p50ms", summary.percentile(50));
            node.put("p95ms", summary.percentile(95));
            node.put("p99ms", summary.percentile(99));
            node.put("loadAverage", round(summary.loadAverage()));
            if (summary.cpuMsPerJourney() > 0) {
                node.put("serverCpuMsPerJourney", round(summary.cpuMsPerJourney()));
            }
            ArrayNode rounds = node.putArray("perSecondPerRound");
            ArrayNode cpuRounds = node.putArray("serverCpuMsPerJourneyPerRound");
            for (Phase phase : summary.phases) {
                Summary one = new Summary(phase.kind);
                one.add(phase);
                rounds.add(round(one.perSecond()));
                cpuRounds.add(round(one.cpuMsPerJourney()));
            }
        }
        ObjectNode ratios = root.putObject("throughputRatioOursToStock");
        ObjectNode perRound = root.putObject("throughputRatioPerRound");
        // Stock's server CPU per journey over ours: the capacity ratio of the server alone, machine drift aside.
        ObjectNode capacity = root.putObject("serverCpuRatioStockToOurs");
        // Each of our journeys against its stock counterpart; our login against both of stock's.
        for (String[] pair : PAIRS) {
            String journey = pair[0];
            Summary stock = byKind.get(pair[1]);
            Summary ours = byKind.get(pair[2]);
            if (stock != null && ours != null && stock.perSecond() > 0) {
                ratios.put(journey, round(ours.perSecond() / stock.perSecond()));
                ArrayNode rounds = perRound.putArray(journey);
                roundRatios(pair[1], pair[2]).forEach(ratio -> rounds.add(round(ratio)));
                if (stock.cpuMsPerJourney() > 0 && ours.cpuMsPerJourney() > 0) {
                    capacity.put(journey, round(stock.cpuMsPerJourney() / ours.cpuMsPerJourney()));
                }
            }
        }
        json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("summary.json").toFile(), root);
        Files.writeString(dir.resolve("summary.md"), markdown(byKind, root), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("latency.svg"), svg(byKind), StandardCharsets.UTF_8);
    }

    /**
     * Ours/stock per round: the two kinds of a round run back to back, so a drift of the machine (another process, a
     * GC of the load generator) shows as a spread between rounds rather than hiding in one total.
     */
    private List<Double> roundRatios(String stockKind, String oursKind) {
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; phases.containsKey(stockKind + "-" + round); round++) {
            Summary stock = new Summary("stock");
            stock.add(phases.get(stockKind + "-" + round));
            Phase oursPhase = phases.get(oursKind + "-" + round);
            if (oursPhase == null) {
                break;
            }
            Summary ours = new Summary("vneid");
            ours.add(oursPhase);
            if (stock.perSecond() > 0) {
                ratios.add(ours.perSecond() / stock.perSecond());
            }
        }
        return ratios;
    }

    private static String markdown(Map<String, Summary> byKind, ObjectNode root) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Accounts per realm: %d; concurrent users: %d; after %d s of warm-up per "
                        + "kind, %d rounds of %d s per kind, %s.%n%n", root.path("citizens").asInt(),
                root.path("concurrency").asInt(), root.path("warmUpSeconds").asInt(), root.path("rounds").asInt(),
                root.path("phaseSeconds").asInt(), root.path("loginsTogether").asBoolean()
                        ? "the logins of a round at the same time (each kind its own users), the rest alternating"
                        : "alternating"));
        md.append("| Journey | Completed | Failed | Per second | p50 ms | p95 ms | p99 ms | Server CPU ms per journey "
                + "| Load average |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Summary s : byKind.values()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %d | %d | %d | %s | %.2f |%n", s.kind,
                    s.count(), s.failures, s.perSecond(), s.percentile(50), s.percentile(95), s.percentile(99),
                    s.cpuMsPerJourney() > 0 ? String.format(Locale.ROOT, "%.2f", s.cpuMsPerJourney()) : "-",
                    s.loadAverage()));
        }
        md.append(String.format(Locale.ROOT, "%nLoad average: the machine's 1-minute figure, mean over the journey's "
                + "phases (%d cores).%n", Runtime.getRuntime().availableProcessors()));
        if (byKind.containsKey("vneid-chip-step-up")) {
            md.append(String.format(Locale.ROOT, "%nChip step-up (level-1 session to vneid-l2, the app's requests "
                    + "included; stock Keycloak has no equivalent): %.2f per second (goal: at least 10).%n",
                    byKind.get("vneid-chip-step-up").perSecond()));
        }
        root.path("throughputRatioOursToStock").fields().forEachRemaining(ratio -> {
            List<String> rounds = new ArrayList<>();
            root.path("throughputRatioPerRound").path(ratio.getKey())
                    .forEach(value -> rounds.add(String.format(Locale.ROOT, "%.3f", value.asDouble())));
            md.append(String.format(Locale.ROOT, "%nThroughput ours/stock, %s: %.3f (per round: %s; median %s)%n",
                    ratio.getKey(), ratio.getValue().asDouble(), String.join(", ", rounds), median(rounds)));
            JsonNode capacity = root.path("serverCpuRatioStockToOurs").path(ratio.getKey());
            if (!capacity.isMissingNode()) {
                md.append(String.format(Locale.ROOT, "Server CPU per journey, stock/ours, %s: %.3f%n", ratio.getKey(),
                        capacity.asDouble()));
            }
        });
        return md.toString();
    }

    /** Grouped bars: p50, p95, p99 per journey kind. */
    private static String svg(Map<String, Summary> byKind) {
        int width = Math.max(640, 80 + 120 * byKind.size());
        int height = 380;
        int left = 60;
        int bottom = 260;
        long max = byKind.values().stream().mapToLong(s -> s.percentile(99)).max().orElse(1);
        max = Math.max(1, max);
        String[] colours = {"#1b5e20", "#f9a825", "#b71c1c"};
        int[] percentiles = {50, 95, 99};
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
        svg.append("<title>Journey latency (ms): p50, p95, p99</title>\n");
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"20\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                left, left, bottom));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                left, bottom, width - 10, bottom));
        svg.append(String.format(Locale.ROOT, "<text x=\"5\" y=\"25\">%d ms</text>%n", max));
        int group = (width - left - 20) / Math.max(1, byKind.size());
        int bar = Math.max(8, group / 5);
        int i = 0;
        for (Summary s : byKind.values()) {
            int x0 = left + 10 + i * group;
            for (int p = 0; p < percentiles.length; p++) {
                long value = s.percentile(percentiles[p]);
                int h = (int) Math.round((bottom - 30) * (double) value / max);
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
                        + "fill=\"%s\"><title>%s p%d: %d ms</title></rect>%n", x0 + p * (bar + 4), bottom - h, bar,
                        h, colours[p], s.kind, percentiles[p], value));
            }
            // Slanted: the longer journey names would overlap their neighbours.
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" transform=\"rotate(20 %d %d)\">%s</text>%n",
                    x0, bottom + 16, x0, bottom + 16, s.kind));
            i++;
        }
        for (int p = 0; p < percentiles.length; p++) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"355\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"366\">p%d</text>%n", left + p * 70, colours[p], left + 16 + p * 70,
                    percentiles[p]));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String median(List<String> values) {
        if (values.isEmpty()) {
            return "-";
        }
        List<Double> sorted = values.stream().map(Double::parseDouble).sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return String.format(Locale.ROOT, "%.3f", median);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static final class Summary {
        final String kind;
        final List<Long> millis = new ArrayList<>();
        final List<Double> loadAverages = new ArrayList<>();
        int failures;
        double seconds;
        int completed;

        Summary(String kind) {
            this.kind = kind;
        }

        long cpuMs;
        long cpuJourneys;

        double cpuMsPerJourney() {
            return cpuJourneys > 0 ? (double) cpuMs / cpuJourneys : 0;
        }

        final List<Phase> phases = new ArrayList<>();

        void add(Phase phase) {
            phases.add(phase);
            long[] cpu = phase.cpuAndJourneys();
            cpuMs += cpu[0];
            cpuJourneys += cpu[1];
            List<Long> values = new ArrayList<>(phase.millis);
            millis.addAll(values);
            failures += phase.failures.get();
            synchronized (phase) {
                loadAverages.addAll(phase.loadAverages);
            }
            completed += values.size();
            if (!values.isEmpty()) {
                seconds += (phase.lastEnd - phase.firstStart) / 1e9;
            }
            Collections.sort(millis);
        }

        double loadAverage() {
            return loadAverages.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        int count() {
            return completed;
        }

        double perSecond() {
            return seconds > 0 ? completed / seconds : 0;
        }

        long percentile(int p) {
            if (millis.isEmpty()) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * millis.size()) - 1;
            return millis.get(Math.max(0, Math.min(millis.size() - 1, index)));
        }
    }
}
