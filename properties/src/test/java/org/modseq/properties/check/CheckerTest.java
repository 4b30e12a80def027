package org.modseq.properties.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.modseq.model.command.Command;
import org.modseq.model.command.StatusItem;
import org.modseq.model.judge.Event;
import org.modseq.model.judge.ServerSetup;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.response.Response;
import org.modseq.model.server.ServerChoices;
import org.modseq.properties.history.MailboxNames;
import org.modseq.properties.sessions.InProcessSessions;
import org.modseq.reference.fault.RewritingEngine;
import org.modseq.reference.cli.Account;
import org.modseq.reference.engine.Connection;
import org.modseq.reference.engine.StoreEngine;
import org.modseq.reference.net.ImapServer;

/**
 * The checker against the reference server over TCP: it conforms under the RFC defaults and
 * the hardest choices, with mailboxes per user or shared; a fault is found, shrunk and
 * replayable by its seed; a hang is a failure; a server that cannot be checked says why; and a
 * check leaves the account as it found it.
 */
class CheckerTest {

    /** Scenarios per conformance test: a few seconds each over TCP. */
    private static final int TRIES = 60;
    /** Faults need a QRESYNC resync or a UID FETCH VANISHED after an expunge: many tries find one. */
    private static final int FAULT_TRIES = 500;

    private static CheckOptions options(int tries) {
        return CheckOptions.defaults().withTries(tries).withSeed(0x5eed_c0deL);
    }

    private static void assertConforms(CheckReport report) {
        if (report instanceof CheckReport.Fails f) {
            throw new AssertionError("the reference does not conform by the checker:\n" + f.finding().describe()
                    + "\n" + f.transcriptText());
        }
        assertTrue(report.conforms());
    }

    @Test
    void referenceWithMailboxesPerUserConformsUnderRfcDefaults() {
        try (ImapServer server = ReferenceServers.serve(ReferenceServers.perUser(ServerChoices.RFC_DEFAULTS))) {
            assertConforms(Checker.run(ReferenceServers.target(server, ServerSetup.PER_USER_MAILBOXES),
                    options(TRIES)));
        }
    }

    @Test
    void referenceWithMailboxesPerUserConformsUnderHardestChoices() {
        try (ImapServer server = ReferenceServers.serve(ReferenceServers.perUser(ServerChoices.HARDEST_ON_CLIENTS))) {
            assertConforms(Checker.run(ReferenceServers.target(server, ServerSetup.PER_USER_MAILBOXES),
                    options(TRIES)));
        }
    }

    @Test
    void referenceWithSharedMailboxesConformsUnderRfcDefaultsAndHardestChoices() {
        for (ServerChoices choices : List.of(ServerChoices.RFC_DEFAULTS, ServerChoices.HARDEST_ON_CLIENTS)) {
            try (ImapServer server = ReferenceServers.serve(ReferenceServers.shared(choices))) {
                assertConforms(Checker.run(ReferenceServers.target(server, ServerSetup.shared(choices.privateFlags())),
                        options(TRIES / 2)));
            }
        }
    }

    @Test
    void referenceConformsWithOneAccountForAllSessionsInProcess() {
        StoreEngine engine = ReferenceServers.perUser(ServerChoices.HARDEST_ON_CLIENTS);
        assertConforms(Checker.run(CheckTarget.inProcess(engine, ReferenceServers.ALICE, Optional.empty(),
                ServerSetup.PER_USER_MAILBOXES), options(TRIES)));
    }

    /**
     * In process, so that shrinking's hundreds of replays take a second: over TCP the same runs
     * in {@link CheckCommandTest}.
     */
    @Test
    void serverWithoutVanishedEarlierFailsWithTheRuleAShrunkTranscriptAndASeedThatReplaysIt() {
        CheckReport.Fails fails = assertInstanceOf(CheckReport.Fails.class,
                checkWithoutVanishedEarlier(options(FAULT_TRIES).withSeed(0x5eed_c0e0L)));
        String rule = fails.violation().orElseThrow().rule().source();
        assertTrue(Set.of("R69", "R73", "R78", "R80").contains(rule), "rule " + rule + ":\n" + fails.finding().describe());
        assertTrue(fails.minimalSteps() <= fails.originalSteps());
        assertTrue(fails.minimalSteps() <= 12, "not shrunk: " + fails.minimalSteps() + " steps\n" + fails.transcriptText());
        assertEquals(fails.violation().get().event(), fails.transcript().size() - 1);
        assertInstanceOf(Event.Exchange.class, fails.transcript().getLast());

        CheckReport.Fails replayed = assertInstanceOf(CheckReport.Fails.class,
                checkWithoutVanishedEarlier(options(1).withSeed(fails.seed())));
        assertEquals(1, replayed.triesRun());
        assertEquals(fails.seed(), replayed.seed());
        assertEquals(fails.finding().kind(), replayed.finding().kind());
        assertEquals(fails.originalSteps(), replayed.originalSteps());
        assertEquals(commands(fails), commands(replayed));
    }

    /**
     * The commands of the transcript, with what differs from one server to the next made the
     * same: the check's mailbox prefix, and the server's UIDVALIDITY in QRESYNC, which the
     * reference counts across all mailboxes it ever created.
     */
    private static List<String> commands(CheckReport.Fails fails) {
        return fails.transcript().stream().filter(e -> e instanceof Event.Exchange)
                .map(e -> e.describe().replaceAll("modseq-check-[a-z0-9]+", "P").replaceAll("QRESYNC \\(\\d+", "QRESYNC (V"))
                .toList();
    }

    private static CheckReport checkWithoutVanishedEarlier(CheckOptions options) {
        StoreEngine engine = ReferenceServers.perUser(ServerChoices.RFC_DEFAULTS);
        return Checker.run(CheckTarget.inProcess(new RewritingEngine(engine, ReferenceServers::withoutVanishedEarlier),
                ReferenceServers.ALICE, Optional.of(ReferenceServers.BOB), ServerSetup.PER_USER_MAILBOXES), options);
    }

    /** A fault acknowledged with {@link KnownRules} is counted, each time ending its scenario, and the check passes. */
    @Test
    void anAcknowledgedFaultIsAKnownDeviationAndTheCheckGoesOn() {
        KnownRules known = KnownRules.of(List.of("RFC3501-6.4.6"));
        CheckReport.Conforms report = assertInstanceOf(CheckReport.Conforms.class,
                checkWithoutStoreFetches(options(TRIES).withKnown(known)));
        assertEquals(TRIES, report.triesRun());
        assertEquals(1, report.known().size(), () -> report.known().toString());
        KnownDeviation deviation = report.known().getFirst();
        assertEquals("RFC 3501 §6.4.6", deviation.rule());
        assertTrue(deviation.scenarios() > 1 && deviation.scenarios() <= TRIES, "scenarios: " + deviation.scenarios());
        Finding.Violated first = assertInstanceOf(Finding.Violated.class, deviation.first());
        assertEquals(first.violation().event(), deviation.transcript().size() - 1);
        assertTrue(deviation.transcript().getLast().describe().contains("STORE"), deviation.transcript().getLast().describe());

        // The first one's seed, the rule not acknowledged, fails on it first.
        CheckReport.Fails replayed = assertInstanceOf(CheckReport.Fails.class,
                checkWithoutStoreFetches(options(1).withSeed(deviation.firstSeed()).withMaxShrinkTime(Duration.ZERO)));
        assertEquals("RFC 3501 §6.4.6", replayed.violation().orElseThrow().rule().source());
        assertTrue(replayed.known().isEmpty());
    }

    @Test
    void aFaultOfAnotherRuleThanTheAcknowledgedOneStillFails() {
        CheckReport.Fails fails = assertInstanceOf(CheckReport.Fails.class, checkWithoutStoreFetches(
                options(TRIES).withKnown(KnownRules.of(List.of("R16", "RFC 3501 §6.4.4"))).withMaxShrinkTime(Duration.ZERO)));
        assertEquals("RFC 3501 §6.4.6", fails.violation().orElseThrow().rule().source());
    }

    private static CheckReport checkWithoutStoreFetches(CheckOptions options) {
        StoreEngine engine = ReferenceServers.perUser(ServerChoices.RFC_DEFAULTS);
        return Checker.run(CheckTarget.inProcess(new RewritingEngine(engine, ReferenceServers::withoutStoreFetches),
                ReferenceServers.ALICE, Optional.of(ReferenceServers.BOB), ServerSetup.PER_USER_MAILBOXES), options);
    }

    /** RFC 3501 §7.1.5: BYE and a closed connection fail the check, unless acknowledged with BYE. */
    @Test
    void aByeAndAClosedConnectionFailUnlessAcknowledged() {
        StoreEngine engine = ReferenceServers.perUser(ServerChoices.RFC_DEFAULTS);
        try (ImapServer server = ReferenceServers.serve(ReferenceServers.byeOnCheck(engine))) {
            CheckTarget target = ReferenceServers.target(server, ServerSetup.PER_USER_MAILBOXES);
            CheckReport.Fails fails = assertInstanceOf(CheckReport.Fails.class,
                    Checker.run(target, options(TRIES / 2).withMaxShrinkTime(Duration.ZERO)));
            Finding.ClosedAfterBye bye = assertInstanceOf(Finding.ClosedAfterBye.class, fails.finding());
            assertTrue(bye.command().contains(" CHECK"), bye.describe());
            assertEquals("* BYE IMAP session state is inconsistent, please relogin.", bye.bye());

            CheckReport report = Checker.run(target, options(TRIES / 2).withKnown(KnownRules.of(List.of("bye"))));
            assertConforms(report);
            assertEquals("BYE", report.known().getFirst().rule());
            assertTrue(report.known().getFirst().scenarios() > 1, report.known().toString());
        }
    }

    @Test
    void aServerThatDoesNotAnswerFailsWithNoAnswer() {
        StoreEngine engine = ReferenceServers.perUser(ServerChoices.RFC_DEFAULTS);
        try (ImapServer server = ReferenceServers.serve(new RewritingEngine(engine, (command, responses) -> {
            if (command instanceof Command.Create) {
                LockSupport.parkNanos(Duration.ofSeconds(2).toNanos()); // beyond the read timeout below
            }
            return responses;
        }))) {
            CheckTarget target = CheckTarget.tcp("127.0.0.1", server.port(), Duration.ofMillis(500),
                    ReferenceServers.ALICE, Optional.empty(), ServerSetup.PER_USER_MAILBOXES);
            CheckReport report = Checker.run(target, options(1).withMaxSteps(1).withMaxShrinkTime(Duration.ZERO));
            CheckReport.Fails fails = assertInstanceOf(CheckReport.Fails.class, report);
            Finding.NoAnswer noAnswer = assertInstanceOf(Finding.NoAnswer.class, fails.finding());
            assertTrue(noAnswer.command().contains("CREATE"), noAnswer.describe());
            assertTrue(fails.violation().isEmpty());
        }
    }

    @Test
    void aServerThatClosesTheConnectionFailsWithConnectionLost() {
        StoreEngine engine = ReferenceServers.perUser(ServerChoices.RFC_DEFAULTS);
        try (ImapServer server = ReferenceServers.serve(ReferenceServers.closingOnCheck(engine, List.of()))) {
            CheckReport report = Checker.run(ReferenceServers.target(server, ServerSetup.PER_USER_MAILBOXES),
                    options(20).withMaxShrinkTime(Duration.ZERO).withKnown(KnownRules.of(List.of("BYE"))));
            CheckReport.Fails fails = assertInstanceOf(CheckReport.Fails.class, report);
            Finding.ConnectionLost lost = assertInstanceOf(Finding.ConnectionLost.class, fails.finding());
            assertTrue(lost.command().contains(" CHECK"), lost.describe());
            assertTrue(lost.describe().startsWith("the server closed the connection of " + lost.connection()),
                    lost.describe());
        }
    }

    /** The reference's internal error closes the connection with a BYE: a failure all the same. */
    @Test
    void aServerThatGivesUpWithByeFails() {
        StoreEngine engine = ReferenceServers.perUser(ServerChoices.RFC_DEFAULTS);
        try (ImapServer server = ReferenceServers.serve(new RewritingEngine(engine, (command, responses) -> {
            if (command instanceof Command.Enable) {
                throw new IllegalStateException("a fault: the server gives up on ENABLE");
            }
            return responses;
        }))) {
            CheckReport report = Checker.run(ReferenceServers.target(server, ServerSetup.PER_USER_MAILBOXES),
                    options(20).withMaxShrinkTime(Duration.ZERO));
            CheckReport.Fails fails = assertInstanceOf(CheckReport.Fails.class, report);
            Finding.ClosedAfterBye bye = assertInstanceOf(Finding.ClosedAfterBye.class, fails.finding());
            assertTrue(bye.command().contains(" ENABLE "), bye.describe());
        }
    }

    @Test
    void anUnreachableServerIsUnusable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CheckTarget target = CheckTarget.tcp("127.0.0.1", port, Duration.ofSeconds(2), ReferenceServers.ALICE,
                Optional.empty(), ServerSetup.PER_USER_MAILBOXES);
        UnusableTargetException e = assertThrows(UnusableTargetException.class,
                () -> Checker.run(target, options(1)));
        assertTrue(e.getMessage().startsWith("cannot connect to 127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void aRefusedLoginIsUnusable() {
        StoreEngine engine = ReferenceServers.perUser(ServerChoices.RFC_DEFAULTS);
        CheckTarget target = CheckTarget.inProcess(engine, new Account("alice", "wrong"), Optional.empty(),
                ServerSetup.PER_USER_MAILBOXES);
        UnusableTargetException e = assertThrows(UnusableTargetException.class, () -> Checker.run(target, options(1)));
        assertTrue(e.getMessage().startsWith("LOGIN as alice refused"), e.getMessage());
        CheckTarget second = CheckTarget.inProcess(engine, ReferenceServers.ALICE, Optional.of(new Account("bob", "x")),
                ServerSetup.PER_USER_MAILBOXES);
        e = assertThrows(UnusableTargetException.class, () -> Checker.run(second, options(1)));
        assertTrue(e.getMessage().startsWith("LOGIN as bob refused"), e.getMessage());
    }

    @Test
    void aCheckLeavesInboxAsItWasAndNoMailboxesBehind() {
        StoreEngine engine = ReferenceServers.perUser(ServerChoices.RFC_DEFAULTS);
        Connection alice = engine.open();
        alice.execute("a1", new Command.Login("alice", "alice-pw"));
        alice.execute("a2", new Command.Append("INBOX", Set.of(Flag.FLAGGED), "Subject: kept\r\n\r\nkept\r\n"));
        List<String> before = InProcessSessions.lines(alice.execute("a3", new Command.Status("INBOX",
                List.of(StatusItem.MESSAGES, StatusItem.HIGHESTMODSEQ,
                        StatusItem.UIDNEXT))));
        assertConforms(Checker.run(CheckTarget.inProcess(engine, ReferenceServers.ALICE, Optional.of(ReferenceServers.BOB),
                ServerSetup.PER_USER_MAILBOXES), options(20)));
        List<String> after = InProcessSessions.lines(alice.execute("a4", new Command.Status("INBOX",
                List.of(StatusItem.MESSAGES, StatusItem.HIGHESTMODSEQ,
                        StatusItem.UIDNEXT))));
        assertEquals(before.getFirst(), after.getFirst());
        for (Account account : List.of(ReferenceServers.ALICE, ReferenceServers.BOB)) {
            Connection c = engine.open();
            c.execute("l1", new Command.Login(account.name(), account.password()));
            List<Response> listed = c.execute("l2", new Command.ListMailboxes(false, "", "*"));
            List<Response> subscribed = c.execute("l3", new Command.ListMailboxes(true, "", "*"));
            assertEquals(List.of("* LIST () \"/\" INBOX"),
                    InProcessSessions.lines(listed.subList(0, listed.size() - 1)), account.name());
            assertEquals(List.of(), subscribed.subList(0, subscribed.size() - 1), account.name());
            c.drop();
        }
        alice.drop();
    }

    @Test
    void withoutAHierarchyDelimiterSlashTheScenariosUseNoSublevel() {
        // The judge moves children on RENAME only below "/" (RFC 3501 §6.3.5), so other delimiters get flat names.
        assertFalse(MailboxNames.underPrefix("p", false).sublevel().isPresent());
        assertEquals(Optional.of("p-archive/2024"),
                MailboxNames.underPrefix("p", true).sublevel());
    }
}
