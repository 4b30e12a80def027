package org.modseq.model.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.modseq.model.command.Section;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.mailbox.UidValidity;
import org.modseq.model.response.FetchAttribute;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.rfc.Requirement;
import org.modseq.model.set.NumberSet;

/**
 * Reads one server response into a {@link Response} value and checks it against the grammar of
 * RFC 3501 §9 with the additions of RFC 7162 §7 (and of ENABLE, UIDPLUS and ESEARCH, which it
 * builds on). The line is what a client's network layer reads: one response without its final
 * CRLF, literals inline as {@code {n}CRLF} and n octets, one char per octet as {@link ImapString}
 * holds wire text. Pure: no I/O.
 *
 * <p>Strict where RFC 7162 speaks: a VANISHED set is never empty and holds neither 0 nor
 * {@code *} (R89), MODIFIED lists messages (R35), HIGHESTMODSEQ is at least 1 (R31), MODSEQ is
 * parenthesised (R47) and positive (R1), a SEARCH result carries {@code (MODSEQ n)} only after
 * numbers (R53), every response code is followed by text (erratum 5055), and no backslash flag
 * beyond the standard ones appears (R109). Each such problem names its requirement.
 *
 * <p>Responses the grammar allows but the model has no type for ({@code LIST}, {@code LSUB},
 * {@code NAMESPACE}, {@code ID}, {@code SORT}, unknown untagged data, an ESEARCH without
 * correlator or with unknown return data) become {@link Response.Unmodelled}; unknown response
 * codes with arguments and {@code [CAPABILITY ...]} become {@link ResponseCode.Unmodelled}; FETCH
 * items such as {@code ENVELOPE}, {@code BODYSTRUCTURE}, {@code INTERNALDATE} and
 * {@code BODY[section]} become {@link FetchAttribute.Unmodelled}. Their values are checked for
 * balanced parentheses, strings and literals only.
 *
 * <p>For every response the model renders, {@code parse(r.toWire())} equals {@code r}.
 */
public final class ResponseParser {

    /** Parenthesised lists nested deeper than this are refused, so that no input can exhaust the stack. */
    private static final int MAX_DEPTH = 100;
    private static final long MAX_NUMBER = NumberSet.MAX_NUMBER;

    private ResponseParser() {
    }

    /**
     * Parses one response line, without its final CRLF.
     *
     * @throws ResponseSyntaxException naming the problem, its column and, where one applies, the
     *     RFC 7162 requirement it breaks
     */
    public static Response parse(String line) throws ResponseSyntaxException {
        Objects.requireNonNull(line, "line");
        Cursor in = new Cursor(line);
        if (in.atEnd()) {
            throw in.error("empty response line");
        }
        Response response = switch (in.peek()) {
            case '+' -> continuation(in);
            case '*' -> untagged(in);
            default -> tagged(in);
        };
        if (!in.atEnd()) {
            throw in.error("unexpected text after the response: " + in.found());
        }
        return response;
    }

    // --- The three kinds of response ------------------------------------------------------

    /** RFC 3501 §9: {@code continue-req = "+" SP (resp-text / base64)}. */
    private static Response continuation(Cursor in) throws ResponseSyntaxException {
        in.expect('+');
        if (!in.trySpace()) {
            throw in.error("expected a space after '+' (RFC 3501 §9 continue-req)");
        }
        return new Response.Continuation(text(in));
    }

    /** RFC 3501 §9: {@code response-tagged = tag SP resp-cond-state}. */
    private static Response tagged(Cursor in) throws ResponseSyntaxException {
        String tag = in.take(c -> isAstringChar(c) && c != '+');
        if (tag.isEmpty()) {
            throw in.error("expected '*', '+' or a tag, found " + in.found());
        }
        in.space("response condition");
        int start = in.pos;
        String word = upper(in.atom("response condition"));
        Condition condition = switch (word) {
            case "OK" -> Condition.OK;
            case "NO" -> Condition.NO;
            case "BAD" -> Condition.BAD;
            default -> throw in.errorAt(start, "a tagged response is OK, NO or BAD, not " + show(word)
                    + " (RFC 3501 §9 resp-cond-state)");
        };
        return status(in, Optional.of(tag), condition);
    }

    /** RFC 3501 §9: {@code response-data = "*" SP (resp-cond-state / resp-cond-bye / mailbox-data / message-data / capability-data)}. */
    private static Response untagged(Cursor in) throws ResponseSyntaxException {
        in.expect('*');
        in.space("response data");
        if (isDigit(in.peek())) {
            return messageData(in);
        }
        int start = in.pos;
        String name = upper(in.atom("response name"));
        return switch (name) {
            case "OK" -> status(in, Optional.empty(), Condition.OK);
            case "NO" -> status(in, Optional.empty(), Condition.NO);
            case "BAD" -> status(in, Optional.empty(), Condition.BAD);
            case "BYE" -> status(in, Optional.empty(), Condition.BYE);
            case "PREAUTH" -> status(in, Optional.empty(), Condition.PREAUTH);
            case "CAPABILITY" -> new Response.CapabilityData(capabilities(in, start));
            case "ENABLED" -> enabled(in);
            case "FLAGS" -> {
                in.space("flag list");
                yield new Response.FlagsData(flagList(in, false).flags());
            }
            case "SEARCH" -> search(in);
            case "ESEARCH" -> esearch(in);
            case "STATUS" -> statusData(in);
            case "VANISHED" -> vanished(in);
            default -> unmodelled(in, name);
        };
    }

    /** RFC 3501 §9: {@code message-data} and the counts of {@code mailbox-data}: {@code n EXISTS}, {@code n RECENT}, {@code n EXPUNGE}, {@code n FETCH}. */
    private static Response messageData(Cursor in) throws ResponseSyntaxException {
        int start = in.pos;
        String digits = in.take(ResponseParser::isDigit);
        in.space("response name after the number");
        String name = upper(in.atom("response name"));
        return switch (name) {
            case "EXISTS" -> new Response.Exists(number(in, start, digits, "EXISTS count"));
            case "RECENT" -> new Response.Recent(number(in, start, digits, "RECENT count"));
            case "EXPUNGE" -> new Response.Expunge(nzNumber(in, start, digits, "EXPUNGE message number", null));
            case "FETCH" -> {
                long number = nzNumber(in, start, digits, "FETCH message number", null);
                in.space("FETCH data");
                yield new Response.Fetch(number, fetchAttributes(in));
            }
            default -> unmodelled(in, name);
        };
    }

    // --- Status responses and response codes ----------------------------------------------

    /**
     * RFC 3501 §9: {@code resp-text = ["[" resp-text-code "]" SP] text}, with {@code text =
     * 1*TEXT-CHAR}: text is required after a code too, as erratum 5055 restores for RFC 7162's
     * examples.
     */
    private static Response.Status status(Cursor in, Optional<String> tag, Condition condition)
            throws ResponseSyntaxException {
        if (in.atEnd()) {
            throw in.error("missing text after " + condition + " (RFC 3501 §9 resp-text)");
        }
        in.space("response text");
        Optional<ResponseCode> code = Optional.empty();
        int codeStart = in.pos;
        if (in.peek() == '[') {
            code = Optional.of(responseCode(in));
            if (!in.trySpace() || in.atEnd()) {
                throw codeWithoutText(in, codeStart, code.get());
            }
        }
        String text = text(in);
        if (text.isEmpty()) {
            throw code.isPresent() ? codeWithoutText(in, codeStart, code.get())
                    : in.error("missing text after " + condition + " (RFC 3501 §9 resp-text)");
        }
        return new Response.Status(tag, condition, code, text);
    }

    /** Erratum 5055: RFC 7162's examples omit the text after a code; the grammar needs it. */
    private static ResponseSyntaxException codeWithoutText(Cursor in, int codeStart, ResponseCode code) {
        Requirement requirement = switch (code) {
            case ResponseCode.HighestModSeq h -> Requirement.R31;
            case ResponseCode.NoModSeq n -> Requirement.R31;
            case ResponseCode.Modified m -> Requirement.R35;
            case ResponseCode.Closed c -> Requirement.R103;
            default -> null;
        };
        String name = code.toWire().split(" ", 2)[0];
        return in.violation(requirement, codeStart, "response code [" + name
                + "] needs text after it (RFC 3501 §9 resp-text, RFC 7162 erratum 5055)");
    }

    /** RFC 3501 §9 {@code resp-text-code} with RFC 7162 §7, RFC 4315 and RFC 5530 codes. */
    private static ResponseCode responseCode(Cursor in) throws ResponseSyntaxException {
        int start = in.pos;
        in.expect('[');
        String written = in.take(c -> ImapString.isAtomChar((char) c));
        if (written.isEmpty()) {
            throw in.error("expected a response code after '['");
        }
        String name = upper(written);
        ResponseCode code = switch (name) {
            case "HIGHESTMODSEQ" -> {
                if (!in.trySpace()) {
                    throw in.violation(Requirement.R31, in.pos, "HIGHESTMODSEQ needs a mod-sequence value");
                }
                yield new ResponseCode.HighestModSeq(modSeqValue(in, "HIGHESTMODSEQ", Requirement.R31));
            }
            case "NOMODSEQ" -> noArguments(in, new ResponseCode.NoModSeq(), Requirement.R31);
            case "CLOSED" -> noArguments(in, new ResponseCode.Closed(), Requirement.R103);
            case "MODIFIED" -> {
                if (!in.trySpace()) {
                    throw in.violation(Requirement.R35, in.pos, "MODIFIED needs the set of messages not stored");
                }
                yield new ResponseCode.Modified(numberSet(in, "MODIFIED set", Requirement.R35));
            }
            case "READ-ONLY" -> noArguments(in, new ResponseCode.ReadOnly(), null);
            case "READ-WRITE" -> noArguments(in, new ResponseCode.ReadWrite(), null);
            case "ALERT", "PARSE", "TRYCREATE" -> noArguments(in, new ResponseCode.Atom(name), null);
            case "UIDVALIDITY" -> new ResponseCode.UidValidityCode(UidValidity.of(spaceNzNumber(in, "UIDVALIDITY")));
            case "UIDNEXT" -> new ResponseCode.UidNext(spaceNzNumber(in, "UIDNEXT"));
            case "UNSEEN" -> new ResponseCode.Unseen(spaceNzNumber(in, "UNSEEN"));
            case "PERMANENTFLAGS" -> {
                in.space("PERMANENTFLAGS list");
                FlagList list = flagList(in, true);
                yield new ResponseCode.PermanentFlags(list.flags(), list.star());
            }
            case "APPENDUID" -> appendUid(in, start);
            case "COPYUID" -> copyUid(in, start);
            case "CAPABILITY" -> new ResponseCode.Unmodelled(name, String.join(" ", capabilities(in, start)));
            default -> otherCode(in, name);
        };
        if (!in.tryChar(']')) {
            throw in.error("expected ']' to close the response code" + (in.atEnd() ? "" : ", found " + in.found()));
        }
        return code;
    }

    private static ResponseCode noArguments(Cursor in, ResponseCode code, Requirement requirement)
            throws ResponseSyntaxException {
        if (in.peek() != ']') {
            throw in.violation(requirement, in.pos, "response code " + code.toWire() + " takes no arguments");
        }
        return code;
    }

    /** RFC 3501 §9: {@code atom [SP 1*<any TEXT-CHAR except "]">]}. */
    private static ResponseCode otherCode(Cursor in, String name) throws ResponseSyntaxException {
        if (!in.trySpace()) {
            return new ResponseCode.Atom(name);
        }
        String arguments = in.take(c -> isTextChar(c) && c != ']');
        if (arguments.isEmpty()) {
            throw in.error("expected arguments of response code " + name + " after the space");
        }
        return new ResponseCode.Unmodelled(name, arguments);
    }

    /**
     * RFC 4315 §4: {@code "APPENDUID" SP nz-number SP append-uid}; a single UID is modelled, a
     * MULTIAPPEND set is kept unmodelled.
     */
    private static ResponseCode appendUid(Cursor in, int start) throws ResponseSyntaxException {
        long validity = spaceNzNumber(in, "APPENDUID uidvalidity");
        in.space("APPENDUID UID");
        int setStart = in.pos;
        NumberSet uids = numberSet(in, "APPENDUID UID set", null);
        if (uids.size() == 1 && in.text.substring(setStart, in.pos).indexOf(':') < 0) {
            return new ResponseCode.AppendUid(UidValidity.of(validity), Uid.of(uids.min()));
        }
        return new ResponseCode.Unmodelled("APPENDUID", in.text.substring(start + "[APPENDUID ".length(), in.pos));
    }

    /**
     * RFC 4315 §4: {@code "COPYUID" SP nz-number SP uid-set SP uid-set}, the two sets of equal
     * size and paired in order. Sets written in ascending order are modelled; others keep their
     * pairing only as written, so they stay unmodelled.
     */
    private static ResponseCode copyUid(Cursor in, int start) throws ResponseSyntaxException {
        long validity = spaceNzNumber(in, "COPYUID uidvalidity");
        in.space("COPYUID source UIDs");
        int sourceStart = in.pos;
        NumberSet source = numberSet(in, "COPYUID source UIDs", null);
        boolean ascending = writtenAscending(in.text.substring(sourceStart, in.pos));
        in.space("COPYUID destination UIDs");
        int destinationStart = in.pos;
        NumberSet destination = numberSet(in, "COPYUID destination UIDs", null);
        ascending &= writtenAscending(in.text.substring(destinationStart, in.pos));
        if (source.size() != destination.size()) {
            throw in.errorAt(sourceStart, "COPYUID pairs " + source.size() + " source UIDs with "
                    + destination.size() + " destination UIDs (RFC 4315 §4)");
        }
        if (!ascending) {
            return new ResponseCode.Unmodelled("COPYUID", in.text.substring(start + "[COPYUID ".length(), in.pos));
        }
        return new ResponseCode.CopyUid(UidValidity.of(validity), source, destination);
    }

    /** True when each item of a {@code *}-free set is ascending and above the one before it. */
    private static boolean writtenAscending(String set) {
        long previous = 0;
        for (String item : set.split(",")) {
            String[] bounds = item.split(":");
            long low = Long.parseLong(bounds[0]);
            long high = Long.parseLong(bounds[bounds.length - 1]);
            if (low > high || low <= previous) {
                return false;
            }
            previous = high;
        }
        return true;
    }

    // --- Mailbox data ---------------------------------------------------------------------

    /**
     * RFC 3501 §9: {@code capability-data = "CAPABILITY" *(SP capability) SP "IMAP4rev1"
     * *(SP capability)}, also inside a {@code [CAPABILITY ...]} code.
     */
    private static List<String> capabilities(Cursor in, int start) throws ResponseSyntaxException {
        List<String> capabilities = new ArrayList<>();
        while (in.trySpace()) {
            capabilities.add(in.atom("capability"));
        }
        if (capabilities.stream().noneMatch(c -> c.equalsIgnoreCase("IMAP4rev1"))) {
            throw in.errorAt(start, "a capability list must include IMAP4rev1 (RFC 3501 §9 capability-data)");
        }
        return capabilities;
    }

    /** RFC 5161 §4: {@code "ENABLED" *(SP capability)}. */
    private static Response enabled(Cursor in) throws ResponseSyntaxException {
        List<String> capabilities = new ArrayList<>();
        while (in.trySpace()) {
            capabilities.add(in.atom("capability"));
        }
        return new Response.Enabled(capabilities);
    }

    /**
     * RFC 3501 §9 with RFC 7162 §7: {@code "SEARCH" [1*(SP nz-number) SP search-sort-mod-seq]},
     * {@code search-sort-mod-seq = "(" "MODSEQ" SP mod-sequence-value ")"} (R53).
     */
    private static Response search(Cursor in) throws ResponseSyntaxException {
        List<Long> numbers = new ArrayList<>();
        Optional<ModSeq> modSeq = Optional.empty();
        while (in.trySpace()) {
            if (in.peek() == '(') {
                int start = in.pos;
                if (numbers.isEmpty()) {
                    throw in.violation(Requirement.R53, start, "(MODSEQ ...) needs at least one number before it");
                }
                in.expect('(');
                if (!in.tryKeyword("MODSEQ")) {
                    throw in.violation(Requirement.R53, in.pos, "expected MODSEQ in the SEARCH result, found " + in.found());
                }
                in.space("MODSEQ value");
                modSeq = Optional.of(modSeqValue(in, "SEARCH MODSEQ", Requirement.R53));
                in.expect(')');
                if (!in.atEnd()) {
                    throw in.violation(Requirement.R53, in.pos, "(MODSEQ ...) must end the SEARCH result");
                }
                break;
            }
            int start = in.pos;
            numbers.add(nzNumber(in, start, in.take(ResponseParser::isDigit), "SEARCH result", null));
        }
        return new Response.Search(numbers, modSeq);
    }

    /**
     * RFC 4731 §3.1 with RFC 7162 §7: {@code "ESEARCH" [search-correlator] [SP "UID"]
     * *(SP search-return-data)}, return data MIN, MAX, ALL, COUNT and MODSEQ (R55). Without a
     * correlator, or with return data of other extensions, it stays unmodelled.
     */
    private static Response esearch(Cursor in) throws ResponseSyntaxException {
        String tag = null;
        if (in.text.startsWith(" (", in.pos)) {
            in.pos += 2;
            if (!in.tryKeyword("TAG")) {
                throw in.error("expected TAG in the ESEARCH correlator, found " + in.found());
            }
            in.space("correlator tag");
            tag = string(in, "correlator tag");
            in.expect(')');
        }
        boolean uid = false;
        OptionalLong min = OptionalLong.empty();
        OptionalLong max = OptionalLong.empty();
        OptionalLong count = OptionalLong.empty();
        Optional<NumberSet> all = Optional.empty();
        Optional<ModSeq> modSeq = Optional.empty();
        boolean unmodelled = tag == null;
        boolean first = true;
        while (in.trySpace()) {
            int start = in.pos;
            String name = upper(in.atom("ESEARCH return data"));
            if (name.equals("UID") && first) {
                uid = true;
                first = false;
                continue;
            }
            first = false;
            boolean repeated = switch (name) {
                case "MIN" -> min.isPresent();
                case "MAX" -> max.isPresent();
                case "COUNT" -> count.isPresent();
                case "ALL" -> all.isPresent();
                case "MODSEQ" -> modSeq.isPresent();
                default -> false;
            };
            if (repeated) {
                throw in.errorAt(start, "ESEARCH repeats " + name);
            }
            in.space(name + " value");
            int valueStart = in.pos;
            switch (name) {
                case "MIN" -> min = OptionalLong.of(nzNumber(in, valueStart, in.take(ResponseParser::isDigit), "MIN", null));
                case "MAX" -> max = OptionalLong.of(nzNumber(in, valueStart, in.take(ResponseParser::isDigit), "MAX", null));
                case "COUNT" -> count = OptionalLong.of(number(in, valueStart, in.take(ResponseParser::isDigit), "COUNT"));
                case "ALL" -> all = Optional.of(numberSet(in, "ESEARCH ALL set", null));
                case "MODSEQ" -> modSeq = Optional.of(modSeqValue(in, "ESEARCH MODSEQ", Requirement.R55));
                default -> {
                    value(in);
                    unmodelled = true;
                }
            }
        }
        if (unmodelled) {
            return new Response.Unmodelled("ESEARCH", in.text);
        }
        return new Response.ESearch(tag, uid, min, max, count, all, modSeq);
    }

    /**
     * RFC 3501 §9: {@code "STATUS" SP mailbox SP "(" [status-att-list] ")"}, each item a number;
     * RFC 7162 §7 adds {@code "HIGHESTMODSEQ" SP mod-sequence-valzer} (R57). Items of other
     * extensions with a number are kept by name; any other value makes the response unmodelled.
     */
    private static Response statusData(Cursor in) throws ResponseSyntaxException {
        in.space("mailbox name");
        String mailbox = astring(in, "mailbox name");
        in.space("STATUS items");
        in.expect('(');
        List<Response.StatusData.Item> items = new ArrayList<>();
        boolean unmodelled = false;
        if (!in.tryChar(')')) {
            do {
                int start = in.pos;
                String name = upper(in.atom("STATUS item"));
                in.space(name + " value");
                int valueStart = in.pos;
                if (name.equals("HIGHESTMODSEQ")) {
                    items.add(new Response.StatusData.Item(name, modSeqValzer(in, "STATUS HIGHESTMODSEQ").value()));
                } else if (isDigit(in.peek())) {
                    String digits = in.take(ResponseParser::isDigit);
                    long value = switch (name) {
                        case "UIDNEXT", "UIDVALIDITY" -> nzNumber(in, valueStart, digits, name, null);
                        default -> number(in, valueStart, digits, name);
                    };
                    items.add(new Response.StatusData.Item(name, value));
                } else if (List.of("MESSAGES", "RECENT", "UIDNEXT", "UIDVALIDITY", "UNSEEN").contains(name)) {
                    throw in.errorAt(valueStart, "STATUS " + name + " needs a number, found " + in.found());
                } else {
                    value(in);
                    unmodelled = true;
                }
                if (in.peek() != ')' && in.peek() != ' ') {
                    throw in.errorAt(start, "expected a space or ')' after STATUS item " + name + ", found " + in.found());
                }
            } while (in.trySpace());
            in.expect(')');
        }
        return unmodelled ? new Response.Unmodelled("STATUS", in.text) : new Response.StatusData(mailbox, items);
    }

    /**
     * RFC 7162 §7 (R89): {@code "VANISHED" [SP "(EARLIER)"] SP known-uids}, where the UID set is
     * never empty and holds neither 0 nor {@code *}.
     */
    private static Response vanished(Cursor in) throws ResponseSyntaxException {
        if (!in.trySpace() || in.atEnd()) {
            throw in.violation(Requirement.R89, in.pos, "VANISHED needs a UID set");
        }
        boolean earlier = false;
        if (in.peek() == '(') {
            int start = in.pos;
            in.expect('(');
            if (!in.tryKeyword("EARLIER")) {
                throw in.violation(Requirement.R89, start, "expected (EARLIER) after VANISHED, found " + in.found());
            }
            in.expect(')');
            earlier = true;
            if (!in.trySpace() || in.atEnd()) {
                throw in.violation(Requirement.R89, in.pos, "VANISHED (EARLIER) needs a UID set");
            }
        }
        return new Response.Vanished(earlier, numberSet(in, "VANISHED UID set", Requirement.R89));
    }

    /** Any other response name: values up to the end of the line, checked for structure only. */
    private static Response unmodelled(Cursor in, String name) throws ResponseSyntaxException {
        while (in.trySpace()) {
            value(in);
        }
        return new Response.Unmodelled(name, in.text);
    }

    // --- FETCH ----------------------------------------------------------------------------

    /**
     * RFC 3501 §9 {@code msg-att = "(" (msg-att-dynamic / msg-att-static) *(SP ...) ")"} with RFC
     * 7162 §7 {@code fetch-mod-resp = "MODSEQ" SP "(" permsg-modsequence ")"}.
     */
    private static List<FetchAttribute> fetchAttributes(Cursor in) throws ResponseSyntaxException {
        in.expect('(');
        List<FetchAttribute> attributes = new ArrayList<>();
        if (in.peek() == ')') {
            throw in.error("a FETCH response needs at least one data item (RFC 3501 §9 msg-att)");
        }
        do {
            attributes.add(fetchAttribute(in));
        } while (in.trySpace());
        in.expect(')');
        return attributes;
    }

    private static FetchAttribute fetchAttribute(Cursor in) throws ResponseSyntaxException {
        int start = in.pos;
        in.take(c -> ImapString.isAtomChar((char) c) && c != '[');
        if (in.peek() == '[') {
            section(in);
            if (in.peek() == '<') {
                in.skipPast('>', "'>' to close the origin");
            }
        }
        String name = upper(in.text.substring(start, in.pos));
        if (name.isEmpty()) {
            throw in.expected("FETCH data item");
        }
        in.space(name + " value");
        int valueStart = in.pos;
        return switch (name) {
            case "UID" -> new FetchAttribute.UidAttribute(Uid.of(nzNumber(in, valueStart, in.take(ResponseParser::isDigit),
                    "UID", null)));
            case "FLAGS" -> new FetchAttribute.Flags(Set.copyOf(flagList(in, false).flags()));
            case "MODSEQ" -> {
                if (!in.tryChar('(')) {
                    throw in.violation(Requirement.R47, valueStart, "MODSEQ value must be in parentheses: MODSEQ (n)");
                }
                ModSeq modSeq = modSeqValue(in, "MODSEQ", Requirement.R1);
                in.expect(')');
                yield new FetchAttribute.ModSeqAttribute(modSeq);
            }
            case "RFC822.SIZE" -> new FetchAttribute.Size(number(in, valueStart, in.take(ResponseParser::isDigit),
                    "RFC822.SIZE"));
            case "BODY[]" -> {
                if (in.peek() == '"' || in.peek() == '{') {
                    yield new FetchAttribute.BodySection(Section.WHOLE, OptionalLong.empty(),
                            Optional.of(string(in, "BODY[] content")));
                }
                value(in);
                yield new FetchAttribute.Unmodelled(name, in.text.substring(valueStart, in.pos));
            }
            default -> {
                value(in);
                yield new FetchAttribute.Unmodelled(name, in.text.substring(valueStart, in.pos));
            }
        };
    }

    /** RFC 3501 §9 {@code section = "[" [section-spec] "]"}: read to the matching bracket, strings included. */
    private static void section(Cursor in) throws ResponseSyntaxException {
        int start = in.pos;
        in.expect('[');
        while (!in.tryChar(']')) {
            if (in.atEnd()) {
                throw in.errorAt(start, "unterminated section: expected ']'");
            }
            switch (in.peek()) {
                case '"' -> in.quoted("section string");
                case '{' -> in.literal(false);
                case '\r', '\n' -> throw in.error("line break in a section");
                default -> in.pos++;
            }
        }
    }

    // --- Flags ----------------------------------------------------------------------------

    private record FlagList(List<Flag> flags, boolean star) {
    }

    /**
     * RFC 3501 §9 {@code flag-list = "(" [flag *(SP flag)] ")"}; with {@code permanent}, also the
     * {@code \*} of {@code flag-perm}. A backslash flag no standard defines is refused (R109).
     */
    private static FlagList flagList(Cursor in, boolean permanent) throws ResponseSyntaxException {
        in.expect('(');
        List<Flag> flags = new ArrayList<>();
        boolean star = false;
        if (in.tryChar(')')) {
            return new FlagList(flags, false);
        }
        do {
            int start = in.pos;
            if (permanent && in.text.startsWith("\\*", in.pos)) {
                in.pos += 2;
                star = true;
                continue;
            }
            boolean system = in.tryChar('\\');
            String atom = in.take(c -> ImapString.isAtomChar((char) c));
            if (atom.isEmpty()) {
                in.pos = start;
                throw in.expected("flag");
            }
            String name = system ? "\\" + atom : atom;
            try {
                Flag flag = Flag.of(name);
                if (!flags.contains(flag)) {
                    flags.add(flag);
                }
            } catch (IllegalArgumentException e) {
                throw in.violation(Requirement.R109, start, show(name) + " is not a flag any standard defines");
            }
        } while (in.trySpace());
        in.expect(')');
        return new FlagList(flags, star);
    }

    // --- Values, strings and numbers ------------------------------------------------------

    /**
     * Any value of the grammar, checked for structure only: a parenthesised list of values, a
     * quoted string, a literal, a {@code literal8} (RFC 3516), or an atom-like token (atoms,
     * numbers, NIL, flags).
     */
    private static void value(Cursor in) throws ResponseSyntaxException {
        int c = in.peek();
        if (c == '(') {
            if (in.depth >= MAX_DEPTH) {
                throw in.error("lists nested deeper than " + MAX_DEPTH + " levels");
            }
            in.depth++;
            in.expect('(');
            if (!in.tryChar(')')) {
                do {
                    value(in);
                } while (in.trySpace());
                in.expect(')');
            }
            in.depth--;
        } else if (c == '"') {
            in.quoted("string");
        } else if (c == '{') {
            in.literal(false);
        } else if (c == '~' && in.pos + 1 < in.text.length() && in.text.charAt(in.pos + 1) == '{') {
            literal8(in);
        } else {
            String token = in.take(ch -> ch > ' ' && ch < 0x7f && "()\"{".indexOf(ch) < 0);
            if (token.isEmpty()) {
                throw in.expected("a value");
            }
        }
    }

    /** RFC 3516 §4.2 {@code literal8 = "~{" number "}" CRLF *OCTET}: NUL allowed. */
    private static void literal8(Cursor in) throws ResponseSyntaxException {
        int start = in.pos;
        in.expect('~');
        in.expect('{');
        String digits = in.take(ResponseParser::isDigit);
        if (digits.isEmpty() || digits.length() > 10 || Long.parseLong(digits) > MAX_NUMBER) {
            throw in.errorAt(start, "invalid literal8 length");
        }
        in.expect('}');
        if (!in.tryChar('\r') || !in.tryChar('\n')) {
            throw in.expected("CRLF after literal8 length");
        }
        long length = Long.parseLong(digits);
        if (in.text.length() - in.pos < length) {
            throw in.errorAt(start, "literal8 of " + length + " octets is cut short");
        }
        in.pos += (int) length;
    }

    /** RFC 3501 §9 {@code string = quoted / literal}. */
    private static String string(Cursor in, String what) throws ResponseSyntaxException {
        if (in.peek() == '{') {
            return in.literal(false);
        }
        return in.quoted(what);
    }

    /** RFC 3501 §9 {@code astring = 1*ASTRING-CHAR / string}. */
    private static String astring(Cursor in, String what) throws ResponseSyntaxException {
        if (in.peek() == '"' || in.peek() == '{') {
            return string(in, what);
        }
        String atom = in.take(ResponseParser::isAstringChar);
        if (atom.isEmpty()) {
            throw in.expected(what);
        }
        return atom;
    }

    /** RFC 3501 §9 {@code *TEXT-CHAR} to the end of the line; the caller decides whether it may be empty. */
    private static String text(Cursor in) throws ResponseSyntaxException {
        String text = in.take(ResponseParser::isTextChar);
        if (!in.atEnd()) {
            char c = in.text.charAt(in.pos);
            throw in.error(c > 0x7f ? "8-bit character in response text (RFC 3501 §9 TEXT-CHAR)"
                    : (c == '\r' ? "CR" : c == '\n' ? "LF" : "NUL") + " character in response text");
        }
        return text;
    }

    /** A {@code number} read from {@code digits}: 0 to 2^32-1 (RFC 3501 §9). */
    private static long number(Cursor in, int start, String digits, String what) throws ResponseSyntaxException {
        if (digits.isEmpty()) {
            in.pos = start;
            throw in.expected(what + " number");
        }
        if (digits.length() > 10 || Long.parseLong(digits) > MAX_NUMBER) {
            throw in.errorAt(start, what + " " + show(digits) + " is beyond 2^32-1");
        }
        return Long.parseLong(digits);
    }

    /** An {@code nz-number}: 1 to 2^32-1, no leading zero (RFC 3501 §9). */
    private static long nzNumber(Cursor in, int start, String digits, String what, Requirement requirement)
            throws ResponseSyntaxException {
        long value = number(in, start, digits, what);
        if (digits.charAt(0) == '0') {
            throw in.violation(requirement, start, what + " must be a number from 1 up, found " + show(digits));
        }
        return value;
    }

    private static long spaceNzNumber(Cursor in, String what) throws ResponseSyntaxException {
        in.space(what);
        int start = in.pos;
        return nzNumber(in, start, in.take(ResponseParser::isDigit), what, null);
    }

    /** RFC 7162 §7 {@code mod-sequence-value}: 1 to 2^63-1. */
    private static ModSeq modSeqValue(Cursor in, String what, Requirement requirement) throws ResponseSyntaxException {
        int start = in.pos;
        ModSeq value = modSeqValzer(in, what);
        if (!value.isPositive()) {
            throw in.violation(requirement, start, what + " must be at least 1, found 0");
        }
        return value;
    }

    /** RFC 7162 §7 {@code mod-sequence-valzer}: 0 to 2^63-1 (R1). */
    private static ModSeq modSeqValzer(Cursor in, String what) throws ResponseSyntaxException {
        int start = in.pos;
        if (in.peek() == '-') {
            throw in.violation(Requirement.R1, start, what + " is negative: mod-sequences are unsigned");
        }
        String digits = in.take(ResponseParser::isDigit);
        if (digits.isEmpty()) {
            in.pos = start;
            throw in.expected(what + " value");
        }
        try {
            return ModSeq.parse(digits);
        } catch (IllegalArgumentException e) {
            throw in.violation(Requirement.R1, start, what + " " + show(digits) + " is beyond 2^63-1");
        }
    }

    /**
     * A set of numbers without {@code *}: RFC 7162's {@code known-uids} (R89), MODIFIED's
     * sequence-set (R35), RFC 4315's {@code uid-set}, RFC 4731's ALL. Never empty, never 0.
     */
    private static NumberSet numberSet(Cursor in, String what, Requirement requirement) throws ResponseSyntaxException {
        int start = in.pos;
        String text = in.take(c -> isDigit(c) || c == ':' || c == ',' || c == '*');
        if (text.isEmpty()) {
            throw in.violation(requirement, start, what + " is empty" + (in.atEnd() ? "" : ": found " + in.found()));
        }
        for (String item : text.split(",", -1)) {
            String[] bounds = item.split(":", -1);
            if (bounds.length > 2) {
                throw in.violation(requirement, start, what + " " + show(text) + ": " + show(item) + " has more than one ':'");
            }
            for (String bound : bounds) {
                if (bound.isEmpty()) {
                    throw in.violation(requirement, start, what + " " + show(text) + " has an empty number");
                }
                if (bound.equals("*")) {
                    throw in.violation(requirement, start, what + " " + show(text) + " holds '*'");
                }
                if (!bound.chars().allMatch(ResponseParser::isDigit)) {
                    throw in.violation(requirement, start, what + " " + show(text) + " holds " + show(bound));
                }
                if (bound.chars().allMatch(c -> c == '0')) {
                    throw in.violation(requirement, start, what + " " + show(text) + " holds 0");
                }
                if (bound.charAt(0) == '0') {
                    throw in.violation(requirement, start, what + " " + show(text) + " holds " + show(bound)
                            + " with a leading zero");
                }
                if (bound.length() > 10 || Long.parseLong(bound) > MAX_NUMBER) {
                    throw in.violation(requirement, start, what + " " + show(text) + " holds a number beyond 2^32-1");
                }
            }
        }
        return NumberSet.parse(text);
    }

    // --- Characters -----------------------------------------------------------------------

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** RFC 3501 §9: {@code ASTRING-CHAR = ATOM-CHAR / resp-specials}. */
    private static boolean isAstringChar(int c) {
        return c == ']' || ImapString.isAtomChar((char) c);
    }

    /** RFC 3501 §9: {@code TEXT-CHAR = <any CHAR except CR and LF>}, CHAR being 7-bit without NUL. */
    private static boolean isTextChar(int c) {
        return c > 0 && c <= 0x7f && c != '\r' && c != '\n';
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    private static String show(String s) {
        return WireCursor.show(s);
    }

    /** The response parser's cursor: {@link WireCursor} failing with {@link ResponseSyntaxException}. */
    private static final class Cursor extends WireCursor<ResponseSyntaxException> {
        Cursor(String text) {
            super(text, ResponseSyntaxException::new);
        }

        ResponseSyntaxException violation(Requirement requirement, int at, String problem) {
            return new ResponseSyntaxException(requirement, problem, at + 1);
        }
    }
}
