package org.modseq.properties.check;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.modseq.model.judge.Event;
import org.modseq.model.judge.Violation;
import org.modseq.properties.engine.Settings;

/**
 * A check's report as JSON, for CI systems and scripts. Written by hand: the report is one small
 * object, and a JSON library would add megabytes to the checker's jar for it.
 *
 * <pre>
 * {"target": "127.0.0.1:143", "conforms": false, "triesRun": 12, "elapsedSeconds": 3.2,
 *  "seed": "0x...", "replay": "modseq-check ... --seed 0x...",
 *  "finding": {"kind": "R78", "rule": "R78 (RFC 7162 §3.2.6)", "description": "...", "violation": {...}},
 *  "transcript": [{"event": 0, "connection": "A", "type": "connect", "lines": ["* OK ..."]}, ...],
 *  "originalSteps": 40, "minimalSteps": 4, "shrinkReplays": 210}
 * </pre>
 *
 * A conforming report has {@code "conforms": true}, {@code "firstSeed"} and {@code "steps"}
 * instead of the failure's fields; a check that could not run has {@code "error"} instead. Both
 * list the known deviations met ({@code --known}) in {@code "known"}: {@code [{"rule": "R16",
 * "scenarios": 9, "firstSeed": "0x...", "finding": {...}, "transcript": [...]}]}, the transcript
 * being the first such scenario's, not shrunk.
 */
public final class JsonReport {

    private JsonReport() {
    }

    /** The report as one JSON object; {@code replay} is the command line that replays a failure. */
    public static String of(CheckReport report, Optional<String> replay) {
        StringBuilder out = new StringBuilder("{");
        field(out, "target", string(report.target()));
        field(out, "conforms", String.valueOf(report.conforms()));
        field(out, "triesRun", String.valueOf(report.triesRun()));
        field(out, "elapsedSeconds", String.format(Locale.ROOT, "%.3f", report.elapsed().toMillis() / 1000.0));
        switch (report) {
            case CheckReport.Conforms c -> {
                field(out, "firstSeed", string(Settings.formatSeed(c.firstSeed())));
                field(out, "steps", String.valueOf(c.steps()));
            }
            case CheckReport.Fails f -> {
                field(out, "seed", string(f.seedText()));
                replay.ifPresent(r -> field(out, "replay", string(r)));
                field(out, "finding", finding(f.finding()));
                field(out, "transcript", transcript(f.transcript()));
                field(out, "originalSteps", String.valueOf(f.originalSteps()));
                field(out, "minimalSteps", String.valueOf(f.minimalSteps()));
                field(out, "shrinkReplays", String.valueOf(f.shrinkReplays()));
            }
        }
        StringBuilder known = new StringBuilder("[");
        for (KnownDeviation k : report.known()) {
            StringBuilder item = new StringBuilder("{");
            field(item, "rule", string(k.rule()));
            field(item, "scenarios", String.valueOf(k.scenarios()));
            field(item, "firstSeed", string(Settings.formatSeed(k.firstSeed())));
            field(item, "finding", finding(k.first()));
            field(item, "transcript", transcript(k.transcript()));
            known.append(known.length() > 1 ? "," : "").append(item.append('}'));
        }
        field(out, "known", known.append(']').toString());
        return out.append("}\n").toString();
    }

    /** A check that could not run ({@link UnusableTargetException}): the target and why. */
    public static String unusable(String target, String message) {
        StringBuilder out = new StringBuilder("{");
        field(out, "target", string(target));
        field(out, "conforms", "false");
        field(out, "error", string(message));
        return out.append("}\n").toString();
    }

    private static String finding(Finding finding) {
        StringBuilder out = new StringBuilder("{");
        field(out, "kind", string(finding.kind()));
        field(out, "description", string(finding.describe()));
        switch (finding) {
            case Finding.Violated v -> {
                Violation x = v.violation();
                field(out, "rule", string(x.rule().toString()));
                field(out, "violation", violation(x));
            }
            case Finding.NoAnswer n -> {
                field(out, "connection", string(n.connection()));
                field(out, "command", string(n.command()));
            }
            case Finding.ClosedAfterBye c -> {
                field(out, "connection", string(c.connection()));
                field(out, "command", string(c.command()));
                field(out, "bye", string(c.bye()));
            }
            case Finding.ConnectionLost l -> {
                field(out, "connection", string(l.connection()));
                field(out, "command", string(l.command()));
                field(out, "detail", string(l.detail()));
            }
        }
        return out.append('}').toString();
    }

    private static String violation(Violation x) {
        StringBuilder violation = new StringBuilder("{");
        field(violation, "event", String.valueOf(x.event()));
        field(violation, "connection", string(x.connection()));
        field(violation, "command", string(x.command()));
        field(violation, "line", String.valueOf(x.line()));
        field(violation, "lineText", string(x.lineText()));
        field(violation, "reason", string(x.reason()));
        return violation.append('}').toString();
    }

    private static String transcript(List<Event> events) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            StringBuilder item = new StringBuilder("{");
            field(item, "event", String.valueOf(i));
            field(item, "connection", string(event.connection()));
            switch (event) {
                case Event.Connect c -> {
                    field(item, "type", string("connect"));
                    field(item, "lines", strings(c.lines()));
                }
                case Event.Drop d -> field(item, "type", string("drop"));
                case Event.Exchange x -> {
                    field(item, "type", string("exchange"));
                    field(item, "command", string(x.describe()));
                    field(item, "lines", strings(x.lines()));
                }
            }
            out.append(i == 0 ? "" : ",").append(item.append('}'));
        }
        return out.append(']').toString();
    }

    private static String strings(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append(string(values.get(i)));
        }
        return out.append(']').toString();
    }

    private static void field(StringBuilder object, String name, String json) {
        if (object.length() > 1) {
            object.append(',');
        }
        object.append(string(name)).append(':').append(json);
    }

    /** A JSON string (RFC 8259 §7): quote, backslash and control characters escaped. */
    static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
