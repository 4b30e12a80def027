package org.modseq.model.command;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.set.SequenceSet;
import org.modseq.model.wire.ImapString;

/** SEARCH criteria (RFC 3501 §6.4.4) with RFC 7162's MODSEQ key (§3.1.5). */
public sealed interface SearchKey {

    String toWire();

    /** True when the key or a part of it is MODSEQ: an enabling key (R15) with BAD under NOMODSEQ (R30). */
    default boolean usesModSeq() {
        return switch (this) {
            case ModSeqKey k -> true;
            case Not n -> n.key().usesModSeq();
            case Or o -> o.left().usesModSeq() || o.right().usesModSeq();
            case And a -> a.keys().stream().anyMatch(SearchKey::usesModSeq);
            default -> false;
        };
    }

    /** True when the key names message numbers: then no VANISHED during UID SEARCH (R87). */
    default boolean usesMessageNumbers() {
        return switch (this) {
            case MessageNumbers m -> true;
            case Not n -> n.key().usesMessageNumbers();
            case Or o -> o.left().usesMessageNumbers() || o.right().usesMessageNumbers();
            case And a -> a.keys().stream().anyMatch(SearchKey::usesMessageNumbers);
            default -> false;
        };
    }

    record All() implements SearchKey {
        @Override
        public String toWire() {
            return "ALL";
        }
    }

    record MessageNumbers(SequenceSet set) implements SearchKey {
        @Override
        public String toWire() {
            return set.toWire();
        }
    }

    record Uids(SequenceSet set) implements SearchKey {
        @Override
        public String toWire() {
            return "UID " + set.toWire();
        }
    }

    /** SEEN, ANSWERED, ..., KEYWORD k when {@code set}; UNSEEN, ..., UNKEYWORD k otherwise. */
    record FlagKey(Flag flag, boolean set) implements SearchKey {
        @Override
        public String toWire() {
            if (flag.isSystem()) {
                String name = flag.name().substring(1).toUpperCase(java.util.Locale.ROOT);
                if (flag.equals(Flag.RECENT)) {
                    return set ? "RECENT" : "OLD";
                }
                return set ? name : "UN" + name;
            }
            return (set ? "KEYWORD " : "UNKEYWORD ") + flag.name();
        }
    }

    record Larger(long size) implements SearchKey {
        @Override
        public String toWire() {
            return "LARGER " + size;
        }
    }

    record Smaller(long size) implements SearchKey {
        @Override
        public String toWire() {
            return "SMALLER " + size;
        }
    }

    record Not(SearchKey key) implements SearchKey {
        @Override
        public String toWire() {
            return "NOT " + key.toWire();
        }
    }

    record Or(SearchKey left, SearchKey right) implements SearchKey {
        @Override
        public String toWire() {
            return "OR " + left.toWire() + " " + right.toWire();
        }
    }

    /** Several keys, all of which must match; rendered in parentheses when nested. */
    record And(List<SearchKey> keys) implements SearchKey {
        public And {
            keys = List.copyOf(keys);
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("empty search key list");
            }
        }

        @Override
        public String toWire() {
            return "(" + keys.stream().map(SearchKey::toWire).collect(Collectors.joining(" ")) + ")";
        }
    }

    /** Which metadata a MODSEQ entry names (R50). */
    enum EntryType {
        PRIV, SHARED, ALL
    }

    /** {@code "/flags/<flag>"} with its type (R52). */
    record Entry(Flag flag, EntryType type) {
    }

    /** {@code MODSEQ [entry-name entry-type] n}: mod-sequence at least n (R49). */
    record ModSeqKey(Optional<Entry> entry, ModSeq modSeq) implements SearchKey {
        @Override
        public String toWire() {
            String e = entry.map(x -> ImapString.quoted("/flags/" + x.flag().name()) + " "
                    + x.type().name().toLowerCase(java.util.Locale.ROOT) + " ").orElse("");
            return "MODSEQ " + e + modSeq;
        }
    }
}
