package org.modseq.properties.check;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.modseq.properties.engine.PropertyResult;
import org.modseq.properties.engine.PropertyRunner;
import org.modseq.properties.engine.Settings;
import org.modseq.properties.history.HistoryStep;
import org.modseq.properties.history.MailboxNames;

/**
 * Checks an IMAP server against RFC 7162: runs random multi-connection scenarios on it, judges
 * every answer ({@link org.modseq.model.judge.Judge}), and on the first failure shrinks the
 * scenario to a minimal one that fails the same way.
 *
 * <pre>{@code
 * CheckReport report = Checker.run(CheckTarget.tcp("127.0.0.1", 143, Duration.ofSeconds(10),
 *         new Account("alice", "secret"), Optional.empty(), ServerSetup.PER_USER_MAILBOXES),
 *         CheckOptions.defaults());
 * report.violation().ifPresent(v -> System.out.println(v.describe()));
 * }</pre>
 *
 * <p>A real server is not empty and keeps its state, so scenarios work only in mailboxes of
 * their own: names under a prefix new for each check ({@code modseq-check-xxxxxxxx}), never
 * INBOX, whose content the judge could not know. Before each scenario, and after the last, the
 * mailboxes under the prefix are deleted without being judged, so every scenario starts from
 * mailboxes that do not exist and creates them first. A hierarchy level below a mailbox is used
 * only on servers whose delimiter is {@code /}, the one the judge knows.
 */
public final class Checker {

    private static final SecureRandom PREFIXES = new SecureRandom();

    private Checker() {
    }

    /** Checks {@code target} without reporting progress. */
    public static CheckReport run(CheckTarget target, CheckOptions options) {
        return run(target, options, CheckProgress.SILENT);
    }

    /**
     * Checks {@code target}.
     *
     * @return {@link CheckReport.Conforms}, or {@link CheckReport.Fails} with the minimal scenario
     * @throws UnusableTargetException if the server cannot be checked: unreachable, LOGIN refused,
     *     no CONDSTORE or QRESYNC, mailboxes that cannot be created
     * @throws IllegalStateException if the checker itself failed (a bug in Modseq)
     */
    public static CheckReport run(CheckTarget target, CheckOptions options, CheckProgress progress) {
        long start = System.nanoTime();
        String prefix = "modseq-check-" + Long.toString(PREFIXES.nextLong() >>> 24, 36).toLowerCase(Locale.ROOT);
        boolean hierarchy;
        try (UnjudgedSession session = UnjudgedSession.logIn(target, target.user())) {
            List<String> capabilities = session.capabilities();
            for (String needed : List.of("CONDSTORE", "QRESYNC")) {
                if (!capabilities.contains(needed)) {
                    throw new UnusableTargetException(target.name() + " does not announce " + needed
                            + " after LOGIN (CAPABILITY: " + String.join(" ", capabilities) + ")");
                }
            }
            hierarchy = session.hierarchyDelimiter().equals(Optional.of('/'));
        }
        if (target.secondUser().isPresent()) {
            UnjudgedSession.logIn(target, target.secondUser().get()).close();
        }
        ConformanceProperty property = new ConformanceProperty(target, MailboxNames.underPrefix(prefix, hierarchy),
                prefix, options.tries(), options.known(), progress, start);
        long firstSeed = options.seed().orElseGet(PREFIXES::nextLong);
        Settings settings = Settings.defaults().withTries(options.tries()).withMaxSteps(options.maxSteps())
                .withSeed(firstSeed).withMaxShrinkTime(options.maxShrinkTime());
        PropertyResult<HistoryStep> result;
        try {
            try {
                result = PropertyRunner.check(property, settings);
            } catch (UnusableTargetException e) {
                ScenarioFailed smallest = property.smallestFailure();
                if (smallest == null) {
                    throw e;
                }
                // The server went away while shrinking: report the smallest failure found so far.
                return new CheckReport.Fails(target.name(), seedOf(firstSeed, property.scenarios()),
                        property.scenarios(), smallest.finding, smallest.events, 0, 0, property.shrinkReplays(),
                        since(start), known(property, firstSeed));
            }
            try {
                property.removeLeftovers();
            } catch (UnusableTargetException e) {
                // The verdict stands; the mailboxes under the prefix stay behind.
            }
        } finally {
            property.closePreparingSessions();
        }
        return switch (result) {
            case PropertyResult.Passed<HistoryStep> passed -> new CheckReport.Conforms(target.name(),
                    passed.firstSeed().orElseThrow(), passed.tries(), passed.steps(), since(start),
                    known(property, firstSeed));
            case PropertyResult.Failed<HistoryStep> failed -> {
                if (!(failed.failure() instanceof ScenarioFailed scenario)) {
                    throw new IllegalStateException("the checker failed on its own (a bug in Modseq): "
                            + failed.failure(), failed.failure());
                }
                yield new CheckReport.Fails(target.name(), failed.seed().orElseThrow(), failed.tryNumber(),
                        scenario.finding, scenario.events, failed.originalHistory().size(),
                        failed.minimalHistory().size(), failed.shrinkAttempts(), since(start),
                        known(property, firstSeed));
            }
        };
    }

    private static List<KnownDeviation> known(ConformanceProperty property, long firstSeed) {
        return property.knownMet().entrySet().stream().map(e -> {
            ConformanceProperty.KnownMet met = e.getValue();
            return new KnownDeviation(e.getKey(), met.scenarios, seedOf(firstSeed, met.firstScenario),
                    met.first.finding, met.first.events);
        }).toList();
    }

    /** The seed of the {@code scenario}th scenario (from 1) of a check whose first seed is {@code firstSeed}. */
    private static long seedOf(long firstSeed, int scenario) {
        long seed = firstSeed;
        for (int i = 1; i < scenario; i++) {
            seed = PropertyRunner.nextSeed(seed);
        }
        return seed;
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
