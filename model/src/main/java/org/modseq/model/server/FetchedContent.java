package org.modseq.model.server;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.modseq.model.command.FetchItem;
import org.modseq.model.command.Section;
import org.modseq.model.content.ContentRenderer;
import org.modseq.model.mailbox.InternalDate;
import org.modseq.model.response.FetchAttribute;

/**
 * The message-data items of a FETCH response (RFC 3501 §7.4.2): everything but UID, FLAGS and
 * MODSEQ, rendered from a message's octets and internal date by a {@link ContentRenderer}. The
 * model and the reference store engine both answer with these functions, so that their answers
 * differ only where their metadata does.
 */
public final class FetchedContent {

    private FetchedContent() {
    }

    /** The message-data items of {@code items}, in the order asked, each once. */
    public static List<FetchItem> items(List<FetchItem> items) {
        return items.stream().filter(i -> !i.isMetadata()).distinct().toList();
    }

    /** Why {@code renderer} cannot answer one of {@code items}, or empty when it can answer them all. */
    public static Optional<String> refusal(ContentRenderer renderer, List<FetchItem> items) {
        for (FetchItem item : items(items)) {
            Optional<String> refusal = renderer.refusal(item);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /**
     * The response item for {@code item}, a message-data item, of the message with these octets
     * and internal date. RFC822, RFC822.HEADER and RFC822.TEXT are BODY[], BODY.PEEK[HEADER] and
     * BODY[TEXT] under their own names (RFC 3501 §6.4.5).
     */
    public static FetchAttribute attribute(ContentRenderer renderer, FetchItem item, String octets, InternalDate date) {
        return switch (item) {
            case FetchItem.Named named -> switch (named) {
                case INTERNALDATE -> new FetchAttribute.InternalDateAttribute(date);
                case RFC822_SIZE -> new FetchAttribute.Size(octets.length());
                case ENVELOPE -> new FetchAttribute.EnvelopeAttribute(renderer.envelope(octets));
                case BODY -> new FetchAttribute.Structure(renderer.structure(octets), false);
                case BODYSTRUCTURE -> new FetchAttribute.Structure(renderer.structure(octets), true);
                case RFC822 -> new FetchAttribute.Rfc822(named, octets);
                case RFC822_HEADER -> new FetchAttribute.Rfc822(named, renderer.section(octets, Section.HEADER).orElse(""));
                case RFC822_TEXT -> new FetchAttribute.Rfc822(named, renderer.section(octets, Section.TEXT).orElse(""));
                case UID, FLAGS, MODSEQ -> throw new IllegalArgumentException(named + " is not message data");
            };
            case FetchItem.BodySection b -> section(renderer.section(octets, b.section()), b);
        };
    }

    /**
     * RFC 3501 §6.4.5 partial fetch: the octets from the origin, at most as many as asked; an
     * origin beyond the end gives the empty string. The response names the origin only.
     */
    private static FetchAttribute section(Optional<String> content, FetchItem.BodySection item) {
        if (item.partial().isEmpty()) {
            return new FetchAttribute.BodySection(item.section(), OptionalLong.empty(), content);
        }
        FetchItem.Partial p = item.partial().get();
        Optional<String> cut = content.map(c -> {
            long from = Math.min(p.origin(), c.length());
            long to = Math.min(c.length(), from + p.octets());
            return c.substring((int) from, (int) to);
        });
        return new FetchAttribute.BodySection(item.section(), OptionalLong.of(p.origin()), cut);
    }
}
