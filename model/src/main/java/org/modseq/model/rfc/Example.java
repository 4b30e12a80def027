package org.modseq.model.rfc;

import static org.modseq.model.rfc.Requirement.R10;
import static org.modseq.model.rfc.Requirement.R102;
import static org.modseq.model.rfc.Requirement.R103;
import static org.modseq.model.rfc.Requirement.R14;
import static org.modseq.model.rfc.Requirement.R15;
import static org.modseq.model.rfc.Requirement.R16;
import static org.modseq.model.rfc.Requirement.R17;
import static org.modseq.model.rfc.Requirement.R18;
import static org.modseq.model.rfc.Requirement.R19;
import static org.modseq.model.rfc.Requirement.R20;
import static org.modseq.model.rfc.Requirement.R23;
import static org.modseq.model.rfc.Requirement.R24;
import static org.modseq.model.rfc.Requirement.R25;
import static org.modseq.model.rfc.Requirement.R28;
import static org.modseq.model.rfc.Requirement.R29;
import static org.modseq.model.rfc.Requirement.R31;
import static org.modseq.model.rfc.Requirement.R32;
import static org.modseq.model.rfc.Requirement.R33;
import static org.modseq.model.rfc.Requirement.R34;
import static org.modseq.model.rfc.Requirement.R35;
import static org.modseq.model.rfc.Requirement.R36;
import static org.modseq.model.rfc.Requirement.R37;
import static org.modseq.model.rfc.Requirement.R38;
import static org.modseq.model.rfc.Requirement.R39;
import static org.modseq.model.rfc.Requirement.R4;
import static org.modseq.model.rfc.Requirement.R40;
import static org.modseq.model.rfc.Requirement.R41;
import static org.modseq.model.rfc.Requirement.R42;
import static org.modseq.model.rfc.Requirement.R44;
import static org.modseq.model.rfc.Requirement.R45;
import static org.modseq.model.rfc.Requirement.R47;
import static org.modseq.model.rfc.Requirement.R49;
import static org.modseq.model.rfc.Requirement.R50;
import static org.modseq.model.rfc.Requirement.R52;
import static org.modseq.model.rfc.Requirement.R53;
import static org.modseq.model.rfc.Requirement.R54;
import static org.modseq.model.rfc.Requirement.R55;
import static org.modseq.model.rfc.Requirement.R57;
import static org.modseq.model.rfc.Requirement.R61;
import static org.modseq.model.rfc.Requirement.R66;
import static org.modseq.model.rfc.Requirement.R67;
import static org.modseq.model.rfc.Requirement.R69;
import static org.modseq.model.rfc.Requirement.R70;
import static org.modseq.model.rfc.Requirement.R71;
import static org.modseq.model.rfc.Requirement.R72;
import static org.modseq.model.rfc.Requirement.R73;
import static org.modseq.model.rfc.Requirement.R74;
import static org.modseq.model.rfc.Requirement.R78;
import static org.modseq.model.rfc.Requirement.R79;
import static org.modseq.model.rfc.Requirement.R8;
import static org.modseq.model.rfc.Requirement.R80;
import static org.modseq.model.rfc.Requirement.R81;
import static org.modseq.model.rfc.Requirement.R84;
import static org.modseq.model.rfc.Requirement.R85;
import static org.modseq.model.rfc.Requirement.R86;
import static org.modseq.model.rfc.Requirement.R9;
import static org.modseq.model.rfc.Requirement.R90;
import static org.modseq.model.rfc.Requirement.R91;
import static org.modseq.model.rfc.Requirement.R92;
import static org.modseq.model.rfc.Requirement.R93;
import static org.modseq.model.rfc.Requirement.R94;
import static org.modseq.model.rfc.Requirement.R96;
import static org.modseq.model.rfc.Requirement.R98;

import java.util.List;
import java.util.Objects;

/**
 * Every protocol example (C:/S: block) of RFC 7162, numbered X01..X41 as in the project's
 * requirements list. The RFC labels only Examples 1-20 (all in §3.1); the rest are unlabelled,
 * hence our own IDs. A block split by a page break or into several sessions is one example.
 *
 * <p>Some examples are {@link #defect() defective}: their literal numbers or response text
 * must not be used as test oracles. Tests cite examples exactly like requirements (see
 * {@link Requirement}); the coverage check demands that every example is cited, except one
 * that is {@link #planned() planned}.
 */
public enum Example {

    X01("Example 1", "§3.1.2.1",
            "After an enabling command, a plain SELECT reports HIGHESTMODSEQ in an untagged OK.",
            List.of(R23, R24, R25, R31),
            "The HIGHESTMODSEQ line stops right after the response code; RFC 3501 resp-text needs text there (erratum 5055)."),
    X02("Example 2", "§3.1.2.2",
            "Selecting a mailbox that keeps no persistent mod-sequences yields NOMODSEQ.",
            List.of(R14, R24, R29)),
    X03("Example 3", "§3.1.3",
            "UID STORE with UNCHANGEDSINCE where every message passes: one FETCH with UID and MODSEQ each, in message-number order, despite .SILENT.",
            List.of(R10, R32, R33)),
    X04("Example 4", "§3.1.3",
            "A message-number conditional STORE with .SILENT still answers with a FETCH carrying MODSEQ (UID only needed under QRESYNC).",
            List.of(R33, R20)),
    X05("Example 5", "§3.1.3",
            "A conditional STORE as the first enabling command while selected: HIGHESTMODSEQ (the value before the store) comes first, then the FETCH.",
            List.of(R17, R33),
            "The HIGHESTMODSEQ line stops right after the response code, as in X01."),
    X06("Example 6", "§3.1.3",
            "Conditional STORE on three messages where two fail: only the passing one changes, and the tagged OK carries MODIFIED with the two failures.",
            List.of(R34, R35)),
    X07("Example 7", "§3.1.3",
            "As X06, but the server also volunteers FETCHes with MODSEQ and FLAGS for the failed messages.",
            List.of(R34, R35, R40)),
    X08("Example 8", "§3.1.3",
            "UNCHANGEDSINCE 0 used as a presence test: the STORE fails with MODIFIED and sends no FETCH.",
            List.of(R37, R44, R35)),
    X09("Example 9", "§3.1.3",
            "A range STORE where one message fails without explanation; a NOOP then reveals another client set the same flag.",
            List.of(R34, R35, R40)),
    X10("(Example 9 variant)", "§3.1.3",
            "NOOP shows only unrelated flags changed on the failed message; the client retries with the new mod-sequence and succeeds.",
            List.of(R38, R39, R41)),
    X11("Example 10", "§3.1.3",
            "Same STORE, but the server sends a FETCH for the failed message before the tagged OK with MODIFIED.",
            List.of(R40, R35)),
    X12("(Example 10 variant)", "§3.1.3",
            "The volunteered FETCH shows only unrelated flags changed; MODIFIED is still returned and the client's retry succeeds.",
            List.of(R38, R39, R40, R41)),
    X13("(Example 10, \"nice server\")", "§3.1.3",
            "Only unrelated flags changed, so the server applies the +FLAGS anyway and answers FETCH plus a plain OK, without MODIFIED.",
            List.of(R39, R33),
            "The FETCH repeats the mod-sequence of the earlier foreign change although $Processed was just added; a real server reports a higher one (R4)."),
    X14("Example 11", "§3.1.3",
            "STORE over messages partly expunged by another session: NO [MODIFIED] lists only the UNCHANGEDSINCE failure; NOOP brings the EXPUNGEs, the retry works.",
            List.of(R36, R34, R35),
            "The final FETCH shows flags (\\Seen \\Flagged) that contradict the (\\Deleted \\Answered) just reported for the same message."),
    X15("(inline, no C: line)", "§3.1.3",
            "A conditional STORE whose message set names message 7 twice.",
            List.of(R42)),
    X16("Example 12", "§3.1.4.1",
            "UID FETCH 1:* (FLAGS) (CHANGEDSINCE m) returns only messages changed after m, each with UID, MODSEQ and FLAGS.",
            List.of(R45, R15)),
    X17("Example 13", "§3.1.4.2",
            "Fetching the MODSEQ item returns each message's mod-sequence in parentheses.",
            List.of(R47, R15)),
    X18("Example 14", "§3.1.4.2",
            "Three sessions, two users: shared flag changes reach every session as unsolicited FETCHes with MODSEQ, private \\Seen only the same user's.",
            List.of(R16, R18, R8, R9, R20),
            "Session 1 shows mod-sequence 2121231000 where the other sessions show 12121231000 for the same change: a dropped leading digit."),
    X19("Example 15", "§3.1.5",
            "SEARCH MODSEQ with an entry name for \\Draft and type all matches at or above the value and appends the highest mod-sequence of the hits.",
            List.of(R49, R50, R52, R53)),
    X20("Example 16", "§3.1.5",
            "A MODSEQ SEARCH without hits returns a bare SEARCH with no mod-sequence suffix.",
            List.of(R53)),
    X21("Example 17", "§3.1.7",
            "STATUS asking for HIGHESTMODSEQ returns the mailbox's highest mod-sequence next to the other items.",
            List.of(R57, R15)),
    X22("Example 18", "§3.1.8",
            "SELECT with the CONDSTORE parameter reports HIGHESTMODSEQ and turns on MODSEQ in later unsolicited FETCHes.",
            List.of(R19, R25),
            "The HIGHESTMODSEQ line stops right after the response code, as in X01."),
    X23("Example 19", "§3.1.10",
            "SEARCH RETURN (ALL) with a MODSEQ criterion is answered by ESEARCH carrying the MODSEQ return item.",
            List.of(R55, R49)),
    X24("Example 20", "§3.1.10",
            "SORT RETURN (ALL) with a MODSEQ criterion is answered by ESEARCH carrying the MODSEQ return item (ESORT).",
            List.of(R55, R54),
            "",
            "SORT (RFC 5256) is not modelled yet"),
    X25("unlabelled fragment", "§3.1.12",
            "The server compares its per-session flag snapshot with storage, sees $Processed untouched and applies +FLAGS.SILENT without MODIFIED.",
            List.of(R39),
            "Like X13, the FETCH repeats the earlier foreign change's mod-sequence although the flag was just added."),
    X26("unlabelled", "§3.2.5",
            "QRESYNC select with a stale UIDVALIDITY: the full standard responses, no VANISHED or FETCH, tagged OK.",
            List.of(R67, R66)),
    X27("unlabelled", "§3.2.5.1",
            "QRESYNC select while another mailbox is open: CLOSED first, standard responses, VANISHED (EARLIER) for known UIDs, then FETCHes with UID.",
            List.of(R74, R103, R69, R70, R71, R79),
            "The CLOSED line stops right after the response code, breaking RFC 3501 resp-text."),
    X28("unlabelled", "§3.2.5.2",
            "A server without expunge memory, holding only UIDs divisible by 3, lists every missing known UID in VANISHED (EARLIER).",
            List.of(R80, R98),
            "The VANISHED range 29671:29996 includes UIDs divisible by 3, which the example says exist and later fetches."),
    X29("unlabelled", "§3.2.5.2",
            "The same request with sequence-match data that all matches: no VANISHED at all, only FETCHes.",
            List.of(R72, R73)),
    X30("§3.2.6 \"Example 1\", part 1", "§3.2.6",
            "Without QRESYNC a client needs UID FETCH CHANGEDSINCE plus a UID SEARCH to infer what was expunged.",
            List.of(R45, R28)),
    X31("§3.2.6 \"Example 1\", part 2", "§3.2.6",
            "UID FETCH (CHANGEDSINCE m VANISHED) returns VANISHED (EARLIER) for the expunged UIDs before the FETCHes.",
            List.of(R78, R79)),
    X32("unlabelled", "§3.2.7",
            "EXPUNGE without QRESYNC: EXPUNGE responses, then a tagged OK that here happens to carry HIGHESTMODSEQ.",
            List.of(R90, R91, R92)),
    X33("unlabelled", "§3.2.7",
            "EXPUNGE with QRESYNC: one VANISHED without EARLIER, and HIGHESTMODSEQ in the tagged OK.",
            List.of(R61, R81, R92)),
    X34("unlabelled", "§3.2.8",
            "CLOSE answers a plain OK: no expunge responses and no HIGHESTMODSEQ.",
            List.of(R93)),
    X35("unlabelled", "§3.2.9",
            "UID EXPUNGE of a UID range without QRESYNC removes only the \\Deleted messages in range; HIGHESTMODSEQ is optional.",
            List.of(R94)),
    X36("unlabelled", "§3.2.10.2",
            "A message-number-to-UID table, then an EXPUNGE reported as one VANISHED that shrinks and renumbers the mailbox.",
            List.of(R84, R81)),
    X37("unlabelled", "§3.2.10.2",
            "The same expunge without QRESYNC, as EXPUNGE responses that shift the message numbers one at a time.",
            List.of(R84, R90)),
    X38("unlabelled", "§3.2.10.2",
            "A later EXPUNGE reports only the newly removed UIDs, never ones announced before.",
            List.of(R85)),
    X39("unlabelled, negative", "§3.2.10.2",
            "A plain VANISHED naming UIDs the client cannot currently see (gaps, or beyond EXISTS) is a server bug.",
            List.of(R85)),
    X40("unlabelled", "§6",
            "STOREs while an expunge is held back: HIGHESTMODSEQ stays below the held-back expunge until a NOOP finally sends VANISHED.",
            List.of(R96, R86, R102),
            "A150 STORE 1:2 reports MODIFIED 3, a message outside its set; the NOOP is sent as A152 but completes as A153."),
    X41("unlabelled", "§6",
            "Full resync by QRESYNC select with a matching UIDVALIDITY: HIGHESTMODSEQ, VANISHED (EARLIER), then FETCHes with UID, MODSEQ and FLAGS.",
            List.of(R69, R71, R79, R102),
            "The message numbers contradict the VANISHED set: UIDs 6 and 9 would be messages 1 and 2, but the FETCHes number them 2 and 5.");

    private static final String PREFIX = "X";

    private final String label;
    private final String section;
    private final String summary;
    private final List<Requirement> exercises;
    private final String defect;
    private final String planned;

    Example(String label, String section, String summary, List<Requirement> exercises) {
        this(label, section, summary, exercises, "", "");
    }

    Example(String label, String section, String summary, List<Requirement> exercises, String defect) {
        this(label, section, summary, exercises, defect, "");
    }

    Example(String label, String section, String summary, List<Requirement> exercises, String defect,
            String planned) {
        this.label = Objects.requireNonNull(label);
        this.section = Objects.requireNonNull(section);
        this.summary = Objects.requireNonNull(summary);
        this.exercises = List.copyOf(exercises);
        this.defect = Objects.requireNonNull(defect);
        this.planned = Objects.requireNonNull(planned);
    }

    /**
     * Looks up an example by its canonical ID, {@code "X01"} to {@code "X41"} (always two digits).
     *
     * @throws IllegalArgumentException naming {@code id} (and the padded form, for {@code "X5"})
     */
    public static Example parse(String id) {
        if (id != null && id.startsWith(PREFIX)) {
            String digits = id.substring(PREFIX.length());
            if (digits.matches("[0-9]{2}")) {
                int number = Integer.parseInt(digits);
                if (number >= 1 && number <= values().length) {
                    return values()[number - 1];
                }
            } else if (digits.matches("[1-9]")) {
                throw new IllegalArgumentException("not an example ID: \"" + id + "\" (example IDs have two digits: write "
                        + PREFIX + "0" + digits + ")");
            }
        }
        throw new IllegalArgumentException("not an example ID: \"" + id + "\" (expected X01..X"
                + values().length + ", e.g. X16)");
    }

    /** The stable ID, e.g. {@code "X16"}; the same as {@link #name()}. */
    public String id() {
        return name();
    }

    /** The RFC's own label, e.g. {@code "Example 12"}, or how the unnumbered block is described. */
    public String label() {
        return label;
    }

    /** The RFC section, e.g. {@code "§3.1.4.1"}. */
    public String section() {
        return section;
    }

    /** One line, in this project's words (not the RFC's). */
    public String summary() {
        return summary;
    }

    /** The requirements the example illustrates; never empty. */
    public List<Requirement> exercises() {
        return exercises;
    }

    /** What is wrong with the RFC's text of this example; empty when nothing is. */
    public String defect() {
        return defect;
    }

    public boolean isDefective() {
        return !defect.isEmpty();
    }

    /**
     * Why the example may stay uncited for now (its feature is not modelled yet); empty when a
     * test must cite it.
     */
    public String planned() {
        return planned;
    }

    public boolean isPlanned() {
        return !planned.isEmpty();
    }
}
