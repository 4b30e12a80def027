package org.modseq.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code report}: turns result files into the published figures, so that no number in
 * docs/benchmarks is typed by hand. From JMH's JSON ({@code -rf json}) it writes a table per
 * benchmark (score per mailbox size n and change count k, allocation per operation when run with
 * {@code -prof gc}), the flatness ratio score(n = max) / score(n = min) per k, and a log-log plot
 * of time against n; from the load driver's JSON lines it writes a table per server and the
 * ratios of every other server to the first.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write Markdown tables and PNG plots from JMH and load-driver results.")
public final class ResultsReport implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--jmh", description = "JMH results (JSON); repeat for several runs.")
    List<Path> jmh;

    @Option(names = "--driver", description = "Load-driver results (JSON lines).")
    Path driver;

    @Option(names = "--footprint", description = "FootprintProbe results (JSON lines).")
    Path footprint;

    @Option(names = "--out", required = true, description = "Directory for results.md and the plots.")
    Path out;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new ResultsReport());
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println("report: " + e.getMessage());
            return 1;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if (jmh == null && driver == null && footprint == null) {
            throw new IllegalArgumentException("give --jmh, --driver, --footprint or several");
        }
        Files.createDirectories(out);
        if (jmh != null) {
            List<Score> scores = new ArrayList<>();
            for (Path file : jmh) {
                scores.addAll(scores(JSON.readTree(file.toFile())));
            }
            writeJmh(scores);
        }
        if (driver != null) {
            writeDriver(jsonLines(driver));
        }
        if (footprint != null) {
            writeFootprint(jsonLines(footprint));
        }
        return 0;
    }

    private static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                rows.add(JSON.readTree(line));
            }
        }
        return rows;
    }

    private void writeFootprint(List<JsonNode> rows) throws IOException {
        try (PrintWriter md = new PrintWriter(Files.newBufferedWriter(out.resolve("footprint.md"),
                StandardCharsets.UTF_8))) {
            md.println("<!-- Written by ResultsReport from " + footprint.getFileName() + "; do not edit. -->");
            md.println();
            md.println("Heap per message, in bytes; the store's own structures are the total less the array that");
            md.println("holds each message's octets (which a real message makes larger).");
            md.println();
            md.println("| server choices | messages | as appended | of which the store's own | after one flag change each"
                    + " | of which the store's own |");
            md.println("|---|---:|---:|---:|---:|---:|");
            for (JsonNode row : rows) {
                double content = row.path("contentArrayBytes").asDouble(0);
                double appended = row.path("bytesPerMessageAppended").asDouble();
                double changed = row.path("bytesPerMessageChanged").asDouble();
                md.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", row.path("preset").asText(),
                        count(row.path("messages").asLong()), number(appended), number(appended - content),
                        number(changed), number(changed - content));
            }
        }
    }

    /** One JMH score: benchmark, parameters, value and its error, allocation per op (or NaN). */
    record Score(String benchmark, long messages, long changes, double score, double error, String unit,
            double allocatedBytes) {
    }

    static List<Score> scores(JsonNode results) {
        List<Score> scores = new ArrayList<>();
        for (JsonNode run : results) {
            String name = run.path("benchmark").asText();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            JsonNode params = run.path("params");
            if (params.has("engine")) {
                name = name + " (" + params.path("engine").asText() + ")"; // ModelAndStoreBenchmark: one row per engine
            }
            JsonNode primary = run.path("primaryMetric");
            JsonNode alloc = run.path("secondaryMetrics").path("gc.alloc.rate.norm");
            if (alloc.isMissingNode()) {
                alloc = run.path("secondaryMetrics").path("·gc.alloc.rate.norm");
            }
            scores.add(new Score(name, params.path("messages").asLong(0), params.path("changes").asLong(0),
                    primary.path("score").asDouble(), primary.path("scoreError").asDouble(Double.NaN),
                    primary.path("scoreUnit").asText(), alloc.path("score").asDouble(Double.NaN)));
        }
        return scores;
    }

    private void writeJmh(List<Score> scores) throws IOException {
        Map<String, List<Score>> byBenchmark = new TreeMap<>();
        for (Score s : scores) {
            byBenchmark.computeIfAbsent(s.benchmark(), b -> new ArrayList<>()).add(s);
        }
        try (PrintWriter md = new PrintWriter(Files.newBufferedWriter(out.resolve("jmh.md"), StandardCharsets.UTF_8))) {
            md.println("<!-- Written by ResultsReport from " + jmh.stream().map(f -> f.getFileName().toString())
                    .collect(java.util.stream.Collectors.joining(", ")) + "; do not edit. -->");
            md.println();
            md.println("| benchmark | n | k | score | error | unit | allocated B/op |");
            md.println("|---|---:|---:|---:|---:|---|---:|");
            for (List<Score> list : byBenchmark.values()) {
                for (Score s : list) {
                    md.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", s.benchmark(), count(s.messages()),
                            count(s.changes()), number(s.score()), number(s.error()), s.unit(),
                            number(s.allocatedBytes()));
                }
            }
            md.println();
            md.println("Flatness: the score at the largest n divided by the score at the smallest n, for the same k"
                    + " (issue 5 target: at most 1.5 for the change-driven operations).");
            md.println();
            md.println("| benchmark | k | smallest n | largest n | ratio |");
            md.println("|---|---:|---:|---:|---:|");
            for (Map.Entry<String, List<Score>> entry : byBenchmark.entrySet()) {
                Map<Long, TreeMap<Long, Score>> byChanges = byChanges(entry.getValue());
                for (Map.Entry<Long, TreeMap<Long, Score>> k : byChanges.entrySet()) {
                    TreeMap<Long, Score> byN = k.getValue();
                    if (byN.size() > 1) {
                        md.printf(Locale.ROOT, "| %s | %s | %s | %s | %.2f |%n", entry.getKey(), count(k.getKey()),
                                count(byN.firstKey()), count(byN.lastKey()),
                                byN.lastEntry().getValue().score() / byN.firstEntry().getValue().score());
                    }
                }
                if (byChanges.values().stream().anyMatch(m -> m.size() > 1)) {
                    plot(entry.getKey(), byChanges);
                }
            }
        }
    }

    private static Map<Long, TreeMap<Long, Score>> byChanges(List<Score> scores) {
        Map<Long, TreeMap<Long, Score>> byChanges = new TreeMap<>();
        for (Score s : scores) {
            if (s.messages() > 0) {
                byChanges.computeIfAbsent(s.changes(), k -> new TreeMap<>()).put(s.messages(), s);
            }
        }
        return byChanges;
    }

    private void plot(String benchmark, Map<Long, TreeMap<Long, Score>> byChanges) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        String unit = "";
        for (Map.Entry<Long, TreeMap<Long, Score>> k : byChanges.entrySet()) {
            XYSeries series = new XYSeries(k.getKey() == 0 ? benchmark : "k = " + count(k.getKey()));
            for (Score s : k.getValue().values()) {
                series.add(s.messages(), s.score());
                unit = s.unit();
            }
            data.addSeries(series);
        }
        LogAxis x = new LogAxis("messages in the mailbox (n)");
        x.setBase(10);
        LogAxis y = new LogAxis(unit);
        y.setBase(10);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(benchmark, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        String file = benchmark.replace('.', '-').replace(" (", "-").replace(")", "");
        ChartUtils.saveChartAsPNG(out.resolve(file + ".png").toFile(), chart, 720, 420);
    }

    private void writeDriver(List<JsonNode> rows) throws IOException {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(driver + " holds no results");
        }
        String first = rows.getFirst().path("label").asText();
        Map<Long, JsonNode> baseline = new TreeMap<>();
        for (JsonNode row : rows) {
            if (row.path("label").asText().equals(first)) {
                baseline.put(row.path("messages").asLong(), row);
            }
        }
        try (PrintWriter md = new PrintWriter(Files.newBufferedWriter(out.resolve("driver.md"), StandardCharsets.UTF_8))) {
            md.println("<!-- Written by ResultsReport from " + driver.getFileName() + "; do not edit. -->");
            md.println();
            md.println("Times in microseconds, p50 / p99; STORE throughput in commands per second. The ratio"
                    + " columns divide each server's p50 (or, for STORE, the first server's throughput) by " + first
                    + "'s: above 1 means " + first + " is faster.");
            md.println();
            md.println("| server | n | k | QRESYNC select | ratio | CHANGEDSINCE fetch | ratio | STORE/s | ratio"
                    + " | STORE latency | appends/s |");
            md.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (JsonNode row : rows) {
                JsonNode base = baseline.get(row.path("messages").asLong());
                md.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                        row.path("label").asText(), count(row.path("messages").asLong()),
                        count(row.path("changes").asLong()), latency(row.path("qresyncSelectMicros")),
                        ratio(row, base, "qresyncSelectMicros"), latency(row.path("changedSinceFetchMicros")),
                        ratio(row, base, "changedSinceFetchMicros"), number(row.path("storePerSecond").asDouble(Double.NaN)),
                        base == null ? "" : number(base.path("storePerSecond").asDouble(Double.NaN)
                                / row.path("storePerSecond").asDouble(Double.NaN)),
                        latency(row.path("storeMicros")), number(row.path("appendsPerSecond").asDouble()));
            }
        }
        Map<String, XYSeries> select = new TreeMap<>();
        Map<String, XYSeries> fetch = new TreeMap<>();
        for (JsonNode row : rows) {
            String label = row.path("label").asText();
            select.computeIfAbsent(label, XYSeries::new).add(row.path("messages").asDouble(),
                    row.path("qresyncSelectMicros").path("p50").asDouble());
            fetch.computeIfAbsent(label, XYSeries::new).add(row.path("messages").asDouble(),
                    row.path("changedSinceFetchMicros").path("p50").asDouble());
        }
        plotDriver("driver-qresync-select", "SELECT (QRESYNC) over loopback, p50", select);
        plotDriver("driver-changedsince-fetch", "UID FETCH (CHANGEDSINCE VANISHED) over loopback, p50", fetch);
    }

    private void plotDriver(String file, String title, Map<String, XYSeries> series) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        LogAxis x = new LogAxis("messages in the mailbox (n)");
        x.setBase(10);
        LogAxis y = new LogAxis("microseconds");
        y.setBase(10);
        XYPlot plot = new XYPlot(data, x, y, new XYLineAndShapeRenderer(true, true));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(out.resolve(file + ".png").toFile(), chart, 720, 420);
    }

    private static String ratio(JsonNode row, JsonNode base, String field) {
        if (base == null) {
            return "";
        }
        return number(row.path(field).path("p50").asDouble() / base.path(field).path("p50").asDouble());
    }

    private static String latency(JsonNode node) {
        return node.isMissingNode() ? "" : number(node.path("p50").asDouble()) + " / " + number(node.path("p99").asDouble());
    }

    private static String count(long n) {
        return n == 0 ? "" : String.format(Locale.ROOT, "%,d", n);
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }
}
