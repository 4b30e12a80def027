package org.modseq.model.content;

import java.util.Optional;
import org.modseq.model.command.FetchItem;
import org.modseq.model.command.Section;

/**
 * The model's JDK-only {@link ContentRenderer}: what needs no MIME parsing. It gives the whole
 * message, its HEADER, its TEXT and HEADER.FIELDS(.NOT) (so also RFC822, RFC822.HEADER and
 * RFC822.TEXT), partial ranges of each, RFC822.SIZE and INTERNALDATE. It refuses part numbers,
 * MIME, ENVELOPE, BODY and BODYSTRUCTURE, which need a MIME parser; a FETCH of them is answered
 * with a tagged NO that says so.
 */
public final class HeaderTextRenderer implements ContentRenderer {

    @Override
    public Optional<String> refusal(FetchItem item) {
        if (item == FetchItem.ENVELOPE || item == FetchItem.BODY || item == FetchItem.BODYSTRUCTURE) {
            return Optional.of(needsMime(item.toWire()));
        }
        if (item instanceof FetchItem.BodySection b && !b.section().part().isEmpty()) {
            return Optional.of(needsMime("BODY[" + b.section().toWire() + "]"));
        }
        return Optional.empty();
    }

    private static String needsMime(String what) {
        return what + " needs a MIME parser, which this server does not have";
    }

    @Override
    public Optional<String> section(String message, Section section) {
        if (!section.part().isEmpty()) {
            throw new UnsupportedOperationException(needsMime("BODY[" + section.toWire() + "]"));
        }
        HeaderAndBody split = HeaderAndBody.of(message);
        return Optional.of(switch (section.text()) {
            case WHOLE -> message;
            case HEADER -> split.header();
            case TEXT -> split.body();
            case HEADER_FIELDS -> split.fields(section.fields(), false);
            case HEADER_FIELDS_NOT -> split.fields(section.fields(), true);
            case MIME -> throw new IllegalArgumentException("MIME needs a part number (RFC 3501 section 6.4.5)");
        });
    }

    @Override
    public Envelope envelope(String message) {
        throw new UnsupportedOperationException(needsMime("ENVELOPE"));
    }

    @Override
    public BodyStructure structure(String message) {
        throw new UnsupportedOperationException(needsMime("BODYSTRUCTURE"));
    }
}
