package org.modseq.model.response;

import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.modseq.model.command.FetchItem;
import org.modseq.model.command.Section;
import org.modseq.model.content.BodyStructure;
import org.modseq.model.content.Envelope;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.InternalDate;
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

    /** {@code INTERNALDATE "dd-Mon-yyyy hh:mm:ss +zzzz"} (RFC 3501 §7.4.2). */
    record InternalDateAttribute(InternalDate date) implements FetchAttribute {
        @Override
        public String toWire() {
            return "INTERNALDATE " + date.toWire();
        }
    }

    record EnvelopeAttribute(Envelope envelope) implements FetchAttribute {
        @Override
        public String toWire() {
            return "ENVELOPE " + envelope.toWire();
        }
    }

    /** {@code BODYSTRUCTURE (...)} when {@code extensible}, else {@code BODY (...)} (RFC 3501 §7.4.2). */
    record Structure(BodyStructure structure, boolean extensible) implements FetchAttribute {
        @Override
        public String toWire() {
            return (extensible ? "BODYSTRUCTURE " : "BODY ") + structure.toWire(extensible);
        }
    }

    /**
     * {@code BODY[<section>]<<origin>> content}: the content as a literal, or NIL when the message
     * has no such part (RFC 3501 §7.4.2). PEEK is never part of the response's name.
     */
    record BodySection(Section section, OptionalLong origin, Optional<String> content) implements FetchAttribute {
        @Override
        public String toWire() {
            return "BODY[" + section.toWire() + "]" + (origin.isPresent() ? "<" + origin.getAsLong() + ">" : "") + " "
                    + content.map(ImapString::literal).orElse("NIL");
        }
    }

    /** {@code RFC822}, {@code RFC822.HEADER} or {@code RFC822.TEXT} and the content as a literal. */
    record Rfc822(FetchItem.Named item, String content) implements FetchAttribute {
        public Rfc822 {
            if (item != FetchItem.Named.RFC822 && item != FetchItem.Named.RFC822_HEADER
                    && item != FetchItem.Named.RFC822_TEXT) {
                throw new IllegalArgumentException(item + " is not RFC822, RFC822.HEADER or RFC822.TEXT");
            }
        }

        @Override
        public String toWire() {
            return item.toWire() + " " + ImapString.literal(content);
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
