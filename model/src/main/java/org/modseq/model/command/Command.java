package org.modseq.model.command;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.InternalDate;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.set.SequenceSet;
import org.modseq.model.wire.ImapString;

/**
 * The IMAP commands the model executes, as values. Each renders itself as wire text without its
 * tag ({@link #toWire()}), so that the same value drives the model, the reference server and any
 * server over the network.
 *
 * <p>Values hold what the client wrote, including arguments the RFC forbids (a {@code *} in
 * known-uids, CHANGEDSINCE 0): refusing those with BAD is the server's job and the model's rule,
 * cited where it is enforced.
 */
public sealed interface Command {

    String toWire();

    /**
     * Whether the command is valid only while a mailbox is selected (RFC 3501 §6.4, and UNSELECT,
     * MOVE and UID EXPUNGE from RFC 3691, 6851 and 4315, which extend that state).
     */
    default boolean needsSelectedMailbox() {
        return switch (this) {
            case Fetch c -> true;
            case Store c -> true;
            case Search c -> true;
            case Expunge c -> true;
            case UidExpunge c -> true;
            case Close c -> true;
            case Unselect c -> true;
            case Copy c -> true;
            case Move c -> true;
            case Check c -> true;
            default -> false;
        };
    }

    record Capability() implements Command {
        @Override
        public String toWire() {
            return "CAPABILITY";
        }
    }

    record Noop() implements Command {
        @Override
        public String toWire() {
            return "NOOP";
        }
    }

    record Check() implements Command {
        @Override
        public String toWire() {
            return "CHECK";
        }
    }

    /** IDLE until DONE (RFC 2177): in the model, a point at which pending updates are delivered. */
    record Idle() implements Command {
        @Override
        public String toWire() {
            return "IDLE";
        }
    }

    record Logout() implements Command {
        @Override
        public String toWire() {
            return "LOGOUT";
        }
    }

    record Login(String user, String password) implements Command {
        @Override
        public String toWire() {
            return "LOGIN " + ImapString.astring(user) + " " + ImapString.astring(password);
        }

        @Override
        public String toString() {
            return "Login[user=" + user + "]";
        }
    }

    /**
     * AUTHENTICATE (RFC 3501 §6.2.2), with the initial response of SASL-IR (RFC 4959) when the
     * client sent one: base64 text as written, {@code =} for an empty response. Without it the
     * server asks for the response with a continuation request.
     */
    record Authenticate(String mechanism, Optional<String> initialResponse) implements Command {
        @Override
        public String toWire() {
            return "AUTHENTICATE " + mechanism + initialResponse.map(r -> " " + r).orElse("");
        }

        @Override
        public String toString() {
            return "Authenticate[mechanism=" + mechanism + (initialResponse.isPresent() ? ", initial response" : "")
                    + "]";
        }
    }

    /** ENABLE (RFC 5161); {@code ENABLE QRESYNC} is an enabling command for CONDSTORE too (R15, R60). */
    record Enable(List<String> capabilities) implements Command {
        public Enable {
            capabilities = List.copyOf(capabilities);
        }

        @Override
        public String toWire() {
            return "ENABLE " + String.join(" ", capabilities);
        }
    }

    /** SELECT, or EXAMINE when {@code readOnly}, with RFC 7162's optional parameter. */
    record Select(String mailbox, boolean readOnly, Optional<SelectParameter> parameter) implements Command {
        @Override
        public String toWire() {
            return (readOnly ? "EXAMINE " : "SELECT ") + ImapString.astring(mailbox)
                    + parameter.map(p -> " (" + p.toWire() + ")").orElse("");
        }
    }

    record Status(String mailbox, List<StatusItem> items) implements Command {
        public Status {
            items = List.copyOf(items);
        }

        @Override
        public String toWire() {
            return "STATUS " + ImapString.astring(mailbox) + " ("
                    + items.stream().map(Enum::name).collect(Collectors.joining(" ")) + ")";
        }
    }

    /**
     * APPEND (RFC 3501 §6.3.11). {@code content} holds the message's octets, one per char, as
     * {@link ImapString} holds wire text; {@code date} is the optional date-time, which becomes the
     * message's internal date (without it, the time the server received the command does).
     */
    record Append(String mailbox, Set<Flag> flags, Optional<InternalDate> date, String content) implements Command {
        public Append {
            flags = Set.copyOf(flags);
            if (content.chars().anyMatch(c -> c > 0xFF)) {
                throw new IllegalArgumentException("message content must be octets, one per char (0-255)");
            }
        }

        /** An APPEND without date-time. */
        public Append(String mailbox, Set<Flag> flags, String content) {
            this(mailbox, flags, Optional.empty(), content);
        }

        @Override
        public String toWire() {
            String f = flags.isEmpty() ? "" : " " + flagList(flags);
            String d = date.map(t -> " " + t.toWire()).orElse("");
            return "APPEND " + ImapString.astring(mailbox) + f + d + " " + ImapString.literal(content);
        }
    }

    record Create(String mailbox) implements Command {
        @Override
        public String toWire() {
            return "CREATE " + ImapString.astring(mailbox);
        }
    }

    record Delete(String mailbox) implements Command {
        @Override
        public String toWire() {
            return "DELETE " + ImapString.astring(mailbox);
        }
    }

    record Rename(String from, String to) implements Command {
        @Override
        public String toWire() {
            return "RENAME " + ImapString.astring(from) + " " + ImapString.astring(to);
        }
    }

    /**
     * LIST (RFC 3501 §6.3.8), or LSUB when {@code subscribed} (§6.3.9): a reference and a mailbox
     * pattern with the wildcards {@code *} and {@code %}, both as written.
     */
    record ListMailboxes(boolean subscribed, String reference, String pattern) implements Command {
        @Override
        public String toWire() {
            return (subscribed ? "LSUB " : "LIST ") + ImapString.astring(reference) + " " + listMailbox(pattern);
        }

        /** RFC 3501 §9 {@code list-mailbox}: bare when every char is a list-char, else a string. */
        private static String listMailbox(String pattern) {
            boolean bare = !pattern.isEmpty() && pattern.chars().allMatch(c -> ImapString.isAtomChar((char) c)
                    || c == '%' || c == '*' || c == ']');
            return bare ? pattern : ImapString.string(pattern);
        }
    }

    /** SUBSCRIBE (RFC 3501 §6.3.6). */
    record Subscribe(String mailbox) implements Command {
        @Override
        public String toWire() {
            return "SUBSCRIBE " + ImapString.astring(mailbox);
        }
    }

    /** UNSUBSCRIBE (RFC 3501 §6.3.7). */
    record Unsubscribe(String mailbox) implements Command {
        @Override
        public String toWire() {
            return "UNSUBSCRIBE " + ImapString.astring(mailbox);
        }
    }

    /** NAMESPACE (RFC 2342). */
    record Namespace() implements Command {
        @Override
        public String toWire() {
            return "NAMESPACE";
        }
    }

    /** One field of the ID command's parameter list; an empty value is NIL (RFC 2971 §4). */
    record IdParameter(String field, Optional<String> value) {
    }

    /**
     * ID (RFC 2971): the client's parameter list as written, in order, or empty for {@code NIL}.
     * Limits the RFC sets (§3.3) are the server's to enforce.
     */
    record Id(Optional<List<IdParameter>> parameters) implements Command {
        public Id {
            parameters = parameters.map(List::copyOf);
        }

        @Override
        public String toWire() {
            return "ID " + parameters.map(list -> "(" + list.stream()
                    .map(p -> ImapString.string(p.field()) + " " + p.value().map(ImapString::string).orElse("NIL"))
                    .collect(Collectors.joining(" ")) + ")").orElse("NIL");
        }
    }

    /**
     * FETCH or UID FETCH, with the CHANGEDSINCE modifier (R45) and QRESYNC's VANISHED modifier
     * (R75-R80).
     */
    record Fetch(boolean uid, SequenceSet set, List<FetchItem> items, Optional<ModSeq> changedSince, boolean vanished)
            implements Command {
        public Fetch {
            items = List.copyOf(items);
        }

        /** Whether the FETCH asks for mod-sequences: the MODSEQ item or CHANGEDSINCE (R15, R48). */
        public boolean usesModSeq() {
            return items.contains(FetchItem.MODSEQ) || changedSince.isPresent();
        }

        @Override
        public String toWire() {
            StringBuilder sb = new StringBuilder(uid ? "UID FETCH " : "FETCH ").append(set.toWire()).append(" (")
                    .append(items.stream().map(FetchItem::toWire).collect(Collectors.joining(" "))).append(')');
            if (changedSince.isPresent() || vanished) {
                sb.append(" (");
                changedSince.ifPresent(m -> sb.append("CHANGEDSINCE ").append(m));
                if (vanished) {
                    sb.append(changedSince.isPresent() ? " " : "").append("VANISHED");
                }
                sb.append(')');
            }
            return sb.toString();
        }
    }

    /** STORE or UID STORE, with the UNCHANGEDSINCE modifier (R32-R44). */
    record Store(boolean uid, SequenceSet set, Optional<ModSeq> unchangedSince, StoreAction action, boolean silent,
            Set<Flag> flags) implements Command {
        public Store {
            flags = Set.copyOf(flags);
        }

        @Override
        public String toWire() {
            return (uid ? "UID STORE " : "STORE ") + set.toWire()
                    + unchangedSince.map(m -> " (UNCHANGEDSINCE " + m + ")").orElse("")
                    + " " + action.wire() + (silent ? ".SILENT" : "") + " " + flagList(flags);
        }
    }

    /** The result options of SEARCH RETURN (RFC 4731). */
    enum ReturnOption {
        MIN, MAX, ALL, COUNT
    }

    /**
     * SEARCH or UID SEARCH; with {@code returnOptions} present it is an extended SEARCH answered
     * by ESEARCH (RFC 4731; RFC 7162 §3.1.10, R55). An empty option list means ALL.
     */
    record Search(boolean uid, Optional<List<ReturnOption>> returnOptions, SearchKey key) implements Command {
        public Search {
            returnOptions = returnOptions.map(List::copyOf);
        }

        @Override
        public String toWire() {
            String ret = returnOptions.map(o -> "RETURN ("
                    + o.stream().map(Enum::name).collect(Collectors.joining(" ")) + ") ").orElse("");
            String key = this.key instanceof SearchKey.And and ? and.toWire().substring(1, and.toWire().length() - 1)
                    : this.key.toWire();
            return (uid ? "UID SEARCH " : "SEARCH ") + ret + key;
        }
    }

    record Expunge() implements Command {
        @Override
        public String toWire() {
            return "EXPUNGE";
        }
    }

    /** UID EXPUNGE (RFC 4315; RFC 7162 §3.2.9, R94). */
    record UidExpunge(SequenceSet set) implements Command {
        @Override
        public String toWire() {
            return "UID EXPUNGE " + set.toWire();
        }
    }

    record Close() implements Command {
        @Override
        public String toWire() {
            return "CLOSE";
        }
    }

    record Unselect() implements Command {
        @Override
        public String toWire() {
            return "UNSELECT";
        }
    }

    record Copy(boolean uid, SequenceSet set, String mailbox) implements Command {
        @Override
        public String toWire() {
            return (uid ? "UID COPY " : "COPY ") + set.toWire() + " " + ImapString.astring(mailbox);
        }
    }

    /** MOVE (RFC 6851): its expunges bump the mod-sequence like any other (R95). */
    record Move(boolean uid, SequenceSet set, String mailbox) implements Command {
        @Override
        public String toWire() {
            return (uid ? "UID MOVE " : "MOVE ") + set.toWire() + " " + ImapString.astring(mailbox);
        }
    }

    private static String flagList(Set<Flag> flags) {
        return "(" + flags.stream().sorted().map(Flag::name).collect(Collectors.joining(" ")) + ")";
    }
}
