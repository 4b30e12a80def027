package org.modseq.model.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modseq.model.scenario.MailboxFixture.mailbox;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.rfc.Covers;
import org.modseq.model.scenario.MailboxFixture;
import org.modseq.model.scenario.Scenario;
import org.modseq.model.server.ServerChoices;

/**
 * RFC 7162 examples X21-X31 and X41 (STATUS, SELECT (CONDSTORE), ESEARCH, QRESYNC select, the
 * VANISHED fetch modifier, the full resync of §6), replayed against the model. X24 (SORT) is not
 * modelled and stays planned in the catalogue.
 */
class QresyncExamplesTest {

    private static final String FLAGS = "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)";
    private static final String PERMANENTFLAGS =
            "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted";

    @Test
    @Covers({"X21", "R57", "R15"})
    void x21_statusReportsHighestModSeq() {
        Scenario s = Scenario.rfcDefaults()
                .with(mailbox("blurdybloop").uidValidity(17).messages(44061, 44290, 7011231000L)
                        .message(44291, 7011231777L))
                .with(mailbox("Junk").uidValidity(18).noModSeq().message(1, 1))
                .login("A", "alex");

        // Model answers in the order asked; the RFC's server lists MESSAGES first (order is free).
        s.send("A", "A042 STATUS blurdybloop (UIDNEXT MESSAGES HIGHESTMODSEQ)").is(
                "* STATUS blurdybloop (UIDNEXT 44292 MESSAGES 231 HIGHESTMODSEQ 7011231777)",
                "A042 OK STATUS completed");
        // R57: 0 for a mailbox without persistent mod-sequences.
        s.send("A", "A043 STATUS Junk (HIGHESTMODSEQ)").is(
                "* STATUS Junk (HIGHESTMODSEQ 0)",
                "A043 OK STATUS completed");
        // R15: STATUS HIGHESTMODSEQ enabled CONDSTORE, so a plain SELECT reports the same value (R57).
        s.send("A", "A044 SELECT blurdybloop")
                .contains("* OK [HIGHESTMODSEQ 7011231777] Highest mod-sequence", "A044 OK [READ-WRITE] SELECT completed");
    }

    @Test
    @Covers({"X22", "R19", "R25"})
    void x22_selectCondstoreReportsHighestModSeqAndModSeqInUnsolicitedFetch() {
        MailboxFixture inbox = mailbox("INBOX").uidValidity(3857529045L);
        for (long uid = 4220; uid <= 4391; uid++) {
            long modSeq = uid == 4300 ? 715194045007L : 715194045000L;
            if (uid < 4231) {
                inbox.message(uid, modSeq, "\\Seen");
            } else {
                inbox.message(uid, modSeq);
            }
        }
        Scenario s = Scenario.rfcDefaults().with(inbox).login("A", "alex").login("B", "bob").login("C", "andrew");

        // R25: HIGHESTMODSEQ is the largest mod-sequence in the mailbox (UID 4300's, not the last UID's).
        s.send("A", "A142 SELECT INBOX (CONDSTORE)").is(
                FLAGS,
                "* 172 EXISTS",
                "* 0 RECENT",
                "* OK [UNSEEN 12] First unseen",
                "* OK [UIDVALIDITY 3857529045] UIDs valid",
                "* OK [UIDNEXT 4392] Predicted next UID",
                PERMANENTFLAGS,
                "* OK [HIGHESTMODSEQ 715194045007] Highest mod-sequence",
                "A142 OK [READ-WRITE] SELECT completed");
        // A plain SELECT reports it too under §3.1.2's literal reading (the default choice) ...
        s.send("C", "C1 SELECT INBOX").contains("* OK [HIGHESTMODSEQ 715194045007] Highest mod-sequence");
        s.send("B", "B1 SELECT INBOX").taggedOk();
        s.send("B", "B2 UID STORE 4220 +FLAGS.SILENT (\\Flagged)").is("B2 OK STORE completed");

        // R19: after the CONDSTORE parameter, unsolicited FETCHes carry MODSEQ ...
        s.send("A", "A143 NOOP").is(
                "* 1 FETCH (UID 4220 FLAGS (\\Seen \\Flagged) MODSEQ (715194045008))",
                "A143 OK NOOP completed");
        // ... which a session that never enabled CONDSTORE does not get.
        s.send("C", "C2 NOOP").is(
                "* 1 FETCH (FLAGS (\\Seen \\Flagged))",
                "C2 OK NOOP completed");
    }

    @Test
    @Covers({"X22", "R19", "R23"})
    void x22_serversThatWaitForAnEnablingCommandOmitHighestModSeqOnPlainSelect() {
        // §3.1.2.1: some servers report nothing until an enabling command; the CONDSTORE parameter
        // enables and reports in one step, without the race of a separate command (§3.1.8).
        Scenario s = Scenario.with(ServerChoices.RFC_DEFAULTS.withModSeqOnEverySelect(false))
                .with(mailbox("INBOX").message(1, 7)).login("A", "alex");
        s.send("A", "a1 SELECT INBOX").lacks("* OK [HIGHESTMODSEQ").taggedOk();
        s.send("A", "a2 SELECT INBOX (CONDSTORE)").contains("* OK [CLOSED] Previous mailbox closed",
                "* OK [HIGHESTMODSEQ 7] Highest mod-sequence", "a2 OK [READ-WRITE] SELECT completed");
    }

    @Test
    @Covers({"X23", "R55", "R49"})
    void x23_esearchCarriesModSeqReturnItem() {
        Scenario s = Scenario.rfcDefaults()
                .with(mailbox("INBOX").message(1, 1234).message(2, 1236).message(3, 1235).message(4, 1200)
                        .message(5, 1234))
                .login("A", "alex");
        s.send("A", "a0 SELECT INBOX (CONDSTORE)").taggedOk();

        // R49: MODSEQ 1234 matches at or above 1234, so messages 1 and 5 (exactly 1234) are in.
        s.send("A", "a SEARCH RETURN (ALL) MODSEQ 1234").is(
                "* ESEARCH (TAG \"a\") ALL 1:3,5 MODSEQ 1236",
                "a OK SEARCH completed");
        // R55 asks for the MODSEQ item only with a non-empty result.
        s.send("A", "b SEARCH RETURN (ALL) MODSEQ 1237").is(
                "* ESEARCH (TAG \"b\")",
                "b OK SEARCH completed");
    }

    @Test
    @Covers({"X26", "R67", "R66"})
    void x26_qresyncWithStaleUidValidityIsAPlainSelect() {
        MailboxFixture inbox = mailbox("INBOX").uidValidity(3857529045L)
                .expunged(90060128194045001L, 41)
                .expunged(90060128194045001L, LongStream.rangeClosed(43, 85).toArray());
        for (long uid = 86; uid <= 549; uid++) {
            long modSeq = uid == 549 ? 90060128194045007L : 90060128194045002L;
            if (uid < 97) {
                inbox.message(uid, modSeq, "\\Seen");
            } else {
                inbox.message(uid, modSeq);
            }
        }
        Scenario s = Scenario.rfcDefaults().with(inbox).login("A", "alex");
        s.send("A", "A01 ENABLE QRESYNC").is("* ENABLED QRESYNC", "A01 OK ENABLE completed");

        // Every UID of the known set changed or vanished after 20050715194045000, yet with the
        // wrong UIDVALIDITY nothing of it is reported (R67), and all RFC 3501 responses are (R66).
        s.send("A", "A02 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))").is(
                FLAGS,
                "* 464 EXISTS",
                "* 0 RECENT",
                "* OK [UNSEEN 12] First unseen",
                "* OK [UIDVALIDITY 3857529045] UIDs valid",
                "* OK [UIDNEXT 550] Predicted next UID",
                PERMANENTFLAGS,
                "* OK [HIGHESTMODSEQ 90060128194045007] Highest mod-sequence",
                "A02 OK [READ-WRITE] SELECT completed");
        // "As if no dynamic message data changed": nothing is owed afterwards either.
        s.send("A", "A03 NOOP").is("A03 OK NOOP completed");
    }

    /**
     * RFC defect (not in the spec's list): with VANISHED 41,43:116 only UIDs 1:40 and 42 can lie
     * below UID 117, so 117 is at most message 42, not 49. Corrected: 117, 119, 541 are messages
     * 42, 43, 44 (UIDs 212:213 are gone, as the client's known set implies).
     */
    @Test
    @Covers({"X27", "R74", "R103", "R69", "R70", "R71", "R79"})
    void x27_qresyncSelectReportsClosedVanishedEarlierThenFetches() {
        Scenario s = Scenario.rfcDefaults().with(x27Inbox()).with(mailbox("Drafts").uidValidity(5).message(1, 1))
                .login("A", "alex").login("B", "bob");
        s.send("A", "A01 ENABLE QRESYNC").taggedOk();
        s.send("A", "A02 SELECT Drafts").taggedOk();

        Scenario.Exchange select = s.send("A", "A03 SELECT INBOX (QRESYNC (67890007 90060115194045000 41:211,214:541))");
        select.is(
                "* OK [CLOSED] Previous mailbox closed",
                FLAGS,
                "* 100 EXISTS",
                "* 0 RECENT",
                "* OK [UNSEEN 7] First unseen",
                "* OK [UIDVALIDITY 67890007] UIDs valid",
                "* OK [UIDNEXT 600] Predicted next UID",
                PERMANENTFLAGS,
                "* OK [HIGHESTMODSEQ 90060115205545359] Highest mod-sequence",
                "* VANISHED (EARLIER) 41,43:116,118,120:211,214:540",
                "* 42 FETCH (UID 117 FLAGS (\\Seen \\Answered) MODSEQ (90060115194045001))",
                "* 43 FETCH (UID 119 FLAGS (\\Draft $MDNSent) MODSEQ (90060115194045308))",
                "* 44 FETCH (UID 541 FLAGS (\\Seen $Forwarded) MODSEQ (90060115194045001))",
                "A03 OK [READ-WRITE] SELECT completed");
        // R70: UID 5 and 597 changed and UIDs 212, 213, 598, 599 vanished after the client's
        // mod-sequence, but they are outside its known UIDs; UID 42 did not change.

        // R71: the same as the equivalent UID FETCH in a session that just selected the mailbox.
        s.send("B", "B01 ENABLE QRESYNC").taggedOk();
        s.send("B", "B02 SELECT INBOX").taggedOk();
        List<String> equivalent = s.send("B", "B03 UID FETCH 41:211,214:541 (FLAGS) (CHANGEDSINCE 90060115194045000 VANISHED)")
                .lines();
        assertEquals(select.lines().subList(9, 13), equivalent.subList(0, equivalent.size() - 1));
    }

    private static MailboxFixture x27Inbox() {
        long old = 90060115194044000L;
        MailboxFixture inbox = mailbox("INBOX").uidValidity(67890007L).uidNext(600);
        for (long uid = 1; uid <= 40; uid++) {
            if (uid < 7) {
                inbox.message(uid, old, "\\Seen");
            } else {
                inbox.message(uid, old);
            }
        }
        inbox.message(5, 90060115194045002L, "\\Seen", "\\Flagged")
                .message(42, old)
                .message(117, 90060115194045001L, "\\Seen", "\\Answered")
                .message(119, 90060115194045308L, "\\Draft", "$MDNSent")
                .message(541, 90060115194045001L, "\\Seen", "$Forwarded")
                .messages(542, 596, old)
                .message(597, 90060115205545359L)
                .expunged(90060115194045100L, LongStream.rangeClosed(43, 116).toArray())
                .expunged(90060115194045100L, 118)
                .expunged(90060115194045100L, LongStream.rangeClosed(120, 211).toArray())
                .expunged(90060115194045100L, LongStream.rangeClosed(214, 540).toArray())
                .expunged(90060115194045100L, 598, 599)
                .expunged(90060115194045200L, 41)
                .expunged(90060115194045300L, 212, 213);
        return inbox;
    }

    /**
     * RFC defect: the RFC's VANISHED ends in 29671:29996, which names live UIDs divisible by 3
     * (29673, ...). Corrected: every UID of 1:29997 not divisible by 3, ending in 29995:29996.
     */
    @Test
    @Covers({"X28", "R80", "R98"})
    void x28_serverWithoutExpungeMemoryReportsEveryMissingKnownUid() {
        Scenario s = Scenario.with(ServerChoices.RFC_DEFAULTS.withExpungeHistoryBound(0))
                .with(divisibleByThree()).login("A", "alex");
        s.send("A", "A01 ENABLE QRESYNC").taggedOk();

        List<Long> missing = new ArrayList<>();
        for (long uid = 1; uid <= 29997; uid++) {
            if (uid % 3 != 0) {
                missing.add(uid);
            }
        }
        Scenario.Exchange select = s.send("A", "A04 SELECT INBOX (QRESYNC (67890007 90060115194045000 1:29997))");
        select.is(
                FLAGS,
                "* 10003 EXISTS",
                "* 0 RECENT",
                "* OK [UNSEEN 7] First unseen",
                "* OK [UIDVALIDITY 67890007] UIDs valid",
                "* OK [UIDNEXT 30013] Predicted next UID",
                PERMANENTFLAGS,
                "* OK [HIGHESTMODSEQ 90060115205545359] Highest mod-sequence",
                "* VANISHED (EARLIER) " + wire(missing),
                "* 1 FETCH (UID 3 FLAGS (\\Seen \\Answered $Important) MODSEQ (90060115194045001))",
                "* 9889 FETCH (UID 29667 FLAGS (\\Seen \\Answered) MODSEQ (90060115194045027))",
                "* 9890 FETCH (UID 29670 FLAGS (\\Draft $MDNSent) MODSEQ (90060115194045028))",
                "* 9999 FETCH (UID 29997 FLAGS (\\Seen $Forwarded) MODSEQ (90060115194045031))",
                "A04 OK [READ-WRITE] SELECT completed");

        List<Long> vanished = parseSet(select.starting("* VANISHED (EARLIER) ").get(0)
                .substring("* VANISHED (EARLIER) ".length()));
        assertEquals(missing, vanished);
        assertTrue(vanished.stream().noneMatch(uid -> s.mailbox("INBOX").contains(Uid.of(uid))),
                "VANISHED (EARLIER) names a live UID");
    }

    @Test
    @Covers({"X29", "R72", "R73"})
    void x29_matchingSequenceMatchDataSuppressesVanished() {
        Scenario s = Scenario.with(ServerChoices.RFC_DEFAULTS.withExpungeHistoryBound(0))
                .with(divisibleByThree()).login("B", "bob").login("C", "andrew");
        s.send("B", "B01 ENABLE QRESYNC").taggedOk();

        // Every pair matches (message n has UID 3n), the last one at UID 29997: nothing is reportable.
        s.send("B", "B04 SELECT INBOX (QRESYNC (67890007 90060115194045000 1:29997 (5000,7500,9000,9990:9999 "
                + "15000,22500,27000,29970,29973,29976,29979,29982,29985,29988,29991,29994,29997)))").is(
                FLAGS,
                "* 10003 EXISTS",
                "* 0 RECENT",
                "* OK [UNSEEN 7] First unseen",
                "* OK [UIDVALIDITY 67890007] UIDs valid",
                "* OK [UIDNEXT 30013] Predicted next UID",
                PERMANENTFLAGS,
                "* OK [HIGHESTMODSEQ 90060115205545359] Highest mod-sequence",
                "* 1 FETCH (UID 3 FLAGS (\\Seen \\Answered $Important) MODSEQ (90060115194045001))",
                "* 9889 FETCH (UID 29667 FLAGS (\\Seen \\Answered) MODSEQ (90060115194045027))",
                "* 9890 FETCH (UID 29670 FLAGS (\\Draft $MDNSent) MODSEQ (90060115194045028))",
                "* 9999 FETCH (UID 29997 FLAGS (\\Seen $Forwarded) MODSEQ (90060115194045031))",
                "B04 OK [READ-WRITE] SELECT completed");

        // R73 as §3.2.5.2 explains it: 5000 -> 15000 matches, 9999 -> 29996 does not (it is 29997),
        // so the lowest reportable UID is 15001.
        s.send("C", "C01 ENABLE QRESYNC").taggedOk();
        List<Long> missingAbove = new ArrayList<>();
        for (long uid = 15001; uid <= 29997; uid++) {
            if (uid % 3 != 0) {
                missingAbove.add(uid);
            }
        }
        Scenario.Exchange partial = s.send("C",
                "C04 SELECT INBOX (QRESYNC (67890007 90060115194045000 1:29997 (5000,9999 15000,29996)))");
        assertEquals(List.of("* VANISHED (EARLIER) " + wire(missingAbove)), partial.starting("* VANISHED"));
    }

    /** UIDs 3, 6, ..., 30009 (message n has UID 3n) in a mailbox that remembers no expunge. */
    private static MailboxFixture divisibleByThree() {
        long old = 90060115194044000L;
        // The server remembers no expunge: every one it ever made is at or below this floor.
        MailboxFixture inbox = mailbox("INBOX").uidValidity(67890007L).uidNext(30013).historyBound(0)
                .forgottenUpTo(90060115194045100L);
        for (long uid = 3; uid <= 30009; uid += 3) {
            if (uid <= 18) {
                inbox.message(uid, old, "\\Seen");
            } else {
                inbox.message(uid, old);
            }
        }
        return inbox.message(3, 90060115194045001L, "\\Seen", "\\Answered", "$Important")
                .message(29667, 90060115194045027L, "\\Seen", "\\Answered")
                .message(29670, 90060115194045028L, "\\Draft", "$MDNSent")
                .message(29997, 90060115194045031L, "\\Seen", "$Forwarded")
                // Changed, but outside the client's known UIDs 1:29997: never reported.
                .message(30009, 90060115205545359L, "\\Flagged");
    }

    /** X30 and X31: the client's cache held 300:310 and 404:412 (409 was expunged before 12345). */
    private static MailboxFixture x30Inbox() {
        return mailbox("INBOX").uidValidity(33)
                .expunged(5000, LongStream.rangeClosed(1, 299).toArray())
                .expunged(10000, LongStream.rangeClosed(311, 403).toArray())
                .expunged(10000, 409)
                .expunged(20000, LongStream.rangeClosed(300, 310).toArray())
                .expunged(30000, 405, 411)
                .message(404, 65402, "\\Seen")
                .message(406, 75403, "\\Deleted")
                .message(407, 12000)
                .message(408, 29738, "$NoJunk", "$AutoJunk", "$MDNSent")
                .message(410, 12345)
                .message(412, 11000);
    }

    @Test
    @Covers({"X30", "R45", "R28", "R76"})
    void x30_condstoreOnlyClientNeedsFetchAndSearchToResync() {
        Scenario s = Scenario.rfcDefaults().with(x30Inbox()).login("A", "alex");
        s.send("A", "s099 SELECT INBOX (CONDSTORE)").taggedOk();

        // R45: strictly after 12345, so UID 410 (exactly 12345) is not returned.
        s.send("A", "s100 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345)").is(
                "* 1 FETCH (UID 404 FLAGS (\\Seen) MODSEQ (65402))",
                "* 2 FETCH (UID 406 FLAGS (\\Deleted) MODSEQ (75403))",
                "* 4 FETCH (UID 408 FLAGS ($AutoJunk $MDNSent $NoJunk) MODSEQ (29738))",
                "s100 OK UID FETCH completed");
        // RFC defect: "UID SEARCH 300:500" searches message numbers 300:500 (RFC 3501 §6.4.8), of
        // which this mailbox has none; the UIDs the RFC means are "UID SEARCH UID 300:500".
        s.send("A", "s101 UID SEARCH 300:500").is("* SEARCH", "s101 OK UID SEARCH completed");
        Scenario.Exchange search = s.send("A", "s101b UID SEARCH UID 300:500").is(
                "* SEARCH 404 406 407 408 410 412",
                "s101b OK UID SEARCH completed");
        // R28: SEARCH MODSEQ finds the same changed messages (MODSEQ is "at least", hence 12346).
        s.send("A", "s102 UID SEARCH MODSEQ 12346").is(
                "* SEARCH 404 406 408 (MODSEQ 75403)",
                "s102 OK UID SEARCH completed");
        // R76: the one-command form needs ENABLE QRESYNC.
        s.send("A", "s103 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)").taggedBad().lacks("* ");

        // The client infers the expunges: its cached UIDs minus those the SEARCH still lists.
        List<Long> cached = new ArrayList<>(LongStream.rangeClosed(300, 310).boxed().toList());
        cached.addAll(List.of(404L, 405L, 406L, 407L, 408L, 410L, 411L, 412L));
        List<Long> present = List.of(search.lines().get(0).substring("* SEARCH ".length()).split(" ")).stream()
                .map(Long::parseLong).toList();
        cached.removeAll(present);
        assertEquals("300:310,405,411", wire(cached));
    }

    @Test
    @Covers({"X31", "R78", "R79"})
    void x31_uidFetchVanishedReportsExpungesFirst() {
        Scenario s = Scenario.rfcDefaults().with(x30Inbox()).login("A", "alex");
        s.send("A", "s098 ENABLE QRESYNC").taggedOk();
        s.send("A", "s099 SELECT INBOX").taggedOk();

        // R78: only UIDs of 300:500 expunged after 12345 (311:403 and 409 were expunged at 10000).
        s.send("A", "s100 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)").is(
                "* VANISHED (EARLIER) 300:310,405,411",
                "* 1 FETCH (UID 404 FLAGS (\\Seen) MODSEQ (65402))",
                "* 2 FETCH (UID 406 FLAGS (\\Deleted) MODSEQ (75403))",
                "* 4 FETCH (UID 408 FLAGS ($AutoJunk $MDNSent $NoJunk) MODSEQ (29738))",
                "s100 OK UID FETCH completed");
    }

    /**
     * RFC defects corrected: the FETCH MODSEQs (20010715205008000, 20010715195517000) exceed the
     * reported HIGHESTMODSEQ 20010715194045007 (R25), so HIGHESTMODSEQ here is the larger value;
     * with VANISHED 1:5,7:8 UIDs 6 and 9 are messages 1 and 2 (spec list, X41); and UID 6 has no
     * \Seen, so the first unseen message is 1, not 12.
     */
    @Test
    @Covers({"X41", "R69", "R79"})
    void x41_fullResyncWithMatchingUidValidity() {
        MailboxFixture inbox = mailbox("INBOX").uidValidity(3857529045L).uidNext(201)
                .expunged(20010715194030000L, LongStream.rangeClosed(16, 30).toArray())
                .expunged(20010715194040000L, 1, 2, 3, 4, 5, 7, 8, 10, 11, 12, 13, 14, 15)
                .message(6, 20010715205008000L, "\\Deleted")
                .message(9, 20010715195517000L, "$NoJunk", "$AutoJunk", "$MDNSent");
        for (long uid = 31; uid <= 200; uid++) {
            inbox.message(uid, 20010715194031000L, "\\Seen");
        }
        inbox.message(100, 20010715194045006L, "\\Seen", "\\Flagged")
                // Outside the known UIDs 1:198: the client learns of it as a new message, not here.
                .message(199, 20010715194045007L, "\\Seen", "\\Answered");
        Scenario s = Scenario.rfcDefaults().with(inbox).login("A", "alex");
        s.send("A", "A141 ENABLE QRESYNC").taggedOk();

        s.send("A", "A142 SELECT INBOX (QRESYNC (3857529045 20010715194032001 1:198))").is(
                FLAGS,
                "* 172 EXISTS",
                "* 0 RECENT",
                "* OK [UNSEEN 1] First unseen",
                "* OK [UIDVALIDITY 3857529045] UIDs valid",
                "* OK [UIDNEXT 201] Predicted next UID",
                PERMANENTFLAGS,
                "* OK [HIGHESTMODSEQ 20010715205008000] Highest mod-sequence",
                "* VANISHED (EARLIER) 1:5,7:8,10:15",
                "* 1 FETCH (UID 6 FLAGS (\\Deleted) MODSEQ (20010715205008000))",
                "* 2 FETCH (UID 9 FLAGS ($AutoJunk $MDNSent $NoJunk) MODSEQ (20010715195517000))",
                "* 72 FETCH (UID 100 FLAGS (\\Seen \\Flagged) MODSEQ (20010715194045006))",
                "A142 OK [READ-WRITE] SELECT completed");
        // Resyncing again from the HIGHESTMODSEQ just cached finds nothing more (§6).
        Scenario.Exchange again = s.send("A", "A143 SELECT INBOX (QRESYNC (3857529045 20010715205008000 1:198))")
                .lacks("* VANISHED").taggedOk();
        assertEquals(List.of(), again.lines().stream().filter(line -> line.contains(" FETCH ")).toList());
    }

    /** A sorted UID list as an IMAP set, with ranges, computed here independently of the model. */
    static String wire(List<Long> uids) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < uids.size()) {
            int j = i;
            while (j + 1 < uids.size() && uids.get(j + 1) == uids.get(j) + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(uids.get(i));
            if (j > i) {
                sb.append(':').append(uids.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }

    /** An IMAP set of numbers and ranges ({@code 1:2,4}) as the list of its numbers. */
    static List<Long> parseSet(String set) {
        List<Long> out = new ArrayList<>();
        for (String part : set.split(",")) {
            String[] bounds = part.split(":");
            long low = Long.parseLong(bounds[0]);
            long high = bounds.length == 2 ? Long.parseLong(bounds[1]) : low;
            for (long n = Math.min(low, high); n <= Math.max(low, high); n++) {
                out.add(n);
            }
        }
        return out;
    }
}
