package org.modseq.model.content;

import java.util.Optional;
import org.modseq.model.command.FetchItem;
import org.modseq.model.command.Section;

/**
 * Reads a message's octets for FETCH (RFC 3501 §6.4.5, §7.4.2): body sections, the ENVELOPE and
 * the body structure. Parsing MIME needs a MIME parser, which the model must not depend on, so it
 * lives behind this interface: {@link HeaderTextRenderer} is the model's JDK-only default, and the
 * reference server supplies one built on a MIME library. Both of its engines are given the same
 * renderer, so that they differ at most in their metadata behaviour, which is what they are
 * compared on.
 *
 * <p>Implementations are pure functions of the octets (one char per octet, as the model holds
 * them) and parse on demand: nothing is kept between calls. {@link org.modseq.model.server.FetchedContent} turns their
 * answers into FETCH response items.
 */
public interface ContentRenderer {

    /**
     * Why this renderer cannot give {@code item} for any message, or empty when it can. A FETCH
     * asks before it changes anything and answers a refused item with a tagged NO giving the reason.
     */
    Optional<String> refusal(FetchItem item);

    /**
     * The octets of {@code section} of {@code message}, or empty (NIL) when the message has no
     * such part, or when HEADER or TEXT name a part that is not MESSAGE/RFC822. Header sections end
     * with the blank line (RFC 3501 §6.4.5).
     */
    Optional<String> section(String message, Section section);

    /** The message's ENVELOPE. */
    Envelope envelope(String message);

    /** The message's body structure (BODYSTRUCTURE, and BODY without extension data). */
    BodyStructure structure(String message);
}
