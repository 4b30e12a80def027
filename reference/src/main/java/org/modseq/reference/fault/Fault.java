package org.modseq.reference.fault;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One deliberate RFC 7162 violation the reference can be run with ({@link FaultyEngine},
 * {@code modseq serve --fault NAME}): the failure modes of issue 4, each with the requirement a
 * conformance checker should report when it sees it. A server with a fault is a test of the
 * checker: a fault the checker does not catch is a gap in the checker.
 */
public enum Fault {

    // VANISHED (EARLIER) answers naming too few or too many UIDs.
    VANISHED_MISSES_UIDS_ABOVE_HIGHEST_LIVE("UID FETCH 1:* (...) (CHANGEDSINCE n VANISHED) reads * as the highest live"
            + " UID, not UIDNEXT-1, and misses the expunged UIDs above it", "R78"),
    VANISHED_EARLIER_NAMES_LIVE_UID("UID FETCH ... (CHANGEDSINCE n VANISHED) also names a UID that still exists in"
            + " VANISHED (EARLIER)", "R78"),
    QRESYNC_NAMES_LIVE_UID("SELECT ... (QRESYNC ...) also names a UID that still exists in VANISHED (EARLIER)",
            "R78", "R69"),
    QRESYNC_DROPS_VANISHED_UID("SELECT ... (QRESYNC ...) leaves the highest UID out of VANISHED (EARLIER)",
            "R69", "R78", "R73"),
    VANISHED_EARLIER_FORGETS_OLD_EXPUNGES("UID FETCH ... (CHANGEDSINCE n VANISHED) answers with the expunges it still"
            + " remembers, leaving out the oldest: a subset of the true expunges, as below a history floor", "R78"),
    NO_VANISHED_EARLIER("UID FETCH ... (CHANGEDSINCE n VANISHED) and SELECT ... (QRESYNC ...) never send VANISHED"
            + " (EARLIER): clients keep expunged messages", "R69", "R78", "R73"),

    // HIGHESTMODSEQ that does not rise, or differs between commands.
    HIGHESTMODSEQ_NOT_RAISED_BY_APPEND("HIGHESTMODSEQ does not rise on APPEND until the mailbox changes again",
            "R25", "R57"),
    HIGHESTMODSEQ_NOT_RAISED_BY_EXPUNGE("HIGHESTMODSEQ does not rise on EXPUNGE until the mailbox changes again",
            "R25", "R57", "R96"),
    HIGHESTMODSEQ_NOT_RAISED_BY_MOVE("HIGHESTMODSEQ of the source does not rise on MOVE until it changes again",
            "R25", "R57", "R96"),
    HIGHESTMODSEQ_NOT_RAISED_BY_FLAG_CHANGE("HIGHESTMODSEQ does not rise on STORE until the mailbox changes again",
            "R25", "R57"),
    STATUS_HIGHESTMODSEQ_DIFFERS("STATUS (HIGHESTMODSEQ) answers one more than SELECT would", "R57"),
    SELECT_HIGHESTMODSEQ_TOO_HIGH("SELECT (not EXAMINE) reports a HIGHESTMODSEQ one above the mailbox's", "R25"),
    HIGHESTMODSEQ_BEFORE_EXPUNGES("an untagged OK [HIGHESTMODSEQ] with the mailbox's value comes before the EXPUNGE"
            + " or VANISHED responses it covers: the client's mod-sequence passes expunges it was not told of", "R96"),

    // Zero, negative and out-of-range values.
    HIGHESTMODSEQ_ZERO_FOR_EMPTY_MAILBOX("SELECT of an empty mailbox reports HIGHESTMODSEQ 0", "R31"),
    MODSEQ_ZERO("FETCH responses carry MODSEQ (0)", "R1"),
    MODSEQ_NEGATIVE("FETCH responses carry MODSEQ (-1)", "R1"),

    // Malformed sets.
    VANISHED_SET_WITH_ZERO("VANISHED sets include 0", "R89"),
    VANISHED_SET_WITH_STAR("VANISHED sets end with *", "R89"),
    VANISHED_SET_EMPTY("VANISHED responses carry no UIDs", "R89"),
    MODIFIED_SET_WITH_ZERO("MODIFIED response codes include 0", "R35"),

    // Ordering.
    QRESYNC_RESYNC_BEFORE_CLOSED("SELECT ... (QRESYNC ...) with a mailbox selected sends its VANISHED (EARLIER)"
            + " before OK [CLOSED]", "R74"),
    QRESYNC_RESYNC_BEFORE_SELECT_RESPONSES("SELECT ... (QRESYNC ...) sends its VANISHED and FETCH responses before"
            + " FLAGS, EXISTS and the other standard SELECT responses", "R66"),
    FETCH_BEFORE_VANISHED_EARLIER("VANISHED (EARLIER) comes after the FETCH responses of the same resync", "R79"),
    QRESYNC_OMITS_CHANGED_FLAGS("SELECT ... (QRESYNC ...) sends no FETCH for the messages whose flags changed", "R69"),

    // Off by one.
    CHANGEDSINCE_INCLUDES_EQUAL("CHANGEDSINCE n also returns messages whose mod-sequence is n", "R45", "R78"),
    // R34 too: a judge that learns the failed message's mod-sequence only later sees a message on
    // the failed list whose mod-sequence is not above UNCHANGEDSINCE, which is R34's condition.
    UNCHANGEDSINCE_FAILS_AT_EQUAL("UNCHANGEDSINCE n fails messages whose mod-sequence is n (< for <=)", "R32", "R34"),
    UNCHANGEDSINCE_PASSES_LATER_CHANGE("UNCHANGEDSINCE n stores messages changed at n+1 (<= n+1 for <= n)", "R34"),
    CHANGEDSINCE_ZERO_ANSWERED_WITH_NOTHING("FETCH ... (CHANGEDSINCE 0) answers OK with no FETCH responses", "R45"),

    // seq-match-data.
    SEQ_MATCH_ADDS_UIDS("SELECT ... (QRESYNC ...) with seq-match-data reports expunges outside the known UIDs",
            "R70"),

    // The rest of issue 4's list.
    MODSEQ_WITHOUT_CONDSTORE("FETCH responses carry MODSEQ to clients that never enabled CONDSTORE", "R15"),
    SILENT_UNCHANGEDSINCE_DROPS_FETCH("STORE ... (UNCHANGEDSINCE n) +FLAGS.SILENT sends no FETCH with the new"
            + " MODSEQ", "R33"),
    VANISHED_FOR_UNANNOUNCED_UID("NOOP sends VANISHED (without EARLIER) for a UID the client was never told of",
            "R85"),
    CLOSE_ANSWERS_HIGHESTMODSEQ("CLOSE answers OK [HIGHESTMODSEQ n]", "R93"),
    MOVE_WITHOUT_EXPUNGES("MOVE sends no EXPUNGE or VANISHED for the moved messages", "R95", "RFC 6851 §3.3");

    private final String cliName;
    private final String failureMode;
    private final List<String> rules;

    Fault(String failureMode, String... rules) {
        this.cliName = name().toLowerCase(Locale.ROOT).replace('_', '-');
        this.failureMode = failureMode;
        this.rules = List.of(rules);
    }

    /** The kebab-case name {@code serve --fault} takes. */
    public String cliName() {
        return cliName;
    }

    /** What the server does wrong. */
    public String failureMode() {
        return failureMode;
    }

    /** The rules a checker may name for it, the likeliest first: requirement IDs or {@code RFC nnnn §x}. */
    public List<String> rules() {
        return rules;
    }

    /** The fault called {@code name} (case-insensitive). */
    public static Fault named(String name) {
        for (Fault fault : values()) {
            if (fault.cliName.equalsIgnoreCase(name)) {
                return fault;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + name + "'; valid faults: " + namesJoined());
    }

    static String namesJoined() {
        return Arrays.stream(values()).map(Fault::cliName).collect(Collectors.joining(", "));
    }

    /** Every fault's name, for picocli's completion candidates. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(Fault::cliName).iterator();
        }
    }
}
