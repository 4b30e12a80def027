package org.modseq.model.rfc;

import static org.modseq.model.rfc.Requirement.Keyword.DEFINITION;
import static org.modseq.model.rfc.Requirement.Keyword.FACT;
import static org.modseq.model.rfc.Requirement.Keyword.LOWER_MUST;
import static org.modseq.model.rfc.Requirement.Keyword.LOWER_SHOULD;
import static org.modseq.model.rfc.Requirement.Keyword.MAY;
import static org.modseq.model.rfc.Requirement.Keyword.MUST;
import static org.modseq.model.rfc.Requirement.Keyword.MUST_NOT;
import static org.modseq.model.rfc.Requirement.Keyword.RECOMMENDED;
import static org.modseq.model.rfc.Requirement.Keyword.REQUIRED;
import static org.modseq.model.rfc.Requirement.Keyword.SHOULD;
import static org.modseq.model.rfc.Requirement.Keyword.SHOULD_NOT;
import static org.modseq.model.rfc.Requirement.Party.BOTH;
import static org.modseq.model.rfc.Requirement.Party.CLIENT;
import static org.modseq.model.rfc.Requirement.Party.SERVER;
import static org.modseq.model.rfc.Requirement.Party.SYNTAX;
import static org.modseq.model.rfc.Requirement.Scope.DEFERRED;
import static org.modseq.model.rfc.Requirement.Scope.OUT_OF_SCOPE;

import java.util.Objects;

/**
 * Every requirement sentence of RFC 7162, numbered R1..R110 exactly as in the project's
 * requirements list (the RFC itself numbers nothing), so that code, tests and docs can cite a
 * stable ID instead of paraphrasing the RFC again.
 *
 * <p>The catalogue lives in the build, not in a shared document, because the coverage check
 * ({@code RequirementCoverageTest}) must run wherever the repository is checked out.
 *
 * <h2>How to cite</h2>
 * A test cites a requirement (or an {@link Example}) in one of three ways; all three are found
 * by the coverage check, which also rejects IDs that do not exist:
 * <ul>
 *   <li>{@code @Covers({"R45", "X16"})} on the test method or the test class ({@link Covers});
 *   <li>the ID as a token of a test method name: {@code r45_changedSinceIsStrict},
 *       {@code x16_uidFetchChangedSince}, {@code changedSinceIsStrict_R45};
 *   <li>the upper-case ID in a JUnit {@code @DisplayName}, e.g. {@code "R45: CHANGEDSINCE is strict"}.
 * </ul>
 * Example IDs are always written with two digits ({@code X05}, never {@code X5}).
 *
 * <h2>What must be cited</h2>
 * Every requirement that {@link #demandsCoverage() demands coverage} (it binds the server, and
 * it is {@link Scope#IN_SCOPE}) must be cited by at least one test. Client rules
 * ({@link Party#CLIENT}) and grammar rules ({@link Party#SYNTAX}) may be cited but are not
 * demanded: the simulated client and the reference server's parser will cite them.
 */
public enum Requirement {

    // A. Mod-sequence assignment
    R1("§3.1", MUST, SERVER,
            "Every message has a mod-sequence: an opaque unsigned 63-bit value in 1..2^63-1 (RFC 4551 allowed 64 bits)."),
    R2("§3.1", MUST, SERVER,
            "No two STOREs on one mailbox share a mod-sequence, even when they run concurrently from different sessions on different items."),
    R3("§3.1", MUST, SERVER,
            "Within one session and mailbox, a later successful STORE gets a strictly greater mod-sequence than an earlier one (so no raw wall clock)."),
    R4("§3.1", MUST, SERVER,
            "Adding an absent flag or removing a present one raises the message's mod-sequence."),
    R5("§3.1, §3.1.11", SHOULD_NOT, SERVER,
            "A flag operation that changes nothing (re-adding, removing an absent flag, implicit \\Seen on a seen message) leaves the mod-sequence alone."),
    R6("§3.1.11", MUST_NOT, CLIENT,
            "A client may not assume that no-op flag operations leave the mod-sequence untouched (R5 is only a SHOULD)."),
    R7("§3.1", FACT, SERVER,
            "A message arriving by APPEND, COPY or outside delivery gets a mod-sequence above every mod-sequence already in the mailbox."),
    R8("§3.1", MAY, SERVER,
            "Mod-sequences may be kept per metadata item; a message's mod-sequence is then the maximum over the items the current user can see."),
    R9("§2", DEFINITION, BOTH,
            "Metadata means flags and keywords (plus annotations with ANNOTATE); shared metadata is seen by every user, private only by its owner's sessions."),
    R10("§3.1.3", MUST, SERVER,
            "A conditional STORE that succeeds on a message raises that message's mod-sequence."),
    R11("§3.1.3", MUST, SERVER,
            "A plain STORE (no UNCHANGEDSINCE) that succeeds on a message also raises its mod-sequence."),
    R12("§3.2", MUST, SERVER,
            "In a persistent-modseq mailbox, EXPUNGE, UID EXPUNGE, CLOSE and MOVE removals raise the mailbox mod-sequence and record it with each removed UID."),
    R13("§3.2", MUST, SERVER,
            "A SETMETADATA change to a mailbox annotation raises the mailbox mod-sequence.",
            OUT_OF_SCOPE, "METADATA/SETMETADATA (RFC 5464) is not implemented"),
    R14("§3.1", FACT, SERVER,
            "Persistent mod-sequences are optional per mailbox; a mailbox without them is announced with NOMODSEQ."),

    // B. Enabling commands; MODSEQ (and UID) in untagged FETCH
    R15("§3.1, §3.2.3", DEFINITION, SERVER,
            "Enabling commands: SELECT/EXAMINE (CONDSTORE), STATUS HIGHESTMODSEQ, FETCH or SEARCH with MODSEQ, FETCH CHANGEDSINCE, STORE UNCHANGEDSINCE, ENABLE CONDSTORE/QRESYNC."),
    R16("§3.1", MUST, SERVER,
            "Once any enabling command has run, every later untagged FETCH carries MODSEQ, whatever triggered it, until the connection ends."),
    R17("§3.1", MUST, SERVER,
            "The first enabling command issued with a mailbox selected makes the server report its HIGHESTMODSEQ, unless NOMODSEQ was given at selection."),
    R18("§3.1.3", REQUIRED, SERVER,
            "Every unsolicited FETCH sent to a CONDSTORE-aware client includes the message's mod-sequence."),
    R19("§3.1.8", MUST, SERVER,
            "SELECT/EXAMINE with the CONDSTORE parameter switches on MODSEQ in all later unsolicited FETCHes."),
    R20("§3.2.4", MUST, SERVER,
            "Under QRESYNC, untagged FETCHes after enabling carry UID and MODSEQ, except direct replies to a FETCH asking for neither (no implicit \\Seen) or a UID FETCH without MODSEQ."),
    R21("§3.1.4.2", SHOULD, SERVER,
            "A CONDSTORE-only server should still follow R20 and put UID next to MODSEQ in untagged FETCHes."),
    R22("§3.1.1", FACT, SERVER,
            "The server announces the extension with the CONDSTORE capability."),

    // C. SELECT/EXAMINE: HIGHESTMODSEQ / NOMODSEQ; client cache
    R23("§3.1.2", MUST, SERVER,
            "After an enabling command, each successful SELECT/EXAMINE reports exactly one of HIGHESTMODSEQ or NOMODSEQ in an untagged OK."),
    R24("§3.1.2", MUST, SERVER,
            "On opening a mailbox the server sends HIGHESTMODSEQ if it keeps persistent mod-sequences there, and NOMODSEQ if it does not."),
    R25("§3.1.2.1", MUST, SERVER,
            "Once enabled, every successful SELECT/EXAMINE of a persistent-modseq mailbox reports HIGHESTMODSEQ, the largest mod-sequence in the mailbox."),
    R26("§3.1.2.1", FACT, SERVER,
            "When UIDVALIDITY changes, HIGHESTMODSEQ may start over; it need not carry across."),
    R27("§3.1.2.1", MUST, CLIENT,
            "A client that sees a new UIDVALIDITY discards its cached HIGHESTMODSEQ."),
    R28("§3.1.2.1", MAY, CLIENT,
            "A client may discover changed messages with SEARCH MODSEQ or with FETCH CHANGEDSINCE."),
    R29("§3.1.2.2", MUST, SERVER,
            "Once enabled, every successful SELECT/EXAMINE of a mailbox without persistent mod-sequences reports NOMODSEQ."),
    R30("§3.1.2.2", MUST, SERVER,
            "While a NOMODSEQ mailbox stays selected, FETCH CHANGEDSINCE, FETCH/SEARCH MODSEQ and STORE UNCHANGEDSINCE all get a tagged BAD."),
    R31("§7", DEFINITION, SERVER,
            "The HIGHESTMODSEQ code takes a value of at least 1, NOMODSEQ takes none, and both still need text after the code (erratum 5055)."),

    // D. STORE / UID STORE: UNCHANGEDSINCE, MODIFIED
    R32("§3.1.3", FACT, SERVER,
            "UNCHANGEDSINCE m lets a STORE act on a message only if every item it touches has a mod-sequence of at most m."),
    R33("§3.1.3", MUST, SERVER,
            "A message passing UNCHANGEDSINCE has its mod-sequence raised and always gets an untagged FETCH with MODSEQ, even for .SILENT."),
    R34("§3.1.3", MUST_NOT, SERVER,
            "A message with any touched item above m is left as is, its number (UID for UID STORE) joins the failed list, and the rest are still processed."),
    R35("§3.1.3", MUST, SERVER,
            "A non-empty failed list comes back as MODIFIED in the tagged reply: message numbers for STORE, UIDs for UID STORE."),
    R36("§3.1.3", MAY, SERVER,
            "MODIFIED may also ride on a tagged NO, e.g. when some target messages were already expunged."),
    R37("§3.1.3", MUST, SERVER,
            "UNCHANGEDSINCE 0 fails for every existing item, and a system flag always counts as existing."),
    R38("§3.1.3", MUST, CLIENT,
            "A client making an atomic change must cope with MODIFIED even when the item it cares about did not change."),
    R39("§3.1.3", SHOULD, SERVER,
            "For +FLAGS/-FLAGS (also .SILENT) the server avoids MODIFIED when the affected flags did not change; a plain FLAGS replace cannot avoid it."),
    R40("§3.1.3", RECOMMENDED, BOTH,
            "The server should volunteer FETCHes for messages that failed UNCHANGEDSINCE; if it did not, the client should FETCH or NOOP to learn why."),
    R41("§3.1.3", SHOULD, CLIENT,
            "If the failure turns out spurious, the client retries with the fresh mod-sequence, allowing at least two attempts."),
    R42("§3.1.3", MUST_NOT, SERVER,
            "If a message appears twice in the set and duplicates are kept, the later occurrence may not fail because the first one succeeded."),
    R43("§3.1.3", FACT, SERVER,
            "STORE UNCHANGEDSINCE is itself an enabling command, so later unsolicited FETCHes carry MODSEQ."),
    R44("§7", DEFINITION, SERVER,
            "A STORE accepts at most one UNCHANGEDSINCE, and its value may be 0."),

    // E. FETCH: CHANGEDSINCE and MODSEQ
    R45("§3.1.4.1", FACT, SERVER,
            "FETCH CHANGEDSINCE m returns only messages whose mod-sequence is strictly greater than m, and implies MODSEQ."),
    R46("§7", DEFINITION, SERVER,
            "CHANGEDSINCE needs a value of at least 1; CHANGEDSINCE 0 is a syntax error answered with BAD."),
    R47("§3.1.4.2", DEFINITION, SERVER,
            "The MODSEQ fetch item is answered as MODSEQ (n) in parentheses; the same item also reports conditional-STORE and external changes."),
    R48("§3.1.4", FACT, SERVER,
            "CHANGEDSINCE and the MODSEQ fetch item both enable CONDSTORE, and both are refused with BAD on a NOMODSEQ mailbox."),

    // F. SEARCH / SORT / ESEARCH with the MODSEQ criterion
    R49("§3.1.5", FACT, SERVER,
            "SEARCH MODSEQ m matches messages whose mod-sequence is greater than or equal to m."),
    R50("§3.1.5", MUST, SERVER,
            "For entry type \"all\" the server compares against the larger of the private and the shared mod-sequence."),
    R51("§3.1.5", MUST, SERVER,
            "Without per-item mod-sequences the entry name and type are ignored; with them, they should narrow the match."),
    R52("§3.1.5, §7", DEFINITION, SERVER,
            "The entry name is the quoted string \"/flags/<flag>\" with a system flag's backslash escaped; \\Recent is not allowed."),
    R53("§3.1.5, §3.1.6", MUST, SERVER,
            "A non-empty SEARCH/UID SEARCH result for a MODSEQ query ends with (MODSEQ n), n the highest mod-sequence among the hits; an empty one gets nothing."),
    R54("§3.1.9", MUST, SERVER,
            "A non-empty SORT/UID SORT result for a MODSEQ query ends with the highest mod-sequence among the hits; THREAD is unchanged.",
            OUT_OF_SCOPE, "SORT (RFC 5256) is not modelled yet: planned"),
    R55("§3.1.10", MUST, SERVER,
            "With ESEARCH (or ESORT), a non-empty MODSEQ query is answered by ESEARCH carrying the MODSEQ return item instead of the appended form."),
    R56("§7", DEFINITION, SERVER,
            "The MODSEQ search key is available to SEARCH, SORT and THREAD alike."),

    // G. STATUS HIGHESTMODSEQ
    R57("§3.1.7", MUST, SERVER,
            "STATUS HIGHESTMODSEQ gives the same value as the SELECT response code, and 0 for a mailbox without persistent mod-sequences."),

    // H. ENABLE / QRESYNC activation / capabilities
    R58("§3.2.2", SHOULD, SERVER,
            "A server advertising QRESYNC also lists CONDSTORE; QRESYNC alone already implies CONDSTORE."),
    R59("§3.2.3", MUST, SERVER,
            "A QRESYNC server implements ENABLE (RFC 5161) and advertises it."),
    R60("§3.2.3", REQUIRED, SERVER,
            "ENABLE QRESYNC and ENABLE QRESYNC CONDSTORE (any order) are accepted with the same effect; ENABLE CONDSTORE alone is optional."),
    R61("§3.2.3", MUST, SERVER,
            "After ENABLE QRESYNC, expunges in non-NOMODSEQ mailboxes are announced with VANISHED, never EXPUNGE, for the rest of the connection."),
    R62("§3.2.3", MUST, CLIENT,
            "A client that wants QRESYNC sends ENABLE QRESYNC once it has authenticated."),
    R63("§3.2.3", MUST, SERVER,
            "The QRESYNC select parameter and the VANISHED fetch modifier get BAD unless ENABLE QRESYNC was accepted earlier on this connection."),

    // I. QRESYNC parameter to SELECT/EXAMINE
    R64("§3.2.5, §7", DEFINITION, SERVER,
            "QRESYNC takes (uidvalidity modseq [known-uids] [(seq-set uid-set)]), with nonzero uidvalidity and modseq and no * in any set."),
    R65("§3.2.5", FACT, SERVER,
            "All QRESYNC arguments are validated before the mailbox is opened; an invalid one gets BAD and the named mailbox is not selected."),
    R66("§3.2.5", MUST, SERVER,
            "A QRESYNC select still sends every untagged response that a plain RFC 3501 SELECT/EXAMINE sends."),
    R67("§3.2.5", MUST, SERVER,
            "On a UIDVALIDITY mismatch the remaining QRESYNC arguments are ignored and no changes are reported."),
    R68("§3.2.5.1", MUST, SERVER,
            "A mailbox without persistent mod-sequences answers QRESYNC with NOMODSEQ and ignores the remaining arguments."),
    R69("§3.2.5.1", MUST, SERVER,
            "With a matching UIDVALIDITY, flag changes and expunges since the given mod-sequence are reported, and those FETCHes include UID."),
    R70("§3.2.5.1", LOWER_SHOULD, SERVER,
            "Reporting is limited to the known UIDs when given, else to 1:(UIDNEXT-1), which is empty for a mailbox that never held a message."),
    R71("§3.2.5.1", FACT, SERVER,
            "A QRESYNC select reports exactly what UID FETCH known-uids (FLAGS) (CHANGEDSINCE m VANISHED) would, so all VANISHED modifier rules apply."),
    R72("§3.2.5.2", MAY, BOTH,
            "A client may add sequence-match data (both sets ascending); the server uses it to narrow the expunge report."),
    R73("§3.2.5.2", FACT, SERVER,
            "Every (message number, UID) pair that matches the mailbox suppresses reporting of expunged UIDs up to and including that UID."),
    R74("§3.2.11", MUST, SERVER,
            "When a QRESYNC select replaces an already selected mailbox, the CLOSED code comes before the new mailbox's responses."),

    // J. VANISHED modifier and VANISHED / VANISHED (EARLIER) responses
    R75("§3.2.6", MUST, SERVER,
            "The VANISHED modifier is only valid on UID FETCH; on FETCH it gets BAD."),
    R76("§3.2.6", MUST, SERVER,
            "The VANISHED modifier gets BAD unless ENABLE QRESYNC is in effect on the connection."),
    R77("§3.2.6", MUST, SERVER,
            "The VANISHED modifier without CHANGEDSINCE gets BAD."),
    R78("§3.2.6", FACT, SERVER,
            "UID FETCH (CHANGEDSINCE m VANISHED) reports, as VANISHED (EARLIER), the UIDs of the set expunged at a mod-sequence above m."),
    R79("§3.2.6", MUST, SERVER,
            "Every VANISHED (EARLIER) response precedes every FETCH response of the same command."),
    R80("§3.2.6", MUST, SERVER,
            "If m is below the oldest remembered expunge mod-sequence minus one, every expunged UID in the set is reported."),
    R81("§3.2.10, §3.2.10.2", MUST, SERVER,
            "Once QRESYNC is enabled, every expunge the client learns of (own or other sessions) in a non-NOMODSEQ mailbox is a VANISHED without EARLIER."),
    R82("§3.2.10", MUST_NOT, SERVER,
            "VANISHED (EARLIER) and plain VANISHED are never merged; when both apply, two responses are sent."),
    R83("§3.2.10.1", MUST_NOT, CLIENT,
            "On VANISHED (EARLIER) the client leaves message numbers as they are."),
    R84("§3.2.10.2", FACT, BOTH,
            "A plain VANISHED shrinks the message count and renumbers the remaining messages as EXPUNGE would, so no EXISTS is needed."),
    R85("§3.2.10.2", MUST, SERVER,
            "A plain VANISHED names only messages the session currently sees: never UIDs already expunged or not yet announced by EXISTS."),
    R86("§3.2.10.2", MUST_NOT, SERVER,
            "No plain VANISHED when no command is in progress or during FETCH, STORE or SEARCH; a command counts only once fully received."),
    R87("§3.2.10.2", MAY, SERVER,
            "A plain VANISHED may appear during UID FETCH, UID STORE and UID SEARCH, but not during a UID SEARCH whose criteria use message numbers."),
    R88("§3.2.10.2", MUST, CLIENT,
            "The client applies every VANISHED it receives to its view of the mailbox."),
    R89("§7", DEFINITION, SERVER,
            "A VANISHED response is VANISHED, optionally (EARLIER), then a UID set; the VANISHED modifier belongs to UID FETCH only."),

    // K. EXPUNGE, CLOSE, UID EXPUNGE, MOVE; event ordering
    R90("§3.2.7", FACT, SERVER,
            "EXPUNGE announces every removed message (VANISHED or EXPUNGE) before its tagged OK."),
    R91("§3.2.7", MUST, SERVER,
            "An EXPUNGE that removes anything from a persistent-modseq mailbox raises the mailbox mod-sequence and remembers it with each removed UID."),
    R92("§3.2.7", MUST, SERVER,
            "If EXPUNGE removed something and QRESYNC is on, the tagged OK carries the new HIGHESTMODSEQ; otherwise it is optional, and absent for NOMODSEQ."),
    R93("§3.2.8", MUST_NOT, SERVER,
            "CLOSE sends no EXPUNGE/VANISHED and no HIGHESTMODSEQ in its OK, yet still raises the mod-sequence and remembers the removed UIDs."),
    R94("§3.2.9", LOWER_MUST, SERVER,
            "UID EXPUNGE removes only \\Deleted messages inside the UID set and follows the same mod-sequence and HIGHESTMODSEQ rules as EXPUNGE."),
    R95("§3.2", FACT, SERVER,
            "Messages taken away by MOVE count as expunges: they raise the mod-sequence and, under QRESYNC, are announced with VANISHED."),
    R96("§3.2", MUST, SERVER,
            "While an expunge is held back but newer MODSEQ values are sent, any HIGHESTMODSEQ code stays below the held-back expunge's mod-sequence."),

    // L. Persistence, UIDVALIDITY and expunge state
    R97("§3.1.2.1", FACT, SERVER,
            "A server may drop its HIGHESTMODSEQ history across a UIDVALIDITY change (the persistence side of R26)."),
    R98("§5.1", FACT, SERVER,
            "Forgetting expunge mod-sequences is compliant but discouraged: every expunged UID in the requested set is then reported each time."),
    R99("§5.2", FACT, SERVER,
            "A server that keeps the HIGHESTMODSEQ of its last expunge may skip VANISHED when the client's mod-sequence is at least that value."),
    R100("§5.3", FACT, SERVER,
            "Expunge history may be a bounded queue; expired entries leave behind their highest mod-sequence, which fixes the minmodseq of R80."),
    R101("§5.3", SHOULD, SERVER,
            "Expunge history is discarded when the mailbox is deleted or its UIDVALIDITY changes."),
    R102("§6", MUST, CLIENT,
            "Client resync: prefer QRESYNC, advance the cached HIGHESTMODSEQ only at tagged replies, honour HIGHESTMODSEQ codes, reset on NOMODSEQ or new UIDVALIDITY."),

    // M. CLOSED response code
    R103("§3.2.11", MUST, SERVER,
            "When SELECT/EXAMINE implicitly closes the current mailbox, CLOSED (no arguments) separates the old mailbox's responses from the new one's."),
    R104("§3.2.11", LOWER_MUST, SERVER,
            "A server advertising CONDSTORE or QRESYNC sends that CLOSED even if no enabling command was issued."),
    R105("§3.2.11", FACT, SERVER,
            "CLOSE, UNSELECT and similar commands that leave no mailbox selected need not send CLOSED."),

    // N. Command line length (updates RFC 2683 §3.2.1.5)
    R106("§4", FACT, SERVER,
            "A server enforcing a line-length limit answers an overlong line with BAD and may disconnect; long UID sets make this likely.",
            DEFERRED, "exercised by the reference server's network tests (ImapServerTest)"),
    R107("§4", LOWER_SHOULD, BOTH,
            "About 8192 octets per command line (literals excluded) is the new guideline: clients stay below it and split larger requests.",
            DEFERRED, "exercised by the reference server's network tests (ImapServerTest): 64 KiB lines are accepted"),

    // O. General syntax (§7)
    R108("§7", MUST, SERVER,
            "Every keyword and token this extension adds is matched without regard to case."),
    R109("§7", MUST_NOT, BOTH,
            "A server never emits backslash flags beyond those a standard defines; a client must tolerate unknown ones."),
    R110("§7", DEFINITION, SYNTAX,
            "Grammar additions: capabilities, STATUS item, STORE and FETCH modifiers, MODSEQ fetch item and search key, response codes, select parameters, VANISHED.");

    /** The normative strength of the sentence, as the RFC writes it (RFC 2119 keywords). */
    public enum Keyword {
        MUST("MUST"),
        MUST_NOT("MUST NOT"),
        SHOULD("SHOULD"),
        SHOULD_NOT("SHOULD NOT"),
        MAY("MAY"),
        REQUIRED("REQUIRED"),
        RECOMMENDED("RECOMMENDED"),
        /** A normative-looking "must" in lower case (e.g. §3.2.9, §3.2.11). */
        LOWER_MUST("must"),
        /** A normative-looking "should" in lower case (e.g. §3.2.5.1, §4). */
        LOWER_SHOULD("should"),
        /** Stated as a fact, without any keyword. */
        FACT("FACT"),
        /** A definition or grammar production rather than an obligation. */
        DEFINITION("DEFINITION");

        private final String text;

        Keyword(String text) {
            this.text = text;
        }

        /** The keyword as written in the RFC, e.g. {@code "MUST NOT"} or lower-case {@code "must"}. */
        public String text() {
            return text;
        }
    }

    /** Who the sentence binds. */
    public enum Party {
        SERVER,
        CLIENT,
        BOTH,
        /** A grammar rule (§7 ABNF): checked by parsers, not by the behavioural model. */
        SYNTAX
    }

    /** Whether the project exercises the requirement, and where. */
    public enum Scope {
        IN_SCOPE,
        /** The feature is not implemented; the reason says which. */
        OUT_OF_SCOPE,
        /** In scope, but exercised outside the model; the reason says where. */
        DEFERRED
    }

    private static final String PREFIX = "R";

    private final String section;
    private final Keyword keyword;
    private final Party party;
    private final String summary;
    private final Scope scope;
    private final String scopeReason;

    Requirement(String section, Keyword keyword, Party party, String summary) {
        this(section, keyword, party, summary, Scope.IN_SCOPE, "");
    }

    Requirement(String section, Keyword keyword, Party party, String summary, Scope scope, String scopeReason) {
        this.section = Objects.requireNonNull(section);
        this.keyword = Objects.requireNonNull(keyword);
        this.party = Objects.requireNonNull(party);
        this.summary = Objects.requireNonNull(summary);
        this.scope = Objects.requireNonNull(scope);
        this.scopeReason = Objects.requireNonNull(scopeReason);
    }

    /**
     * Looks up a requirement by its canonical ID, {@code "R1"} to {@code "R110"}.
     *
     * @throws IllegalArgumentException naming {@code id} if it is not exactly such an ID
     *         (no leading zeros, upper-case {@code R})
     */
    public static Requirement parse(String id) {
        if (id != null && id.startsWith(PREFIX)) {
            String digits = id.substring(PREFIX.length());
            if (digits.matches("[1-9][0-9]{0,2}")) {
                int number = Integer.parseInt(digits);
                if (number <= values().length) {
                    return values()[number - 1];
                }
            } else if (digits.matches("0+[1-9][0-9]{0,2}")) {
                int number = Integer.parseInt(digits);
                if (number <= values().length) {
                    throw new IllegalArgumentException("not a requirement ID: \"" + id
                            + "\" (requirement IDs have no leading zeros: write " + PREFIX + number + ")");
                }
            }
        }
        throw new IllegalArgumentException("not a requirement ID: \"" + id + "\" (expected R1..R"
                + values().length + ", e.g. R45)");
    }

    /** The stable ID, e.g. {@code "R45"}; the same as {@link #name()}. */
    public String id() {
        return name();
    }

    /** The 1-based number, e.g. 45 for R45. */
    public int number() {
        return ordinal() + 1;
    }

    /** The RFC section(s), e.g. {@code "§3.1.4.1"}. */
    public String section() {
        return section;
    }

    public Keyword keyword() {
        return keyword;
    }

    public Party party() {
        return party;
    }

    /** One line, in this project's words (not the RFC's). */
    public String summary() {
        return summary;
    }

    public Scope scope() {
        return scope;
    }

    /** Why the requirement is {@link Scope#OUT_OF_SCOPE} or {@link Scope#DEFERRED}; empty when in scope. */
    public String scopeReason() {
        return scopeReason;
    }

    /** A rule for clients only: the simulated client cites it, the coverage check does not demand it. */
    public boolean isClientRule() {
        return party == Party.CLIENT;
    }

    /** Whether the coverage check demands a citing test: in scope and binding the server. */
    public boolean demandsCoverage() {
        return scope == Scope.IN_SCOPE && (party == Party.SERVER || party == Party.BOTH);
    }
}
