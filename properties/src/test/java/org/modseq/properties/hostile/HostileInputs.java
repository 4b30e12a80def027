package org.modseq.properties.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.modseq.properties.engine.Gen;
import org.modseq.properties.engine.Source;
import org.modseq.properties.hostile.HostileInput.Ending;
import org.modseq.properties.hostile.HostileInput.State;

/**
 * Generators of adversarial client input. Each one is built to be wrong, so the server must
 * refuse it: a valid CONDSTORE/QRESYNC command with one typed hole filled by a value its grammar
 * forbids (RFC 7162 §7, RFC 3501 §9), one parenthesis too few or too many, a NUL or 8-bit octet,
 * a command in the wrong state, a literal too large or cut short, a line too long, or several of
 * these pipelined in one write.
 */
final class HostileInputs {

    /** The literal limit of the server under test; small, so that going beyond it is cheap. */
    static final long MAX_LITERAL_SIZE = 64 * 1024;
    /** The line limit of the server under test: the least RFC 7162 §4 allows. */
    static final int MAX_LINE_LENGTH = 8192;

    private HostileInputs() {
    }

    /**
     * Selected-state commands with typed holes: {@code %S} a message number, {@code %U} a UID
     * (nz-number below 2^32), {@code %M} a mod-sequence-value (1 to 2^63-1), {@code %Z} a
     * mod-sequence-valzer (0 to 2^63-1), {@code %K} known-uids, {@code %Q} seq-match-data,
     * {@code %E} a search entry name, {@code %T} a search entry type.
     */
    private static final List<String> SELECTED_TEMPLATES = List.of(
            "FETCH %S (FLAGS MODSEQ)",
            "FETCH %S:%S (UID FLAGS) (CHANGEDSINCE %M)",
            "UID FETCH %U:%U (FLAGS) (CHANGEDSINCE %M)",
            "UID FETCH %U (FLAGS MODSEQ) (CHANGEDSINCE %M VANISHED)",
            "STORE %S (UNCHANGEDSINCE %Z) +FLAGS (\\Deleted)",
            "STORE %S:%S (UNCHANGEDSINCE %Z) FLAGS.SILENT (\\Flagged $Work)",
            "UID STORE %U,%U (UNCHANGEDSINCE %Z) -FLAGS (\\Seen)",
            "SEARCH MODSEQ %Z",
            "SEARCH MODSEQ %E %T %Z",
            "UID SEARCH OR MODSEQ %Z UID %U",
            "SEARCH RETURN (MIN MAX) MODSEQ %Z",
            "UID EXPUNGE %U",
            "COPY %S INBOX",
            "UID MOVE %U INBOX",
            "FETCH %S BODY.PEEK[HEADER.FIELDS (SUBJECT)]",
            "FETCH %S BODY.PEEK[1]<0.%S>");

    /** Commands with holes that need no selected mailbox. */
    private static final List<String> AUTHENTICATED_TEMPLATES = List.of(
            "SELECT INBOX (QRESYNC (%V %M))",
            "SELECT INBOX (QRESYNC (%V %M %K))",
            "SELECT INBOX (QRESYNC (%V %M %K %Q))",
            "EXAMINE INBOX (QRESYNC (%V %M %K %Q))",
            "SELECT INBOX (CONDSTORE)",
            "STATUS INBOX (MESSAGES HIGHESTMODSEQ UIDNEXT)");

    private static final Pattern HOLE = Pattern.compile("%[SUMZKQEVT]");

    /** What each hole may hold when it is not the broken one. */
    private static String valid(char hole, Source source) {
        return switch (hole) {
            case 'S' -> String.valueOf(1 + source.choose(2));
            case 'U' -> String.valueOf(1 + source.choose(4));
            case 'M' -> String.valueOf(1 + source.choose(30));
            case 'Z' -> String.valueOf(source.choose(30));
            case 'V' -> String.valueOf(1 + source.choose(99));
            case 'K' -> pick(source, "1:5", "1,3", "2");
            case 'Q' -> pick(source, "(1:2 1:2)", "(1 3)", "(1,2 1,2)");
            case 'E' -> pick(source, "\"/flags/\\\\Seen\"", "\"/flags/$Work\"", "\"/flags/\\\\Flagged\"");
            case 'T' -> pick(source, "priv", "shared", "all");
            default -> throw new IllegalArgumentException("hole " + hole);
        };
    }

    /** A value the hole's grammar forbids. */
    private static String forbidden(char hole, Source source) {
        return switch (hole) {
            // seq-number and uniqueid: nz-number below 2^32 (RFC 3501 §9, RFC 7162 §7)
            case 'S', 'U' -> pick(source, "0", "4294967296", "99999999999999999999", "-1", "1.5", "", "x", "1:",
                    ":2", "1::2", ",1");
            // mod-sequence-value: 1 to 2^63-1 (RFC 7162 §7); CHANGEDSINCE 0 and QRESYNC modseq 0 included
            case 'M' -> pick(source, "0", "9223372036854775808", "18446744073709551616", "-1", "", "1e3",
                    "00000000000000000000009223372036854775808");
            // mod-sequence-valzer: 0 to 2^63-1
            case 'Z' -> pick(source, "9223372036854775808", "99999999999999999999999", "-1", "", "+1", "0x10");
            // uidvalidity: nz-number
            case 'V' -> pick(source, "0", "-1", "", "18446744073709551616");
            // known-uids: a sequence-set of UIDs without "*" (RFC 7162 §3.2.5.2)
            case 'K' -> pick(source, "*", "1:*", "*:3", "1,*", "0", "4294967296", "1:4294967296");
            // seq-match-data: "(" known-sequence-set SP known-uid-set ")", no "*"
            case 'Q' -> pick(source, "(1:* 1:2)", "(1:2 *)", "(1:2)", "(1:2 1:2", "(0 1)", "()", "(1 2 3)",
                    "(* *)");
            // entry-name: "/flags/" attr-flag; only flags are annotated (RFC 7162 §3.1.5)
            case 'E' -> pick(source, "\"/flags/\"", "\"/foo/\\\\Seen\"", "\"flags/\\\\Seen\"", "\"\"",
                    "\"/flags/\\\\Seen", "/flags/\\Seen", "\"/flags/(\"");
            // entry-type-req: "priv" / "shared" / "all"
            case 'T' -> pick(source, "none", "private", "", "\"all\"", "*");
            default -> throw new IllegalArgumentException("hole " + hole);
        };
    }

    /** A template whose holes hold valid values except one, which holds a forbidden one. */
    private static Gen<String> brokenHole(List<String> all) {
        List<String> templates = all.stream().filter(template -> HOLE.matcher(template).find()).toList();
        return source -> {
            String template = templates.get((int) source.choose(templates.size() - 1));
            Matcher holes = HOLE.matcher(template);
            List<Integer> starts = new ArrayList<>();
            while (holes.find()) {
                starts.add(holes.start());
            }
            int broken = starts.isEmpty() ? -1 : (int) source.choose(starts.size() - 1);
            StringBuilder text = new StringBuilder();
            int at = 0;
            for (int i = 0; i < starts.size(); i++) {
                int start = starts.get(i);
                text.append(template, at, start);
                char hole = template.charAt(start + 1);
                text.append(i == broken ? forbidden(hole, source) : valid(hole, source));
                at = start + 2;
            }
            return text.append(template.substring(at)).toString();
        };
    }

    /** A template with valid values in every hole. */
    private static String filled(String template, Source source) {
        Matcher holes = HOLE.matcher(template);
        StringBuilder text = new StringBuilder();
        while (holes.find()) {
            holes.appendReplacement(text, Matcher.quoteReplacement(valid(template.charAt(holes.start() + 1), source)));
        }
        holes.appendTail(text);
        return text.toString();
    }

    /** A valid command made invalid by its parentheses, a NUL, an 8-bit octet in its name, or a stray token. */
    private static Gen<String> brokenShape(List<String> templates) {
        return source -> {
            String text = filled(templates.get((int) source.choose(templates.size() - 1)), source);
            int kind = (int) source.choose(5);
            switch (kind) {
                case 0 -> {
                    int close = nth(text, ')', source);
                    return close < 0 ? text + ")" : text.substring(0, close) + text.substring(close + 1);
                }
                case 1 -> {
                    return text + ")";
                }
                case 2 -> {
                    int space = nth(text, ' ', source);
                    return space < 0 ? text + " (" : text.substring(0, space) + " (" + text.substring(space);
                }
                case 3 -> {
                    int at = (int) source.choose(text.length());
                    return text.substring(0, at) + '\0' + text.substring(at);
                }
                case 4 -> {
                    char octet = (char) (0x80 + source.choose(0x7f));
                    int nameEnd = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
                    int at = (int) source.choose(Math.max(0, nameEnd - 1));
                    return text.substring(0, at) + octet + text.substring(at + 1);
                }
                default -> {
                    return text + " " + pick(source, "(", "\"unterminated", "[", "{x}", "\\", "NIL NIL ((");
                }
            }
        };
    }

    /** Commands valid in some state sent in one where they are not, or refused for what they name. */
    private static Gen<HostileInput> wrongState() {
        return source -> {
            String tag = tag(source);
            int where = (int) source.choose(3);
            return switch (where) {
                case 0 -> HostileInput.line("before LOGIN", State.NOT_AUTHENTICATED, tag, pick(source,
                        "SELECT INBOX", "EXAMINE INBOX (CONDSTORE)", "STATUS INBOX (MESSAGES HIGHESTMODSEQ)",
                        "FETCH 1 (FLAGS MODSEQ)", "STORE 1 +FLAGS (\\Deleted)", "EXPUNGE", "UID EXPUNGE 1:*",
                        "ENABLE QRESYNC", "CREATE Evil", "DELETE INBOX", "RENAME INBOX Other", "LIST \"\" *",
                        "SEARCH MODSEQ 1", "CLOSE", "UNSELECT", "IDLE", "SUBSCRIBE INBOX", "LOGIN alice wrong",
                        "LOGIN nobody alice-pw", "UID STORE 1 (UNCHANGEDSINCE 0) +FLAGS (\\Seen)",
                        "COPY 1 INBOX", "NAMESPACE"));
                case 1 -> HostileInput.line("before SELECT", State.AUTHENTICATED, tag, pick(source,
                        "FETCH 1:* (FLAGS MODSEQ)", "UID FETCH 1:* (FLAGS) (CHANGEDSINCE 1 VANISHED)",
                        "STORE 1:* +FLAGS (\\Deleted)", "UID STORE 1 (UNCHANGEDSINCE 99) FLAGS ()", "EXPUNGE",
                        "UID EXPUNGE 1:*", "SEARCH MODSEQ 1", "CLOSE", "UNSELECT", "CHECK", "COPY 1 INBOX",
                        "MOVE 1:* INBOX", "LOGIN alice alice-pw", "AUTHENTICATE PLAIN AGFsaWNlAGFsaWNlLXB3",
                        "SELECT NoSuchBox", "STATUS NoSuchBox (MESSAGES)", "DELETE INBOX", "RENAME INBOX INBOX",
                        "RENAME NoSuchBox Other", "SELECT INBOX (QRESYNC (1 1))"));
                // RFC 7162 §3.2.6: VANISHED only once QRESYNC is enabled
                case 3 -> HostileInput.line("VANISHED without QRESYNC", State.SELECTED, tag,
                        "UID FETCH 1:* (FLAGS) (CHANGEDSINCE " + (1 + source.choose(20)) + " VANISHED)");
                default -> HostileInput.line("refused while selected",
                        source.chooseBoolean(0.5) ? State.SELECTED : State.SELECTED_QRESYNC, tag, pick(source,
                                "LOGIN alice alice-pw", "FETCH 99 (FLAGS)", "STORE 99 +FLAGS (\\Deleted)",
                                "STORE 4294967295 (UNCHANGEDSINCE 0) +FLAGS (\\Seen)", "COPY 1 NoSuchBox",
                                "MOVE 1 NoSuchBox", "UID MOVE 1:* NoSuchBox", "STATUS NoSuchBox (HIGHESTMODSEQ)",
                                "DELETE INBOX", "FETCH 1:99 (FLAGS)", "ENABLE",
                                "FETCH 1 (FLAGS) (CHANGEDSINCE 1 VANISHED)", "SELECT INBOX (QRESYNC (1 1) CONDSTORE"));
            };
        };
    }

    /** Literals too large, with impossible counts, cut short, or in the wrong place; and lines too long. */
    private static Gen<HostileInput> literalsAndLines() {
        return source -> {
            String tag = tag(source);
            State state = source.chooseBoolean(0.5) ? State.AUTHENTICATED : State.SELECTED;
            int kind = (int) source.choose(7);
            return switch (kind) {
                case 0 -> {
                    // RFC 7889 / RFC 4469: a synchronizing literal over the limit is refused before it is sent.
                    long size = MAX_LITERAL_SIZE + 1 + source.choose(1_000_000);
                    yield HostileInput.literalHeader("literal too large", state, tag, "APPEND INBOX {" + size + "}");
                }
                case 1 -> HostileInput.literalHeader("literal count beyond 2^63-1", state, tag, "APPEND INBOX {"
                        + pick(source, "9223372036854775808", "99999999999999999999999999", "18446744073709551615")
                        + "}");
                case 2 -> new HostileInput("non-synchronizing literal too large", state, List.of(tag),
                        ascii(tag + " APPEND INBOX {" + (MAX_LITERAL_SIZE + 1 + source.choose(1000)) + "+}\r\n"),
                        Ending.BYE);
                case 3 -> {
                    int size = 10 + (int) source.choose(500);
                    int sent = (int) source.choose(size - 1);
                    yield new HostileInput("literal cut short", state, List.of(tag),
                            ascii(tag + " APPEND INBOX {" + size + (source.chooseBoolean(0.5) ? "+" : "") + "}\r\n"
                                    + "x".repeat(sent)), Ending.TRUNCATED);
                }
                case 4 -> new HostileInput("line cut short", state, List.of(tag),
                        ascii(tag + " " + pick(source, "FETCH 1:* (FLAGS", "SELECT INBOX (QRESYNC (1 5", "NOOP",
                                "STORE 1 (UNCHANGEDSINCE 5) +FLAGS (\\Seen)")), Ending.TRUNCATED);
                case 5 -> {
                    int length = MAX_LINE_LENGTH + 1 + (int) source.choose(3 * MAX_LINE_LENGTH);
                    yield new HostileInput("line too long", state, List.of(tag),
                            ascii(tag + " FETCH 1 (FLAGS) (CHANGEDSINCE " + "9".repeat(length) + ")\r\n"), Ending.BYE);
                }
                case 6 -> HostileInput.line("literal with a NUL", state, tag,
                        "APPEND INBOX {5}\r\nab\0cd");
                default -> HostileInput.line("literal in the wrong place", state, tag, pick(source,
                        "FETCH {3}\r\n1:2 (FLAGS)", "STORE 1 {14}\r\n(UNCHANGEDSINCE) +FLAGS (\\Seen)",
                        "SEARCH MODSEQ {1}\r\n5", "SELECT INBOX ({7}\r\nQRESYNC (1 1))",
                        "APPEND INBOX {3}\r\nabc {3}\r\nabc"));
            };
        };
    }

    /** Exchanges beyond one line, deep nesting, odd literal headers, bad mailbox names, missing tags. */
    private static Gen<HostileInput> oddities() {
        return source -> {
            String tag = tag(source);
            State state = source.chooseBoolean(0.5) ? State.SELECTED : State.SELECTED_QRESYNC;
            int depth = 1 + (int) source.choose(1100); // within the line limit
            return switch ((int) source.choose(7)) {
                // RFC 3501 §6.2.2: the client's answer to the continuation is not base64, or is "*"
                case 0 -> HostileInput.line("AUTHENTICATE answered badly", State.NOT_AUTHENTICATED, tag,
                        "AUTHENTICATE PLAIN\r\n" + pick(source, "!!!not base64!!!", "*", "", "AGFsaWNlAHdyb25n",
                                "AAAA", "=", "AGFsaWNl", "\0"));
                // RFC 2177: anything but DONE ends the IDLE with BAD
                case 1 -> HostileInput.line("IDLE ended badly", state, tag,
                        "IDLE\r\n" + pick(source, "DONE NOW", "NOOP", tag + " DONE", "D0NE", "", "(DONE)"));
                case 2 -> HostileInput.line("deep nesting", state, tag, pick(source,
                        "SEARCH " + "(".repeat(depth) + "MODSEQ 1" + ")".repeat(depth) + ")",
                        "SEARCH " + "NOT ".repeat(depth) + "(",
                        "SEARCH " + "OR ALL ".repeat(depth),
                        "FETCH 1 " + "(".repeat(depth) + "FLAGS",
                        "STORE 1 +FLAGS " + "(".repeat(depth) + "\\Seen"));
                case 6 -> HostileInput.line("value out of range", state, tag, pick(source,
                        "APPEND INBOX \"31-Feb-2020 10:00:00 +0000\" {3}\r\nabc",
                        "APPEND INBOX \"01-Jan-2020 25:61:61 +0000\" {3}\r\nabc",
                        "APPEND INBOX \"01-Jan-2020 10:00:00 +9999\" {3}\r\nabc",
                        "APPEND INBOX \"01-Jan-2020 10:00:00 -2400\" {3}\r\nabc",
                        "APPEND INBOX \"01-Foo-2020 10:00:00 +0000\" {3}\r\nabc",
                        "APPEND INBOX \"00-Jan-0000 00:00:00 +0000\" {3}\r\nabc",
                        "APPEND INBOX \"01-Jan-99999 10:00:00 +0000\" {3}\r\nabc",
                        "APPEND INBOX (\\Recent) {3}\r\nabc", "APPEND INBOX (\\Seen {3}\r\nabc",
                        "FETCH 1 BODY[1.4294967296]", "FETCH 1 BODY[0]", "FETCH 1 BODY[]<4294967296.1>",
                        "FETCH 1 BODY[]<1.0>", "FETCH 1 BODY[]<99999999999999999999.1>",
                        "FETCH 1 BODY[HEADER.FIELDS ()]",
                        "FETCH 1 BINARY[1]", "SEARCH LARGER 99999999999999999999", "SEARCH SMALLER -1",
                        "SEARCH UID 4294967296", "SEARCH CHARSET X-UNKNOWN ALL", "SEARCH RETURN (FOO) ALL",
                        "SEARCH KEYWORD (", "UID EXPUNGE", "UID FETCH 1:* (FLAGS) (VANISHED)",
                        "AUTHENTICATE X-UNKNOWN", "ENABLE \"QRESYNC\"", "ID (\"a\" \"b\" \"c\")",
                        "ID (\"a\")", "STORE 1 FLAGS.LOUD (\\Seen)", "STORE 1 +FLAGS (\\Seen) (UNCHANGEDSINCE 1)"));
                case 3 -> HostileInput.line("odd literal header", state, tag, "FETCH 1 (FLAGS) "
                        + pick(source, "{ 5}", "{5 }", "{-1}", "{+}", "{5++}", "{0x5}", "{5}}", "{5", "5}",
                                "{}", "{5}x"));
                case 4 -> HostileInput.line("bad mailbox name", state, tag, pick(source, "SELECT", "EXAMINE",
                        "STATUS", "COPY 1", "MOVE 1", "DELETE") + " "
                        + pick(source, "\"INBOX\0\"", "../../etc/passwd", "\"../INBOX\"", "\"\"", "NoSuchBox/../INBOX",
                                "\"INBOX\"\"", "INBOX\u00ff", "{0}\r\n", "~bob/INBOX", "\"\\\"")
                        + (source.chooseBoolean(0.5) ? "" : " (MESSAGES"));
                default -> new HostileInput("no valid tag", state, List.of(), ascii(pick(source, "",
                        " ", "+ NOOP", "* NOOP", "(x NOOP", "\"q\" NOOP", "\0 NOOP", "{3} NOOP", "%")
                        + "\r\n"), Ending.UNTAGGED_BAD);
            };
        };
    }

    /** Token soup: a command name, random tokens, and an opening parenthesis never closed. */
    private static Gen<String> tokenSoup() {
        return source -> {
            StringBuilder text = new StringBuilder(pick(source, "FETCH", "UID", "STORE", "SEARCH", "SELECT",
                    "EXAMINE", "STATUS", "APPEND", "ENABLE", "LOGIN", "EXPUNGE", "NOOP", "CAPABILITY", "IDLE"));
            int count = (int) source.choose(8);
            for (int i = 0; i < count; i++) {
                text.append(pick(source, " ", "")).append(pick(source, "(", ")", "1:*", "*", "0", "MODSEQ",
                        "CHANGEDSINCE", "UNCHANGEDSINCE", "VANISHED", "QRESYNC", "CONDSTORE", "\"", "\"\"", "NIL",
                        "[", "]", "<", ">", "\\Seen", "$", "%", "4294967296", "9223372036854775808", "-", ".", "INBOX",
                        "\u00e9", "\u0001", "\u007f", "BODY[", "FLAGS", "+FLAGS"));
            }
            return text.append(" (").toString();
        };
    }

    /** Everything above, each generated case one input; some pipelined several to a write. */
    static Gen<HostileInput> any() {
        Gen<HostileInput> oneLine = source -> {
            String tag = tag(source);
            int kind = (int) source.choose(4);
            return switch (kind) {
                case 0 -> HostileInput.line("forbidden value", source.chooseBoolean(0.5) ? State.SELECTED
                        : State.SELECTED_QRESYNC, tag, brokenHole(SELECTED_TEMPLATES).generate(source));
                case 1 -> HostileInput.line("forbidden value", State.AUTHENTICATED, tag,
                        brokenHole(AUTHENTICATED_TEMPLATES).generate(source));
                case 2 -> {
                    boolean selected = source.chooseBoolean(0.7);
                    yield HostileInput.line("broken shape", selected ? State.SELECTED : State.AUTHENTICATED, tag,
                            brokenShape(selected ? SELECTED_TEMPLATES : AUTHENTICATED_TEMPLATES).generate(source));
                }
                case 3 -> HostileInput.line("token soup", State.SELECTED_QRESYNC, tag, tokenSoup().generate(source));
                default -> wrongState().generate(source);
            };
        };
        Gen<HostileInput> pipelined = source -> {
            State state = source.chooseBoolean(0.5) ? State.SELECTED : State.SELECTED_QRESYNC;
            int count = 2 + (int) source.choose(6);
            ByteArrayOutputStream octets = new ByteArrayOutputStream();
            List<String> tags = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                HostileInput one = oneLine.generate(source);
                if (one.state() != state) {
                    continue; // only what is refused in this state
                }
                String tag = "p" + i;
                String text = new String(one.octets(), StandardCharsets.ISO_8859_1);
                octets.writeBytes(ascii(tag + text.substring(text.indexOf(' '))));
                tags.add(tag);
            }
            if (tags.isEmpty()) {
                return HostileInput.line("pipelined garbage", state, "p0", tokenSoup().generate(source));
            }
            return new HostileInput("pipelined garbage", state, tags, octets.toByteArray(), Ending.REFUSED);
        };
        return source -> switch ((int) source.choose(10)) {
            case 0, 1, 2, 3 -> oneLine.generate(source);
            case 4, 5 -> wrongState().generate(source);
            case 6, 7 -> literalsAndLines().generate(source);
            case 8 -> oddities().generate(source);
            default -> pipelined.generate(source);
        };
    }

    private static String tag(Source source) {
        return "h" + source.choose(999);
    }

    private static String pick(Source source, String... values) {
        return values[(int) source.choose(values.length - 1)];
    }

    /** The index of a random occurrence of {@code c}, or -1. */
    private static int nth(String text, char c, Source source) {
        long count = text.chars().filter(x -> x == c).count();
        if (count == 0) {
            return -1;
        }
        long n = source.choose(count - 1);
        int at = -1;
        for (long i = 0; i <= n; i++) {
            at = text.indexOf(c, at + 1);
        }
        return at;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
