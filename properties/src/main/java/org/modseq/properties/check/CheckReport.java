package org.modseq.properties.check;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.modseq.model.judge.Event;
import org.modseq.model.judge.Violation;
import org.modseq.properties.engine.Settings;

/** What a check of a server concluded: {@link Conforms} or {@link Fails}. */
public sealed interface CheckReport {

    /** The server as the target names it. */
    String target();

    /** How many scenarios ran, the failing one included. */
    int triesRun();

    /** Wall-clock time of the whole check, shrinking included. */
    Duration elapsed();

    /** The violations of acknowledged rules met, each of which ended its scenario (empty without --known). */
    List<KnownDeviation> known();

    /** True when every scenario's every answer was permitted, or broke an acknowledged rule. */
    default boolean conforms() {
        return this instanceof Conforms;
    }

    /** The violation found, if the check failed on one (not on a hang or a lost connection). */
    default Optional<Violation> violation() {
        return this instanceof Fails f && f.finding() instanceof Finding.Violated v ? Optional.of(v.violation())
                : Optional.empty();
    }

    /**
     * Every answer of every scenario was one RFC 7162 permits, or broke a rule acknowledged as a
     * known deviation.
     *
     * @param target the server
     * @param firstSeed the first scenario's seed
     * @param triesRun scenarios run
     * @param steps steps run in all
     * @param elapsed wall-clock time
     * @param known the known deviations met, in the order first met
     */
    record Conforms(String target, long firstSeed, int triesRun, long steps, Duration elapsed,
            List<KnownDeviation> known) implements CheckReport {
        public Conforms {
            known = List.copyOf(known);
        }
    }

    /**
     * A scenario failed; shrinking found a shorter one that fails the same way.
     *
     * @param target the server
     * @param seed the failing scenario's seed: the first scenario of a check with this seed and
     *     the same maximum steps is that scenario
     * @param triesRun scenarios run, the failing one being the last
     * @param finding what is wrong, as the minimal scenario shows it
     * @param transcript the minimal scenario as run: every connection, command and response line
     * @param originalSteps steps of the failing scenario as generated (0 when the server went away
     *     while shrinking, and the transcript is the smallest failure found until then)
     * @param minimalSteps steps of the minimal scenario (0 likewise)
     * @param shrinkReplays how many shorter scenarios shrinking ran against the server
     * @param elapsed wall-clock time
     * @param known the known deviations met before, in the order first met
     */
    record Fails(String target, long seed, int triesRun, Finding finding, List<Event> transcript, int originalSteps,
            int minimalSteps, int shrinkReplays, Duration elapsed, List<KnownDeviation> known) implements CheckReport {
        public Fails {
            Objects.requireNonNull(finding, "finding");
            transcript = List.copyOf(transcript);
            known = List.copyOf(known);
        }

        /** The seed as the command line takes it. */
        public String seedText() {
            return Settings.formatSeed(seed);
        }

        /**
         * The transcript as an RFC-style exchange: {@code A: C: t3 SELECT ...} for what a session
         * sent and {@code A: S: ...} for each line the server answered, events numbered as the
         * violation counts them; literals shown with their CRLF as {@code \r\n}.
         */
        public String transcriptText() {
            return CheckReport.transcriptText(transcript, 0);
        }
    }

    /**
     * {@code events} as an RFC-style exchange: {@code A: C: t3 SELECT ...} for what a session
     * sent and {@code A: S: ...} for each line the server answered, numbered from 0 as a
     * violation counts them, from event {@code from} on; literals shown with their CRLF as
     * {@code \r\n}.
     */
    static String transcriptText(List<Event> events, int from) {
        StringBuilder out = new StringBuilder();
        for (int i = Math.max(0, from); i < events.size(); i++) {
            Event event = events.get(i);
            String who = event.connection() + ": ";
            String number = String.format(Locale.ROOT, "%3d ", i);
            switch (event) {
                case Event.Connect c -> {
                    out.append(number).append(who).append("(connect)\n");
                    c.lines().forEach(l -> out.append("    ").append(who).append("S: ").append(shown(l)).append('\n'));
                }
                case Event.Drop d -> out.append(number).append(who).append("(connection dropped)\n");
                case Event.Exchange x -> {
                    out.append(number).append(who).append("C: ").append(shown(x.describe())).append('\n');
                    x.lines().forEach(l -> out.append("    ").append(who).append("S: ").append(shown(l)).append('\n'));
                }
            }
        }
        return out.toString();
    }

    private static String shown(String line) {
        return line.replace("\r\n", "\\r\\n");
    }
}
