package org.modseq.model.wire;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.modseq.model.command.Command;
import org.modseq.model.command.FetchItem;
import org.modseq.model.command.Section;
import org.modseq.model.command.SearchKey;
import org.modseq.model.command.SelectParameter;
import org.modseq.model.command.StatusItem;
import org.modseq.model.command.StoreAction;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.InternalDate;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.set.NumberSet;
import org.modseq.model.set.SequenceSet;

/**
 * Reads IMAP command lines into {@link Command} values: a small recursive-descent parser over the
 * grammar of RFC 3501 §9 with the additions of RFC 4466 (select and fetch/store modifiers), RFC
 * 4731 (SEARCH RETURN), RFC 5161 (ENABLE), RFC 4315 (UID EXPUNGE), RFC 6851 (MOVE), RFC 3691
 * (UNSELECT), RFC 2177 (IDLE), RFC 2342 (NAMESPACE), RFC 2971 (ID), RFC 4959 (SASL-IR) and RFC
 * 7162 §7 (CONDSTORE and QRESYNC). Pure: no I/O.
 *
 * <p>Keywords match without regard to case (RFC 3501 §9, RFC 7162 §7, R108). Values the grammar
 * allows but the protocol forbids ({@code *} in known-uids, {@code CHANGEDSINCE 0}, QRESYNC
 * uidvalidity 0) are kept as written: answering them is the model's job, where the rule is cited.
 *
 * <p>A line holds literals inline: {@code {n}CRLF} or {@code {n+}CRLF} (LITERAL+, RFC 7888)
 * followed by n octets, one char per octet as {@link ImapString} holds wire text.
 * Every malformed input ends in a {@link CommandSyntaxException}, never another exception.
 */
public final class CommandParser {

    /** A parsed command line: the tag and the command. */
    public record Tagged(String tag, Command command) {
    }

    /** Search keys nested deeper than this are refused, so that no input can exhaust the stack. */
    private static final int MAX_SEARCH_DEPTH = 500;

    /** RFC 3501 §9 {@code date-time} without its quotes: {@code date-day-fixed "-" date-month "-" date-year SP time SP zone}. */
    private static final Pattern DATE_TIME = Pattern.compile(
            "( [0-9]|[0-9]{2})-([A-Za-z]{3})-([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) ([+-])([0-9]{2})([0-9]{2})");

    private static final Set<String> UNSUPPORTED_SEARCH_KEYS = Set.of(
            "BCC", "BEFORE", "BODY", "CC", "FROM", "HEADER", "NEW", "ON", "SENTBEFORE", "SENTON", "SENTSINCE",
            "SINCE", "SUBJECT", "TEXT", "TO");

    private CommandParser() {
    }

    /**
     * Parses one complete command: tag SP command, without the trailing CRLF (RFC 3501 §9
     * {@code command}). Literals appear inline as {@code {n}\r\n<n octets>} or {@code {n+}\r\n<n octets>}.
     * The exception carries the tag whenever the tag itself could be read.
     */
    public static Tagged parse(String line) throws CommandSyntaxException {
        Objects.requireNonNull(line, "line");
        Cursor in = new Cursor(line);
        String tag = tag(in);
        try {
            in.rejectNul();
            in.space("command");
            return new Tagged(tag, commandToEnd(in));
        } catch (CommandSyntaxException e) {
            throw e.withTag(tag);
        }
    }

    /** Parses a command without tag, e.g. {@code UID FETCH 1:* (FLAGS) (CHANGEDSINCE 5 VANISHED)}. */
    public static Command parseCommand(String text) throws CommandSyntaxException {
        Objects.requireNonNull(text, "text");
        Cursor in = new Cursor(text);
        in.rejectNul();
        return commandToEnd(in);
    }

    // --- Tag and command ------------------------------------------------------------------

    /** RFC 3501 §9: {@code tag = 1*<any ASTRING-CHAR except "+">}. */
    private static String tag(Cursor in) throws CommandSyntaxException {
        if (in.atEnd()) {
            throw in.error("empty command line");
        }
        String tag = in.take(c -> isAstringChar(c) && c != '+');
        if (tag.isEmpty()) {
            throw in.error("expected a tag, found " + in.found());
        }
        if (!in.atEnd() && in.peek() != ' ') {
            throw in.error("invalid character " + show(String.valueOf((char) in.peek())) + " in tag");
        }
        return tag;
    }

    private static Command commandToEnd(Cursor in) throws CommandSyntaxException {
        Command command = command(in);
        if (!in.atEnd()) {
            if (in.peek() == ')') {
                throw in.error("unexpected ')'");
            }
            throw in.error("unexpected text after command: " + in.found());
        }
        return command;
    }

    private static Command command(Cursor in) throws CommandSyntaxException {
        int start = in.pos;
        String name = in.atom("command name");
        return switch (upper(name)) {
            case "CAPABILITY" -> new Command.Capability();
            case "NOOP" -> new Command.Noop();
            case "CHECK" -> new Command.Check();
            case "IDLE" -> new Command.Idle();
            case "LOGOUT" -> new Command.Logout();
            case "LOGIN" -> login(in);
            case "AUTHENTICATE" -> authenticate(in);
            case "ID" -> id(in);
            case "NAMESPACE" -> new Command.Namespace();
            case "LIST" -> listMailboxes(in, false);
            case "LSUB" -> listMailboxes(in, true);
            case "SUBSCRIBE" -> new Command.Subscribe(mailboxArgument(in));
            case "UNSUBSCRIBE" -> new Command.Unsubscribe(mailboxArgument(in));
            case "ENABLE" -> enable(in);
            case "SELECT" -> select(in, false);
            case "EXAMINE" -> select(in, true);
            case "STATUS" -> status(in);
            case "APPEND" -> append(in);
            case "CREATE" -> new Command.Create(mailboxArgument(in));
            case "DELETE" -> new Command.Delete(mailboxArgument(in));
            case "RENAME" -> new Command.Rename(mailboxArgument(in), mailboxArgument(in));
            case "FETCH" -> fetch(in, false);
            case "STORE" -> store(in, false);
            case "SEARCH" -> search(in, false);
            case "EXPUNGE" -> new Command.Expunge();
            case "CLOSE" -> new Command.Close();
            case "UNSELECT" -> new Command.Unselect();
            case "COPY" -> copy(in, false);
            case "MOVE" -> move(in, false);
            case "UID" -> uidCommand(in);
            default -> throw in.errorAt(start, "unknown command " + show(name));
        };
    }

    /** RFC 3501 §6.4.8: {@code UID} before COPY, FETCH, SEARCH, STORE; RFC 6851 MOVE; RFC 4315 EXPUNGE. */
    private static Command uidCommand(Cursor in) throws CommandSyntaxException {
        in.space("command after UID");
        int start = in.pos;
        String name = in.atom("command after UID");
        return switch (upper(name)) {
            case "FETCH" -> fetch(in, true);
            case "STORE" -> store(in, true);
            case "SEARCH" -> search(in, true);
            case "COPY" -> copy(in, true);
            case "MOVE" -> move(in, true);
            case "EXPUNGE" -> new Command.UidExpunge(setArgument(in, "UID set"));
            default -> throw in.errorAt(start, "unknown UID command " + show(name));
        };
    }

    // --- Commands with arguments ----------------------------------------------------------

    /** RFC 3501 §6.2.3: {@code LOGIN SP userid SP password}, both astrings. */
    private static Command login(Cursor in) throws CommandSyntaxException {
        in.space("user name");
        String user = astring(in, "user name");
        in.space("password");
        String password = astring(in, "password");
        return new Command.Login(user, password);
    }

    /**
     * RFC 3501 §6.2.2 with RFC 4959 §7: {@code AUTHENTICATE SP auth-type [SP (base64 / "=")]}. The
     * initial response is kept as written: decoding it is the server's job, as for a response sent
     * after a continuation request.
     */
    private static Command authenticate(Cursor in) throws CommandSyntaxException {
        in.space("authentication mechanism");
        String mechanism = in.atom("authentication mechanism");
        Optional<String> initialResponse = Optional.empty();
        if (in.trySpace()) {
            initialResponse = Optional.of(in.atom("initial response"));
        }
        return new Command.Authenticate(mechanism, initialResponse);
    }

    /**
     * RFC 2971 §4: {@code ID SP ("(" [string SP nstring *(SP string SP nstring)] ")" / NIL)}. Field
     * names and values are strings, never atoms; the limits of §3.3 are the server's to enforce.
     */
    private static Command id(Cursor in) throws CommandSyntaxException {
        in.space("ID parameter list");
        if (in.tryKeyword("NIL")) {
            return new Command.Id(Optional.empty());
        }
        if (in.peek() != '(') {
            throw in.expected("ID parameter list in parentheses, or NIL");
        }
        in.expect('(');
        List<Command.IdParameter> parameters = new ArrayList<>();
        if (!in.tryChar(')')) {
            do {
                String field = string(in, "ID field name");
                in.space("ID field value");
                Optional<String> value = in.tryKeyword("NIL") ? Optional.empty()
                        : Optional.of(string(in, "ID field value"));
                parameters.add(new Command.IdParameter(field, value));
            } while (in.trySpace());
            in.expect(')');
        }
        return new Command.Id(Optional.of(parameters));
    }

    /**
     * RFC 3501 §6.3.8, §6.3.9: {@code LIST SP mailbox SP list-mailbox}, and LSUB alike. The
     * reference and the pattern are kept as written.
     */
    private static Command listMailboxes(Cursor in, boolean subscribed) throws CommandSyntaxException {
        in.space("reference name");
        String reference = astring(in, "reference name");
        in.space("mailbox pattern");
        int first = in.peek();
        String pattern;
        if (first == '"' || first == '{') {
            pattern = astring(in, "mailbox pattern");
        } else {
            // list-mailbox = 1*list-char, list-char = ATOM-CHAR / list-wildcards / resp-specials
            pattern = in.take(c -> isAstringChar(c) || c == '%' || c == '*');
            if (pattern.isEmpty()) {
                throw in.expected("mailbox pattern");
            }
        }
        return new Command.ListMailboxes(subscribed, reference, pattern);
    }

    /** RFC 5161 §4: {@code ENABLE 1*(SP capability)}. */
    private static Command enable(Cursor in) throws CommandSyntaxException {
        List<String> capabilities = new ArrayList<>();
        in.space("capability");
        do {
            capabilities.add(in.atom("capability"));
        } while (in.trySpace());
        return new Command.Enable(capabilities);
    }

    /**
     * RFC 3501 §6.3.1-2 with RFC 4466 §2.1 select parameters: {@code (CONDSTORE)} (RFC 7162 §3.1.8)
     * or {@code (QRESYNC (...))} (§3.2.5). Only one parameter per command is supported.
     */
    private static Command select(Cursor in, boolean readOnly) throws CommandSyntaxException {
        String mailbox = mailboxArgument(in);
        Optional<SelectParameter> parameter = Optional.empty();
        if (in.trySpace()) {
            in.expect('(');
            parameter = Optional.of(selectParameter(in));
            if (in.trySpace()) {
                throw in.error("only one select parameter is supported");
            }
            in.expect(')');
        }
        return new Command.Select(mailbox, readOnly, parameter);
    }

    private static SelectParameter selectParameter(Cursor in) throws CommandSyntaxException {
        int start = in.pos;
        String name = in.atom("select parameter");
        return switch (upper(name)) {
            case "CONDSTORE" -> new SelectParameter.Condstore();
            case "QRESYNC" -> qresync(in);
            default -> throw in.errorAt(start, "unknown select parameter " + show(name));
        };
    }

    /**
     * RFC 7162 §7: {@code QRESYNC SP "(" uidvalidity SP mod-sequence-value [SP known-uids]
     * [SP seq-match-data] ")"}. Zero values and {@code *} are kept for the model to refuse (R64).
     */
    private static SelectParameter qresync(Cursor in) throws CommandSyntaxException {
        in.space("QRESYNC arguments");
        in.expect('(');
        long uidValidity = uidValidity(in);
        in.space("QRESYNC mod-sequence");
        ModSeq modSeq = modSeq(in, "QRESYNC mod-sequence");
        Optional<SequenceSet> knownUids = Optional.empty();
        Optional<SelectParameter.SeqMatch> seqMatch = Optional.empty();
        if (in.trySpace()) {
            if (in.peek() != '(') {
                knownUids = Optional.of(sequenceSet(in, "known UIDs"));
                if (in.trySpace()) {
                    seqMatch = Optional.of(seqMatch(in));
                }
            } else {
                seqMatch = Optional.of(seqMatch(in));
            }
        }
        in.expect(')');
        return new SelectParameter.Qresync(uidValidity, modSeq, knownUids, seqMatch);
    }

    /** RFC 7162 §7: {@code seq-match-data = "(" known-sequence-set SP known-uid-set ")"}. */
    private static SelectParameter.SeqMatch seqMatch(Cursor in) throws CommandSyntaxException {
        in.expect('(');
        SequenceSet numbers = sequenceSet(in, "known message numbers");
        in.space("known UIDs");
        SequenceSet uids = sequenceSet(in, "known UIDs");
        in.expect(')');
        return new SelectParameter.SeqMatch(numbers, uids);
    }

    /** RFC 3501 §6.3.10 with RFC 7162 §3.1.7: {@code STATUS SP mailbox SP "(" status-att *(SP status-att) ")"}. */
    private static Command status(Cursor in) throws CommandSyntaxException {
        String mailbox = mailboxArgument(in);
        in.space("STATUS items");
        in.expect('(');
        List<StatusItem> items = new ArrayList<>();
        do {
            int start = in.pos;
            String name = in.atom("STATUS item");
            items.add(statusItem(name).orElseThrow(() -> in.errorAt(start, "unknown STATUS item " + show(name))));
        } while (in.trySpace());
        in.expect(')');
        return new Command.Status(mailbox, items);
    }

    private static Optional<StatusItem> statusItem(String name) {
        for (StatusItem item : StatusItem.values()) {
            if (item.name().equalsIgnoreCase(name)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    /** RFC 3501 §6.3.11: {@code APPEND SP mailbox [SP flag-list] [SP date-time] SP literal}. */
    private static Command append(Cursor in) throws CommandSyntaxException {
        String mailbox = mailboxArgument(in);
        in.space("message literal");
        Set<Flag> flags = Set.of();
        if (in.peek() == '(') {
            flags = flagList(in);
            in.space("message literal");
        }
        Optional<InternalDate> date = Optional.empty();
        if (in.peek() == '"') {
            date = Optional.of(dateTime(in));
            in.space("message literal");
        }
        if (in.peek() != '{') {
            throw in.expected("message literal {n}");
        }
        return new Command.Append(mailbox, flags, date, literal(in));
    }

    /**
     * RFC 3501 §9 {@code date-time}, e.g. {@code "17-Jul-1996 02:44:25 -0700"}: the day is two
     * digits or a space and one, the month's name is in any case, and the date must exist.
     */
    private static InternalDate dateTime(Cursor in) throws CommandSyntaxException {
        int start = in.pos;
        String text = quoted(in, "date-time");
        Matcher m = DATE_TIME.matcher(text);
        String expected = "invalid date-time " + show(text) + ": ";
        if (!m.matches()) {
            throw in.errorAt(start, expected + "expected \"dd-Mon-yyyy hh:mm:ss +zzzz\"");
        }
        int month = -1;
        for (int i = 0; i < InternalDate.MONTHS.size(); i++) {
            if (InternalDate.MONTHS.get(i).equalsIgnoreCase(m.group(2))) {
                month = i + 1;
            }
        }
        if (month < 0) {
            throw in.errorAt(start, expected + "unknown month " + show(m.group(2)));
        }
        int zoneHours = Integer.parseInt(m.group(8));
        int zoneMinutes = Integer.parseInt(m.group(9));
        if (zoneMinutes > 59 || zoneHours * 60 + zoneMinutes > 18 * 60) {
            throw in.errorAt(start, expected + "zone " + m.group(7) + m.group(8) + m.group(9) + " is not an offset "
                    + "of at most 18 hours");
        }
        try {
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(3)), month,
                    Integer.parseInt(m.group(1).strip()), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)));
            int sign = m.group(7).equals("-") ? -1 : 1;
            return InternalDate.of(local, ZoneOffset.ofHoursMinutes(sign * zoneHours, sign * zoneMinutes));
        } catch (DateTimeException | IllegalArgumentException e) {
            throw in.errorAt(start, expected + "no such date or time");
        }
    }

    /**
     * RFC 3501 §6.4.5 with RFC 4466 §2.4 modifiers: {@code FETCH SP sequence-set SP (fetch-att /
     * "(" fetch-att *(SP fetch-att) ")") [SP "(" fetch-modifier *(SP fetch-modifier) ")"]}; the
     * modifiers are CHANGEDSINCE (RFC 7162 §3.1.4.1) and VANISHED (§3.2.6).
     */
    private static Command fetch(Cursor in, boolean uid) throws CommandSyntaxException {
        SequenceSet set = setArgument(in, "sequence set");
        in.space("FETCH items");
        List<FetchItem> items = new ArrayList<>();
        if (in.tryChar('(')) {
            do {
                items.add(fetchItem(in));
            } while (in.trySpace());
            in.expect(')');
        } else if (in.tryKeyword("ALL")) {
            items.addAll(FetchItem.ALL); // RFC 3501 §6.4.5 macros stand alone and are expanded here
        } else if (in.tryKeyword("FAST")) {
            items.addAll(FetchItem.FAST);
        } else if (in.tryKeyword("FULL")) {
            items.addAll(FetchItem.FULL);
        } else {
            items.add(fetchItem(in));
        }
        Optional<ModSeq> changedSince = Optional.empty();
        boolean vanished = false;
        if (in.trySpace()) {
            in.expect('(');
            do {
                int start = in.pos;
                String name = in.atom("FETCH modifier");
                switch (upper(name)) {
                    case "CHANGEDSINCE" -> {
                        if (changedSince.isPresent()) {
                            throw in.errorAt(start, "duplicate FETCH modifier CHANGEDSINCE");
                        }
                        in.space("CHANGEDSINCE value");
                        changedSince = Optional.of(modSeq(in, "CHANGEDSINCE value"));
                    }
                    case "VANISHED" -> {
                        if (vanished) {
                            throw in.errorAt(start, "duplicate FETCH modifier VANISHED");
                        }
                        vanished = true;
                    }
                    default -> throw in.errorAt(start, "unknown FETCH modifier " + show(name));
                }
            } while (in.trySpace());
            in.expect(')');
        }
        return new Command.Fetch(uid, set, items, changedSince, vanished);
    }

    /**
     * One {@code fetch-att} (RFC 3501 §9): a keyword, or {@code BODY} or {@code BODY.PEEK} with a
     * section and an optional partial.
     */
    private static FetchItem fetchItem(Cursor in) throws CommandSyntaxException {
        int start = in.pos;
        String item = in.take(c -> ImapString.isAtomChar((char) c) && c != '[');
        String name = upper(item);
        if (in.peek() == '[') {
            boolean peek = switch (name) {
                case "BODY" -> false;
                case "BODY.PEEK" -> true;
                default -> throw in.errorAt(start, name.startsWith("BINARY")
                        ? "FETCH item " + show(item + "[...]") + " is not supported (RFC 3516 BINARY)"
                        : "unknown FETCH item " + show(item + "[...]"));
            };
            in.pos++;
            Section section = section(in);
            if (!in.tryChar(']')) {
                throw in.expected("']' to close the section");
            }
            Optional<FetchItem.Partial> partial = in.peek() == '<' ? Optional.of(partial(in)) : Optional.empty();
            return new FetchItem.BodySection(peek, section, partial);
        }
        if (item.isEmpty()) {
            throw in.expected("FETCH item");
        }
        for (FetchItem.Named named : FetchItem.Named.values()) {
            if (named.toWire().equals(name)) {
                return named;
            }
        }
        throw in.errorAt(start, switch (name) {
            case "ALL", "FAST", "FULL" -> "FETCH macro " + name + " cannot appear in a list (RFC 3501 section 6.4.5)";
            case "BODY.PEEK" -> "BODY.PEEK needs a section, e.g. BODY.PEEK[]";
            default -> name.startsWith("BINARY") ? "FETCH item " + show(item) + " is not supported (RFC 3516 BINARY)"
                    : "unknown FETCH item " + show(item);
        });
    }

    /**
     * RFC 3501 §9 {@code section-spec}, between the brackets: {@code section-msgtext /
     * (section-part ["." section-text])}, where a part is {@code nz-number *("." nz-number)}.
     */
    private static Section section(Cursor in) throws CommandSyntaxException {
        List<Integer> part = new ArrayList<>();
        while (isDigit(in.peek())) {
            part.add(partNumber(in));
            if (!in.tryChar('.')) {
                return new Section(part, Section.Text.WHOLE, List.of());
            }
            if (!isDigit(in.peek()) && !ImapString.isAtomChar((char) in.peek())) {
                throw in.expected("part number, HEADER, HEADER.FIELDS, HEADER.FIELDS.NOT, TEXT or MIME after '.'");
            }
        }
        if (in.peek() == ']') {
            return Section.WHOLE;
        }
        int start = in.pos;
        String word = in.take(c -> ImapString.isAtomChar((char) c) && c != '[');
        Section.Text text = switch (upper(word)) {
            case "HEADER" -> Section.Text.HEADER;
            case "HEADER.FIELDS" -> Section.Text.HEADER_FIELDS;
            case "HEADER.FIELDS.NOT" -> Section.Text.HEADER_FIELDS_NOT;
            case "TEXT" -> Section.Text.TEXT;
            case "MIME" -> {
                if (part.isEmpty()) {
                    throw in.errorAt(start, "MIME needs a part number, e.g. BODY[1.MIME] (RFC 3501 section 6.4.5)");
                }
                yield Section.Text.MIME;
            }
            default -> throw word.isEmpty() ? in.expected("section: a part number, HEADER, HEADER.FIELDS, "
                    + "HEADER.FIELDS.NOT, TEXT or MIME")
                    : in.errorAt(start, "unknown section " + show(word) + ": expected a part number, HEADER, "
                            + "HEADER.FIELDS, HEADER.FIELDS.NOT, TEXT or MIME");
        };
        List<String> fields = List.of();
        if (text.hasFields()) {
            in.space("header field list");
            fields = headerList(in);
        }
        return new Section(part, text, fields);
    }

    /** One {@code nz-number} of a section part; part numbers beyond 2^31-1 name no part of any message. */
    private static int partNumber(Cursor in) throws CommandSyntaxException {
        int start = in.pos;
        String digits = in.take(CommandParser::isDigit);
        if (digits.charAt(0) == '0') {
            throw in.errorAt(start, "part number " + show(digits) + " is not a number from 1 up");
        }
        if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
            throw in.errorAt(start, "part number " + show(digits) + " is beyond 2^31-1");
        }
        return Integer.parseInt(digits);
    }

    /** RFC 3501 §9 {@code header-list = "(" header-fld-name *(SP header-fld-name) ")"}, names as astrings. */
    private static List<String> headerList(Cursor in) throws CommandSyntaxException {
        in.expect('(');
        List<String> names = new ArrayList<>();
        do {
            names.add(astring(in, "header field name"));
        } while (in.trySpace());
        in.expect(')');
        return names;
    }

    /** RFC 3501 §9 partial: {@code "<" number "." nz-number ">"}. */
    private static FetchItem.Partial partial(Cursor in) throws CommandSyntaxException {
        int start = in.pos;
        in.expect('<');
        String origin = in.take(CommandParser::isDigit);
        if (origin.isEmpty()) {
            throw in.expected("partial origin");
        }
        if (!in.tryChar('.')) {
            throw in.expected("'.' and the partial length");
        }
        String length = in.take(CommandParser::isDigit);
        if (length.isEmpty()) {
            throw in.expected("partial length");
        }
        if (!in.tryChar('>')) {
            throw in.expected("'>' to close the partial");
        }
        for (String n : List.of(origin, length)) {
            if (n.length() > 10 || Long.parseLong(n) > NumberSet.MAX_NUMBER) {
                throw in.errorAt(start, "partial " + show(n) + " is beyond 2^32-1");
            }
        }
        if (Long.parseLong(length) == 0) {
            throw in.errorAt(start, "partial length must be at least 1 (RFC 3501 section 9 nz-number)");
        }
        return new FetchItem.Partial(Long.parseLong(origin), Long.parseLong(length));
    }

    /**
     * RFC 3501 §6.4.6 with RFC 4466 §2.5 modifiers: {@code STORE SP sequence-set [SP "("
     * store-modifier *(SP store-modifier) ")"] SP store-att-flags}; the modifier is UNCHANGEDSINCE,
     * at most once, 0 allowed (RFC 7162 §3.1.3, R44). Flags come as a list or bare, as RFC 3501 allows.
     */
    private static Command store(Cursor in, boolean uid) throws CommandSyntaxException {
        SequenceSet set = setArgument(in, "sequence set");
        in.space("flag action");
        Optional<ModSeq> unchangedSince = Optional.empty();
        if (in.tryChar('(')) {
            do {
                int start = in.pos;
                String name = in.atom("STORE modifier");
                if (!upper(name).equals("UNCHANGEDSINCE")) {
                    throw in.errorAt(start, "unknown STORE modifier " + show(name));
                }
                if (unchangedSince.isPresent()) {
                    throw in.errorAt(start, "duplicate STORE modifier UNCHANGEDSINCE");
                }
                in.space("UNCHANGEDSINCE value");
                unchangedSince = Optional.of(modSeq(in, "UNCHANGEDSINCE value"));
            } while (in.trySpace());
            in.expect(')');
            in.space("flag action");
        }
        int start = in.pos;
        String word = in.atom("flag action");
        String name = upper(word);
        boolean silent = name.endsWith(".SILENT");
        StoreAction action = switch (silent ? name.substring(0, name.length() - ".SILENT".length()) : name) {
            case "FLAGS" -> StoreAction.REPLACE;
            case "+FLAGS" -> StoreAction.ADD;
            case "-FLAGS" -> StoreAction.REMOVE;
            default -> throw in.errorAt(start, "expected FLAGS, +FLAGS or -FLAGS (optionally .SILENT), found "
                    + show(word));
        };
        in.space("flags");
        Set<Flag> flags;
        if (in.peek() == '(') {
            flags = flagList(in);
        } else {
            flags = new LinkedHashSet<>();
            do {
                flags.add(flag(in));
            } while (in.trySpace());
        }
        return new Command.Store(uid, set, unchangedSince, action, silent, flags);
    }

    /**
     * RFC 3501 §6.4.4 with RFC 4466 §2.6 and RFC 4731: {@code SEARCH [SP "RETURN" SP "("
     * [option *(SP option)] ")"] [SP "CHARSET" SP astring] 1*(SP search-key)}. Several keys are an
     * implicit AND. Only US-ASCII and UTF-8 are accepted as charsets, and then ignored.
     */
    private static Command search(Cursor in, boolean uid) throws CommandSyntaxException {
        in.space("search criteria");
        Optional<List<Command.ReturnOption>> returnOptions = Optional.empty();
        if (in.tryKeyword("RETURN")) {
            in.space("RETURN options");
            in.expect('(');
            List<Command.ReturnOption> options = new ArrayList<>();
            if (!in.tryChar(')')) {
                do {
                    int start = in.pos;
                    String name = in.atom("RETURN option");
                    options.add(returnOption(name)
                            .orElseThrow(() -> in.errorAt(start, "unknown RETURN option " + show(name))));
                } while (in.trySpace());
                in.expect(')');
            }
            returnOptions = Optional.of(options);
            in.space("search criteria");
        }
        if (in.tryKeyword("CHARSET")) {
            in.space("charset");
            int start = in.pos;
            String charset = astring(in, "charset");
            if (!charset.equalsIgnoreCase("US-ASCII") && !charset.equalsIgnoreCase("UTF-8")) {
                throw in.errorAt(start, "unsupported charset " + show(charset) + ": only US-ASCII and UTF-8");
            }
            in.space("search criteria");
        }
        List<SearchKey> keys = new ArrayList<>();
        do {
            keys.add(searchKey(in));
        } while (in.trySpace());
        return new Command.Search(uid, returnOptions, keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys));
    }

    private static Optional<Command.ReturnOption> returnOption(String name) {
        for (Command.ReturnOption option : Command.ReturnOption.values()) {
            if (option.name().equalsIgnoreCase(name)) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }

    private static SearchKey searchKey(Cursor in) throws CommandSyntaxException {
        if (in.depth >= MAX_SEARCH_DEPTH) {
            throw in.error("search criteria nested deeper than " + MAX_SEARCH_DEPTH + " levels");
        }
        in.depth++;
        try {
            return searchKeyAtDepth(in);
        } finally {
            in.depth--;
        }
    }

    /** RFC 3501 §9 {@code search-key}, the subset the model evaluates, with RFC 7162's MODSEQ key. */
    private static SearchKey searchKeyAtDepth(Cursor in) throws CommandSyntaxException {
        int first = in.peek();
        if (first == '(') {
            in.expect('(');
            List<SearchKey> keys = new ArrayList<>();
            do {
                keys.add(searchKey(in));
            } while (in.trySpace());
            in.expect(')');
            return new SearchKey.And(keys);
        }
        if (first == '*' || isDigit(first)) {
            return new SearchKey.MessageNumbers(sequenceSet(in, "sequence set"));
        }
        int start = in.pos;
        String word = in.atom("search key");
        String name = upper(word);
        return switch (name) {
            case "ALL" -> new SearchKey.All();
            case "UID" -> new SearchKey.Uids(setArgument(in, "UID set"));
            case "SEEN", "UNSEEN" -> new SearchKey.FlagKey(Flag.SEEN, name.equals("SEEN"));
            case "ANSWERED", "UNANSWERED" -> new SearchKey.FlagKey(Flag.ANSWERED, name.equals("ANSWERED"));
            case "FLAGGED", "UNFLAGGED" -> new SearchKey.FlagKey(Flag.FLAGGED, name.equals("FLAGGED"));
            case "DELETED", "UNDELETED" -> new SearchKey.FlagKey(Flag.DELETED, name.equals("DELETED"));
            case "DRAFT", "UNDRAFT" -> new SearchKey.FlagKey(Flag.DRAFT, name.equals("DRAFT"));
            case "RECENT", "OLD" -> new SearchKey.FlagKey(Flag.RECENT, name.equals("RECENT"));
            case "KEYWORD", "UNKEYWORD" -> {
                in.space("keyword");
                yield new SearchKey.FlagKey(keyword(in), name.equals("KEYWORD"));
            }
            case "LARGER" -> {
                in.space("LARGER size");
                yield new SearchKey.Larger(number32(in, "LARGER size"));
            }
            case "SMALLER" -> {
                in.space("SMALLER size");
                yield new SearchKey.Smaller(number32(in, "SMALLER size"));
            }
            case "NOT" -> {
                in.space("search key after NOT");
                yield new SearchKey.Not(searchKey(in));
            }
            case "OR" -> {
                in.space("first search key after OR");
                SearchKey left = searchKey(in);
                in.space("second search key after OR");
                yield new SearchKey.Or(left, searchKey(in));
            }
            case "MODSEQ" -> modSeqKey(in);
            default -> throw in.errorAt(start, UNSUPPORTED_SEARCH_KEYS.contains(name)
                    ? "search key " + name + " is not supported"
                    : "unknown search key " + show(word));
        };
    }

    /** RFC 7162 §3.1.5, §7: {@code MODSEQ [SP entry-name SP entry-type-req] SP mod-sequence-valzer}. */
    private static SearchKey modSeqKey(Cursor in) throws CommandSyntaxException {
        in.space("mod-sequence");
        Optional<SearchKey.Entry> entry = Optional.empty();
        if (in.peek() == '"') {
            int start = in.pos;
            Flag flag = entryFlag(in, start, quoted(in, "entry name"));
            in.space("entry type");
            entry = Optional.of(new SearchKey.Entry(flag, entryType(in)));
            in.space("mod-sequence");
        }
        return new SearchKey.ModSeqKey(entry, modSeq(in, "MODSEQ value"));
    }

    /**
     * R52: {@code entry-flag-name = DQUOTE "/flags/" attr-flag DQUOTE}, with the quoted-string
     * escapes of RFC 3501 §4.3 ({@code "/flags/\\seen"}); {@code attr-flag} excludes \Recent.
     */
    private static Flag entryFlag(Cursor in, int start, String name) throws CommandSyntaxException {
        String prefix = "/flags/";
        if (!name.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw in.errorAt(start, "MODSEQ entry name must be \"/flags/<flag>\", found " + show(name));
        }
        String flagName = name.substring(prefix.length());
        boolean system = flagName.startsWith("\\");
        if (!ImapString.isAtom(system ? flagName.substring(1) : flagName)) {
            throw in.errorAt(start, "invalid flag in MODSEQ entry name " + show(name));
        }
        Flag flag;
        try {
            flag = Flag.of(flagName);
        } catch (IllegalArgumentException e) {
            throw in.errorAt(start, "unknown system flag " + show(flagName) + " in MODSEQ entry name");
        }
        if (flag.equals(Flag.RECENT)) {
            throw in.errorAt(start, "\\Recent has no MODSEQ entry name (RFC 7162 section 7, attr-flag)");
        }
        return flag;
    }

    private static SearchKey.EntryType entryType(Cursor in) throws CommandSyntaxException {
        int start = in.pos;
        String word = in.atom("entry type");
        for (SearchKey.EntryType type : SearchKey.EntryType.values()) {
            if (type.name().equalsIgnoreCase(word)) {
                return type;
            }
        }
        throw in.errorAt(start, "unknown entry type " + show(word) + ": expected priv, shared or all");
    }

    private static Command copy(Cursor in, boolean uid) throws CommandSyntaxException {
        SequenceSet set = setArgument(in, "sequence set");
        return new Command.Copy(uid, set, mailboxArgument(in));
    }

    private static Command move(Cursor in, boolean uid) throws CommandSyntaxException {
        SequenceSet set = setArgument(in, "sequence set");
        return new Command.Move(uid, set, mailboxArgument(in));
    }

    // --- Arguments ------------------------------------------------------------------------

    /** SP mailbox: RFC 3501 §9 {@code mailbox = "INBOX" / astring}; INBOX is kept as written. */
    private static String mailboxArgument(Cursor in) throws CommandSyntaxException {
        in.space("mailbox name");
        return astring(in, "mailbox name");
    }

    private static SequenceSet setArgument(Cursor in, String what) throws CommandSyntaxException {
        in.space(what);
        return sequenceSet(in, what);
    }

    /** RFC 3501 §9: {@code astring = 1*ASTRING-CHAR / string}, {@code string = quoted / literal}. */
    private static String astring(Cursor in, String what) throws CommandSyntaxException {
        int first = in.peek();
        if (first == '"') {
            return quoted(in, what);
        }
        if (first == '{') {
            return literal(in);
        }
        String atom = in.take(CommandParser::isAstringChar);
        if (atom.isEmpty()) {
            throw in.expected(what);
        }
        return atom;
    }

    /** RFC 3501 §9: {@code string = quoted / literal}; an atom is not a string. */
    private static String string(Cursor in, String what) throws CommandSyntaxException {
        int first = in.peek();
        if (first == '"') {
            return quoted(in, what);
        }
        if (first == '{') {
            return literal(in);
        }
        throw in.expected(what + " as a quoted string or literal");
    }

    /** RFC 3501 §4.3, §9: {@code quoted}; see {@link WireCursor#quoted}. */
    private static String quoted(Cursor in, String what) throws CommandSyntaxException {
        return in.quoted(what);
    }

    /** RFC 3501 §4.3, §9: {@code literal}, and RFC 7888's {@code "{" number "+}"}; see {@link WireCursor#literal}. */
    private static String literal(Cursor in) throws CommandSyntaxException {
        return in.literal(true);
    }

    /** RFC 3501 §9: {@code flag-list = "(" [flag *(SP flag)] ")"}. */
    private static Set<Flag> flagList(Cursor in) throws CommandSyntaxException {
        in.expect('(');
        Set<Flag> flags = new LinkedHashSet<>();
        if (in.tryChar(')')) {
            return flags;
        }
        do {
            flags.add(flag(in));
        } while (in.trySpace());
        in.expect(')');
        return flags;
    }

    /**
     * RFC 3501 §9: {@code flag = "\" atom / atom}. Unknown {@code \}-flags are refused ({@link Flag#of});
     * \Recent is kept as written, for the model to answer.
     */
    private static Flag flag(Cursor in) throws CommandSyntaxException {
        int start = in.pos;
        boolean system = in.tryChar('\\');
        String atom = in.take(c -> ImapString.isAtomChar((char) c));
        if (atom.isEmpty()) {
            in.pos = start;
            throw in.expected("flag");
        }
        String name = system ? "\\" + atom : atom;
        try {
            return Flag.of(name);
        } catch (IllegalArgumentException e) {
            throw in.errorAt(start, "unknown system flag " + show(name));
        }
    }

    /** RFC 3501 §9: {@code flag-keyword = atom}. */
    private static Flag keyword(Cursor in) throws CommandSyntaxException {
        int start = in.pos;
        String atom = in.atom("keyword");
        try {
            return Flag.of(atom);
        } catch (IllegalArgumentException e) {
            throw in.errorAt(start, "invalid keyword " + show(atom));
        }
    }

    /**
     * RFC 3501 §9 {@code sequence-set}: {@code seq-number [":" seq-number] *("," ...)} where a
     * seq-number is an nz-number below 2^32 or {@code *}.
     */
    private static SequenceSet sequenceSet(Cursor in, String what) throws CommandSyntaxException {
        int start = in.pos;
        String text = in.take(c -> ImapString.isAtomChar((char) c) || c == '*');
        if (text.isEmpty()) {
            throw in.expected(what);
        }
        for (String item : text.split(",", -1)) {
            String[] bounds = item.split(":", -1);
            if (bounds.length > 2) {
                throw in.errorAt(start, "invalid " + what + " " + show(text) + ": " + show(item)
                        + " has more than one ':'");
            }
            for (String bound : bounds) {
                String problem = sequenceBoundProblem(bound);
                if (problem != null) {
                    throw in.errorAt(start, "invalid " + what + " " + show(text) + ": " + problem);
                }
            }
        }
        try {
            return SequenceSet.parse(text);
        } catch (IllegalArgumentException e) {
            throw in.errorAt(start, "invalid " + what + " " + show(text));
        }
    }

    private static String sequenceBoundProblem(String bound) {
        if (bound.isEmpty()) {
            return "empty number";
        }
        if (bound.equals("*")) {
            return null;
        }
        if (!allDigits(bound)) {
            return show(bound) + " is neither a number nor '*'";
        }
        if (bound.charAt(0) == '0') {
            return show(bound) + " is not a number from 1 up";
        }
        if (bound.length() > 10 || Long.parseLong(bound) > NumberSet.MAX_NUMBER) {
            return bound.length() > 20 ? "number beyond 2^32-1" : bound + " is beyond 2^32-1";
        }
        return null;
    }

    /** RFC 3501 §9 {@code number}: an unsigned 32-bit value. */
    private static long number32(Cursor in, String what) throws CommandSyntaxException {
        int start = in.pos;
        String digits = in.atom(what);
        if (!allDigits(digits)) {
            throw in.errorAt(start, what + " must be a number, found " + show(digits));
        }
        if (digits.length() > 10 || Long.parseLong(digits) > NumberSet.MAX_NUMBER) {
            throw in.errorAt(start, what + " " + show(digits) + " is beyond 2^32-1");
        }
        return Long.parseLong(digits);
    }

    /** RFC 7162 §7 {@code mod-sequence-valzer}: 0 to 2^63-1; 0 is kept for the model to judge (R46). */
    private static ModSeq modSeq(Cursor in, String what) throws CommandSyntaxException {
        int start = in.pos;
        String digits = in.atom(what);
        if (!allDigits(digits)) {
            throw in.errorAt(start, what + " must be a number, found " + show(digits));
        }
        try {
            return ModSeq.parse(digits);
        } catch (IllegalArgumentException e) {
            throw in.errorAt(start, what + " " + show(digits) + " is beyond 2^63-1");
        }
    }

    /** RFC 7162 §7 {@code uidvalidity}: any decimal up to 2^63-1, so that the model can answer range errors (R64). */
    private static long uidValidity(Cursor in) throws CommandSyntaxException {
        int start = in.pos;
        String digits = in.atom("QRESYNC uidvalidity");
        if (!allDigits(digits)) {
            throw in.errorAt(start, "QRESYNC uidvalidity must be a number, found " + show(digits));
        }
        try {
            if (digits.length() <= 19) {
                return Long.parseLong(digits);
            }
        } catch (NumberFormatException e) {
            // beyond 2^63-1: reported below
        }
        throw in.errorAt(start, "QRESYNC uidvalidity " + show(digits) + " is beyond 2^63-1");
    }

    // --- Characters -----------------------------------------------------------------------

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean allDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(CommandParser::isDigit);
    }

    /** RFC 3501 §9: {@code ASTRING-CHAR = ATOM-CHAR / resp-specials}. */
    private static boolean isAstringChar(int c) {
        return c == ']' || ImapString.isAtomChar((char) c);
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** Input quoted for an error message, cut short when long. */
    private static String show(String s) {
        return WireCursor.show(s);
    }

    /** The command parser's cursor: {@link WireCursor} failing with {@link CommandSyntaxException}. */
    private static final class Cursor extends WireCursor<CommandSyntaxException> {
        Cursor(String text) {
            super(text, CommandSyntaxException::new);
        }
    }
}
