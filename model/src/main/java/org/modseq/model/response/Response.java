package org.modseq.model.response;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.set.NumberSet;
import org.modseq.model.wire.ImapString;

/**
 * A server response, as a value with one canonical wire rendering (without CRLF). Status
 * responses always carry text after a response code: the grammar needs it, and erratum 5055
 * corrects RFC 7162's examples that omit it.
 */
public sealed interface Response {

    String toWire();

    enum Condition {
        OK, NO, BAD, BYE, PREAUTH
    }

    /** A status response, tagged or untagged ({@code * OK [CLOSED] ...}, {@code a1 NO ...}). */
    record Status(Optional<String> tag, Condition condition, Optional<ResponseCode> code, String text) implements Response {
        public Status {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("a status response needs text (erratum 5055)");
            }
        }

        public static Status tagged(String tag, Condition condition, ResponseCode code, String text) {
            return new Status(Optional.of(tag), condition, Optional.ofNullable(code), text);
        }

        public static Status untagged(Condition condition, ResponseCode code, String text) {
            return new Status(Optional.empty(), condition, Optional.ofNullable(code), text);
        }

        public boolean isTagged() {
            return tag.isPresent();
        }

        @Override
        public String toWire() {
            return tag.orElse("*") + " " + condition + " " + code.map(c -> "[" + c.toWire() + "] ").orElse("") + text;
        }
    }

    record Continuation(String text) implements Response {
        @Override
        public String toWire() {
            return "+ " + text;
        }
    }

    record CapabilityData(List<String> capabilities) implements Response {
        public CapabilityData {
            capabilities = List.copyOf(capabilities);
        }

        @Override
        public String toWire() {
            return "* CAPABILITY " + String.join(" ", capabilities);
        }
    }

    /** {@code * ENABLED ...} (RFC 5161): what this ENABLE newly enabled. */
    record Enabled(List<String> capabilities) implements Response {
        public Enabled {
            capabilities = List.copyOf(capabilities);
        }

        @Override
        public String toWire() {
            return capabilities.isEmpty() ? "* ENABLED" : "* ENABLED " + String.join(" ", capabilities);
        }
    }

    record FlagsData(List<Flag> flags) implements Response {
        public FlagsData {
            flags = List.copyOf(flags);
        }

        @Override
        public String toWire() {
            return "* FLAGS (" + flags.stream().map(Flag::name).collect(Collectors.joining(" ")) + ")";
        }
    }

    record Exists(long count) implements Response {
        @Override
        public String toWire() {
            return "* " + count + " EXISTS";
        }
    }

    record Recent(long count) implements Response {
        @Override
        public String toWire() {
            return "* " + count + " RECENT";
        }
    }

    /** {@code * n EXPUNGE}: message n is gone and later numbers shift down (RFC 3501 §7.4.1). */
    record Expunge(long messageNumber) implements Response {
        @Override
        public String toWire() {
            return "* " + messageNumber + " EXPUNGE";
        }
    }

    /**
     * {@code * VANISHED [(EARLIER)] uids} (RFC 7162 §3.2.10, R81-R89). The set is never empty and
     * never holds 0 or {@code *} (R89).
     */
    record Vanished(boolean earlier, NumberSet uids) implements Response {
        public Vanished {
            if (uids.isEmpty()) {
                throw new IllegalArgumentException("VANISHED needs a non-empty UID set (R89)");
            }
        }

        @Override
        public String toWire() {
            return "* VANISHED " + (earlier ? "(EARLIER) " : "") + uids.toWire();
        }
    }

    record Fetch(long messageNumber, List<FetchAttribute> attributes) implements Response {
        public Fetch {
            attributes = List.copyOf(attributes);
        }

        public <T extends FetchAttribute> Optional<T> attribute(Class<T> type) {
            return attributes.stream().filter(type::isInstance).map(type::cast).findFirst();
        }

        @Override
        public String toWire() {
            return "* " + messageNumber + " FETCH ("
                    + attributes.stream().map(FetchAttribute::toWire).collect(Collectors.joining(" ")) + ")";
        }
    }

    /** {@code * SEARCH n...} with {@code (MODSEQ m)} when MODSEQ was searched and results exist (R53). */
    record Search(List<Long> numbers, Optional<ModSeq> modSeq) implements Response {
        public Search {
            numbers = List.copyOf(numbers);
            if (modSeq.isPresent() && numbers.isEmpty()) {
                throw new IllegalArgumentException("an empty SEARCH result carries no MODSEQ (R53)");
            }
        }

        @Override
        public String toWire() {
            StringBuilder sb = new StringBuilder("* SEARCH");
            numbers.forEach(n -> sb.append(' ').append(n));
            modSeq.ifPresent(m -> sb.append(" (MODSEQ ").append(m).append(')'));
            return sb.toString();
        }
    }

    /** {@code * ESEARCH (TAG "t") [UID] ...} (RFC 4731), with MODSEQ for MODSEQ searches (R55). */
    record ESearch(String tag, boolean uid, OptionalLong min, OptionalLong max, OptionalLong count,
            Optional<NumberSet> all, Optional<ModSeq> modSeq) implements Response {
        @Override
        public String toWire() {
            StringBuilder sb = new StringBuilder("* ESEARCH (TAG ").append(ImapString.quoted(tag)).append(')');
            if (uid) {
                sb.append(" UID");
            }
            min.ifPresent(v -> sb.append(" MIN ").append(v));
            max.ifPresent(v -> sb.append(" MAX ").append(v));
            count.ifPresent(v -> sb.append(" COUNT ").append(v));
            all.ifPresent(s -> sb.append(" ALL ").append(s.toWire()));
            modSeq.ifPresent(m -> sb.append(" MODSEQ ").append(m));
            return sb.toString();
        }
    }

    /**
     * {@code * LIST (attributes) "/" mailbox} (RFC 3501 §7.2.2), or {@code * LSUB ...} when
     * {@code subscribed} (§7.2.3).
     */
    record ListData(boolean subscribed, List<String> attributes, char delimiter, String mailbox) implements Response {
        /** A level of the hierarchy that is not a mailbox cannot be selected (RFC 3501 §7.2.2). */
        public static final String NOSELECT = "\\Noselect";

        public ListData {
            attributes = List.copyOf(attributes);
        }

        @Override
        public String toWire() {
            return "* " + (subscribed ? "LSUB" : "LIST") + " (" + String.join(" ", attributes) + ") "
                    + ImapString.quoted(String.valueOf(delimiter)) + " " + ImapString.astring(mailbox);
        }
    }

    /**
     * {@code * NAMESPACE personal other-users shared} (RFC 2342 §5): each a list of prefix and
     * delimiter pairs, NIL when empty.
     */
    record NamespaceData(List<Namespace> personal, List<Namespace> otherUsers, List<Namespace> shared)
            implements Response {
        /** One namespace: its prefix and hierarchy delimiter. */
        public record Namespace(String prefix, char delimiter) {
        }

        public NamespaceData {
            personal = List.copyOf(personal);
            otherUsers = List.copyOf(otherUsers);
            shared = List.copyOf(shared);
        }

        @Override
        public String toWire() {
            return "* NAMESPACE " + list(personal) + " " + list(otherUsers) + " " + list(shared);
        }

        private static String list(List<Namespace> namespaces) {
            return namespaces.isEmpty() ? "NIL" : "(" + namespaces.stream()
                    .map(n -> "(" + ImapString.string(n.prefix()) + " "
                            + ImapString.quoted(String.valueOf(n.delimiter())) + ")")
                    .collect(Collectors.joining()) + ")";
        }
    }

    /** {@code * ID (field value ...)} (RFC 2971 §3.2), or {@code * ID NIL} without fields. */
    record IdData(List<Field> fields) implements Response {
        /** One field of the server's identification and its value. */
        public record Field(String name, String value) {
        }

        public IdData {
            fields = List.copyOf(fields);
        }

        @Override
        public String toWire() {
            return fields.isEmpty() ? "* ID NIL" : "* ID (" + fields.stream()
                    .map(f -> ImapString.string(f.name()) + " " + ImapString.string(f.value()))
                    .collect(Collectors.joining(" ")) + ")";
        }
    }

    /** {@code * STATUS mailbox (...)}; values in the order asked. */
    record StatusData(String mailbox, List<Item> items) implements Response {
        public record Item(String name, long value) {
        }

        public StatusData {
            items = List.copyOf(items);
        }

        @Override
        public String toWire() {
            return "* STATUS " + ImapString.astring(mailbox) + " ("
                    + items.stream().map(i -> i.name() + " " + i.value()).collect(Collectors.joining(" ")) + ")";
        }
    }

    /**
     * A response the grammar of RFC 3501 or an extension allows but the model has no type for
     * ({@code LIST}, {@code LSUB}, {@code NAMESPACE}, {@code ID}, {@code SORT}, message data of
     * unknown extensions, ESEARCH without a correlator, ...). The response parser
     * ({@link org.modseq.model.wire.ResponseParser}) checks its structure (atoms, strings,
     * literals, balanced parentheses) and keeps it whole; the model never sends one.
     *
     * @param name the response's keyword in upper case, e.g. {@code LIST}
     * @param wire the whole line as received, literals inline
     */
    record Unmodelled(String name, String wire) implements Response {
        @Override
        public String toWire() {
            return wire;
        }
    }
}
