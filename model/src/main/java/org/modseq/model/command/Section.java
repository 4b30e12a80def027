package org.modseq.model.command;

import java.util.List;
import java.util.stream.Collectors;
import org.modseq.model.wire.ImapString;

/**
 * The section of {@code BODY[<section>]} (RFC 3501 §6.4.5, §9 {@code section-spec}): a part
 * path, empty for the message itself, and which text of that part.
 *
 * <p>Part 1 of a message that is not multipart is its body; the parts of a MESSAGE/RFC822 part
 * are those of the message it holds. HEADER, TEXT and HEADER.FIELDS(.NOT) name the header or body
 * of the message itself or of a MESSAGE/RFC822 part; MIME names the MIME header of a part and
 * needs a part path.
 *
 * @param part the part numbers, each at least 1; empty for the whole message
 * @param text which text of the part
 * @param fields the header field names of HEADER.FIELDS and HEADER.FIELDS.NOT, as the client wrote
 *     them; empty otherwise
 */
public record Section(List<Integer> part, Text text, List<String> fields) {

    /** The whole message: {@code BODY[]}. */
    public static final Section WHOLE = new Section(List.of(), Text.WHOLE, List.of());
    /** {@code BODY[HEADER]}. */
    public static final Section HEADER = new Section(List.of(), Text.HEADER, List.of());
    /** {@code BODY[TEXT]}. */
    public static final Section TEXT = new Section(List.of(), Text.TEXT, List.of());

    /** Which text of a part a section names (RFC 3501 §9 {@code section-msgtext} and {@code section-text}). */
    public enum Text {
        /** The part itself: the whole message, or a part's body. */
        WHOLE(""),
        HEADER("HEADER"),
        HEADER_FIELDS("HEADER.FIELDS"),
        HEADER_FIELDS_NOT("HEADER.FIELDS.NOT"),
        TEXT("TEXT"),
        MIME("MIME");

        private final String wire;

        Text(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        /** HEADER.FIELDS and HEADER.FIELDS.NOT, which take a list of field names. */
        public boolean hasFields() {
            return this == HEADER_FIELDS || this == HEADER_FIELDS_NOT;
        }
    }

    public Section {
        part = List.copyOf(part);
        fields = List.copyOf(fields);
        if (part.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("part numbers start at 1: " + part);
        }
        if (text == Text.MIME && part.isEmpty()) {
            throw new IllegalArgumentException("MIME needs a part number (RFC 3501 section 6.4.5)");
        }
        if (text.hasFields() == fields.isEmpty()) {
            throw new IllegalArgumentException(text.hasFields() ? text.wire() + " needs at least one field name"
                    : "only HEADER.FIELDS and HEADER.FIELDS.NOT take field names");
        }
    }

    /** The section as written between the brackets, e.g. {@code 1.2.HEADER.FIELDS (SUBJECT FROM)}. */
    public String toWire() {
        String path = part.stream().map(String::valueOf).collect(Collectors.joining("."));
        String spec = path.isEmpty() || text == Text.WHOLE ? path + text.wire() : path + "." + text.wire();
        if (text.hasFields()) {
            spec += " (" + fields.stream().map(ImapString::astring).collect(Collectors.joining(" ")) + ")";
        }
        return spec;
    }
}
