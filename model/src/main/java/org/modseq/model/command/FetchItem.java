package org.modseq.model.command;

import java.util.List;
import java.util.Optional;

/**
 * One data item of a FETCH command (RFC 3501 §6.4.5 {@code fetch-att}; RFC 7162 §3.1.4.2): an
 * item named by a keyword ({@link Named}) or a body section ({@link BodySection}). The macros ALL,
 * FAST and FULL are not items: the parser expands them ({@link #ALL}, {@link #FAST}, {@link #FULL}).
 *
 * <p>Fetching {@code BODY[...]} without PEEK, {@code RFC822} or {@code RFC822.TEXT} sets
 * {@code \Seen} implicitly in a read-write mailbox ({@link #setsSeen()}); that is a flag change
 * with a new mod-sequence like any other (R5, R20).
 */
public sealed interface FetchItem {

    FetchItem UID = Named.UID;
    FetchItem FLAGS = Named.FLAGS;
    /** RFC 7162 §3.1.4.2, R47: {@code MODSEQ (n)}; a CONDSTORE enabling item (R15). */
    FetchItem MODSEQ = Named.MODSEQ;
    FetchItem INTERNALDATE = Named.INTERNALDATE;
    FetchItem RFC822_SIZE = Named.RFC822_SIZE;
    FetchItem ENVELOPE = Named.ENVELOPE;
    /** {@code BODY}: the body structure without extension data (not a section: see {@link BodySection}). */
    FetchItem BODY = Named.BODY;
    FetchItem BODYSTRUCTURE = Named.BODYSTRUCTURE;
    FetchItem RFC822 = Named.RFC822;
    FetchItem RFC822_HEADER = Named.RFC822_HEADER;
    FetchItem RFC822_TEXT = Named.RFC822_TEXT;

    /** RFC 3501 §6.4.5: the macro ALL is {@code (FLAGS INTERNALDATE RFC822.SIZE ENVELOPE)}. */
    List<FetchItem> ALL = List.of(FLAGS, INTERNALDATE, RFC822_SIZE, ENVELOPE);
    /** RFC 3501 §6.4.5: the macro FAST is {@code (FLAGS INTERNALDATE RFC822.SIZE)}. */
    List<FetchItem> FAST = List.of(FLAGS, INTERNALDATE, RFC822_SIZE);
    /** RFC 3501 §6.4.5: the macro FULL is {@code (FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODY)}. */
    List<FetchItem> FULL = List.of(FLAGS, INTERNALDATE, RFC822_SIZE, ENVELOPE, BODY);

    String toWire();

    /** True when fetching this item sets {@code \Seen} in a read-write mailbox (RFC 3501 §6.4.5). */
    boolean setsSeen();

    /**
     * True for UID, FLAGS and MODSEQ, which are about the message's metadata rather than the message.
     * (Not a default method: one would make {@link Named} initialise this interface, whose constants
     * read {@link Named}'s, while {@link Named} is still being initialised.)
     */
    boolean isMetadata();

    /** The items named by one keyword. */
    enum Named implements FetchItem {
        UID("UID"),
        FLAGS("FLAGS"),
        MODSEQ("MODSEQ"),
        INTERNALDATE("INTERNALDATE"),
        RFC822_SIZE("RFC822.SIZE"),
        ENVELOPE("ENVELOPE"),
        BODY("BODY"),
        BODYSTRUCTURE("BODYSTRUCTURE"),
        /** {@code BODY[]}, answered as {@code RFC822}. */
        RFC822("RFC822"),
        /** {@code BODY.PEEK[HEADER]}, answered as {@code RFC822.HEADER}: no {@code \Seen}. */
        RFC822_HEADER("RFC822.HEADER"),
        /** {@code BODY[TEXT]}, answered as {@code RFC822.TEXT}. */
        RFC822_TEXT("RFC822.TEXT");

        private final String wire;

        Named(String wire) {
            this.wire = wire;
        }

        @Override
        public String toWire() {
            return wire;
        }

        @Override
        public boolean setsSeen() {
            return this == RFC822 || this == RFC822_TEXT;
        }

        @Override
        public boolean isMetadata() {
            return this == UID || this == FLAGS || this == MODSEQ;
        }
    }

    /**
     * {@code BODY[<section>]<<origin.octets>>}, or {@code BODY.PEEK[...]} when {@code peek}.
     *
     * @param partial the octets wanted, from an origin; empty for all of them
     */
    record BodySection(boolean peek, Section section, Optional<Partial> partial) implements FetchItem {

        /** {@code BODY[<section>]}, which sets {@code \Seen}. */
        public static BodySection of(Section section) {
            return new BodySection(false, section, Optional.empty());
        }

        /** {@code BODY.PEEK[<section>]}. */
        public static BodySection peek(Section section) {
            return new BodySection(true, section, Optional.empty());
        }

        @Override
        public String toWire() {
            return (peek ? "BODY.PEEK[" : "BODY[") + section.toWire() + "]" + partial.map(Partial::toWire).orElse("");
        }

        @Override
        public boolean setsSeen() {
            return !peek;
        }

        @Override
        public boolean isMetadata() {
            return false;
        }
    }

    /**
     * RFC 3501 §6.4.5 partial fetch {@code <origin.octets>}: at most {@code octets} octets from
     * octet {@code origin} (0-based) of the section.
     */
    record Partial(long origin, long octets) {
        public Partial {
            if (origin < 0 || octets < 1) {
                throw new IllegalArgumentException("a partial needs an origin of at least 0 and at least 1 octet");
            }
        }

        public String toWire() {
            return "<" + origin + "." + octets + ">";
        }
    }
}
