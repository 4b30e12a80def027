package org.modseq.model.response;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.wire.ImapString;

/** One item of a FETCH response ({@code msg-att}, RFC 3501 §7.4.2; RFC 7162 §3.1.4.2). */
public sealed interface FetchAttribute {

    String toWire();

    record UidAttribute(Uid uid) implements FetchAttribute {
        @Override
        public String toWire() {
            return "UID " + uid;
        }
    }

    record Flags(Set<Flag> flags) implements FetchAttribute {
        public Flags {
            flags = Set.copyOf(flags);
        }

        @Override
        public String toWire() {
            return "FLAGS (" + flags.stream().sorted(Comparator.naturalOrder()).map(Flag::name)
                    .collect(Collectors.joining(" ")) + ")";
        }
    }

    /** {@code MODSEQ (n)}: parenthesised, and always positive (R1, R47). */
    record ModSeqAttribute(ModSeq modSeq) implements FetchAttribute {
        public ModSeqAttribute {
            if (!modSeq.isPositive()) {
                throw new IllegalArgumentException("a message's MODSEQ must be positive (R1)");
            }
        }

        @Override
        public String toWire() {
            return "MODSEQ (" + modSeq + ")";
        }
    }

    record Size(long octets) implements FetchAttribute {
        @Override
        public String toWire() {
            return "RFC822.SIZE " + octets;
        }
    }

    record Body(String content) implements FetchAttribute {
        @Override
        public String toWire() {
            return "BODY[] " + ImapString.literal(content);
        }
    }

    /**
     * A {@code msg-att} the model has no type for ({@code ENVELOPE}, {@code BODYSTRUCTURE},
     * {@code INTERNALDATE}, {@code BODY[section]<origin>}, {@code BODY[] NIL}, extension items):
     * kept as received by the response parser, its value checked only for balanced structure.
     *
     * @param name the item name in upper case, section and origin included
     * @param value the value as received, literals inline
     */
    record Unmodelled(String name, String value) implements FetchAttribute {
        @Override
        public String toWire() {
            return name + " " + value;
        }
    }
}
