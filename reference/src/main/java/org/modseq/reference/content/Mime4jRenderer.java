package org.modseq.reference.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.util.ByteSequence;
import org.modseq.model.command.FetchItem;
import org.modseq.model.command.Section;
import org.modseq.model.content.Address;
import org.modseq.model.content.BodyStructure;
import org.modseq.model.content.ContentRenderer;
import org.modseq.model.content.Envelope;
import org.modseq.model.content.HeaderAndBody;

/**
 * The reference server's {@link ContentRenderer}, built on Apache James mime4j: every section,
 * part numbers included, the ENVELOPE and the body structure (RFC 3501 §6.4.5, §7.4.2). Each call
 * parses the octets it is given, as far as it needs; nothing is kept.
 *
 * <p>Part numbering follows RFC 3501 §6.4.5: the parts of a multipart are numbered from 1, part 1
 * of a message that is not multipart is its body, and the parts of a MESSAGE/RFC822 part are those
 * of the message it holds. A part that does not exist, and HEADER or TEXT of a part that holds no
 * message, is NIL.
 *
 * <p>Values are as sent: RFC 2047 encoded words, RFC 2231 parameters and 8-bit octets reach the
 * client unchanged, for it to decode. Types, subtypes, encodings, disposition types and parameter
 * names are in upper case; a TEXT part without charset gets {@code ("CHARSET" "US-ASCII")}, its
 * default (RFC 2045 §5.2).
 */
public final class Mime4jRenderer implements ContentRenderer {

    @Override
    public Optional<String> refusal(FetchItem item) {
        return Optional.empty();
    }

    @Override
    public Optional<String> section(String message, Section section) {
        MimePart root = MimePart.message(message);
        if (section.part().isEmpty()) {
            return Optional.of(text(message, section));
        }
        Optional<MimePart> found = locate(root, section.part());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MimePart part = found.get();
        return switch (section.text()) {
            case WHOLE -> Optional.of(part.body());
            case MIME -> Optional.of(part.header());
            // HEADER, TEXT and HEADER.FIELDS(.NOT) of a part name the message it holds.
            default -> part.isMessage() ? Optional.of(text(part.body(), section)) : Optional.empty();
        };
    }

    /** The whole of, or the header, fields or text of, the message with these octets. */
    private static String text(String message, Section section) {
        HeaderAndBody split = HeaderAndBody.of(message);
        return switch (section.text()) {
            case WHOLE -> message;
            case HEADER -> split.header();
            case TEXT -> split.body();
            case HEADER_FIELDS -> split.fields(section.fields(), false);
            case HEADER_FIELDS_NOT -> split.fields(section.fields(), true);
            case MIME -> throw new IllegalArgumentException("MIME needs a part number (RFC 3501 section 6.4.5)");
        };
    }

    /** The part at {@code path} (numbers from 1), or empty when there is none. */
    private static Optional<MimePart> locate(MimePart root, List<Integer> path) {
        List<MimePart> level = root.isMultipart() ? root.parts() : List.of(root);
        MimePart current = null;
        for (int number : path) {
            if (current != null) {
                level = children(current);
            }
            if (number > level.size()) {
                return Optional.empty();
            }
            current = level.get(number - 1);
        }
        return Optional.ofNullable(current);
    }

    /** The parts numbered below {@code part}: a multipart's parts, or those of the message a MESSAGE/RFC822 part holds. */
    private static List<MimePart> children(MimePart part) {
        if (part.isMultipart()) {
            return part.parts();
        }
        if (part.isMessage()) {
            MimePart message = part.encapsulated();
            return message.isMultipart() ? message.parts() : List.of(message);
        }
        return List.of();
    }

    @Override
    public Envelope envelope(String message) {
        return envelope(MimePart.message(message));
    }

    @Override
    public BodyStructure structure(String message) {
        return structure(MimePart.message(message));
    }

    /**
     * RFC 3501 §7.4.2 ENVELOPE from the first of each field. Sender and Reply-To default to From
     * when absent or empty.
     */
    private static Envelope envelope(MimePart message) {
        List<Address> from = addresses(message.field("From"));
        List<Address> sender = addresses(message.field("Sender"));
        List<Address> replyTo = addresses(message.field("Reply-To"));
        return new Envelope(message.field("Date"), message.field("Subject"), from, sender.isEmpty() ? from : sender,
                replyTo.isEmpty() ? from : replyTo, addresses(message.field("To")), addresses(message.field("Cc")),
                addresses(message.field("Bcc")), message.field("In-Reply-To"), message.field("Message-ID"));
    }

    /**
     * An address list as mime4j's lenient parser splits it, with group syntax as RFC 3501 writes
     * it. mime4j decodes RFC 2047 words in display names, and ENVELOPE passes them as sent, so the
     * {@code "=?"} that opens an encoded word is masked while it parses. A mailbox without a domain
     * gets an empty host: RFC 3501 keeps a NIL host for group syntax.
     */
    private static List<Address> addresses(Optional<String> field) {
        if (field.isEmpty() || field.get().isEmpty()) {
            return List.of();
        }
        String value = field.get();
        char mask = unusedControl(value);
        ByteSequence raw = MimePart.mime4jBytes(value.replace("=?", mask + "?"));
        AddressList list = LenientAddressParser.DEFAULT.parseAddressList(raw, new ParserCursor(0, raw.length()));
        List<Address> out = new ArrayList<>();
        for (org.apache.james.mime4j.dom.address.Address a : list) {
            if (a instanceof Group group) {
                out.add(Address.groupStart(unmask(group.getName(), mask).orElse("")));
                group.getMailboxes().forEach(m -> out.add(address(m, mask)));
                out.add(Address.GROUP_END);
            } else if (a instanceof Mailbox mailbox) {
                out.add(address(mailbox, mask));
            }
        }
        return out;
    }

    private static Address address(Mailbox m, char mask) {
        Optional<String> adl = m.getRoute() == null || m.getRoute().isEmpty() ? Optional.empty()
                : Optional.of(m.getRoute().toRouteString());
        return new Address(unmask(m.getName(), mask), adl, unmask(m.getLocalPart(), mask),
                Optional.of(unmask(m.getDomain(), mask).orElse("")));
    }

    /** A control character that {@code s} does not hold: a header holds few, and never all of them. */
    private static char unusedControl(String s) {
        for (char c = 1; c < ' '; c++) {
            if (c != '\t' && c != '\n' && c != '\r' && s.indexOf(c) < 0) {
                return c;
            }
        }
        throw new IllegalArgumentException("a header value holds every control character");
    }

    private static Optional<String> unmask(String s, char mask) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s.replace(mask + "?", "=?"));
    }

    /** RFC 3501 §9 {@code body}: the structure of the entity, with extension data for BODYSTRUCTURE. */
    private static BodyStructure structure(MimePart entity) {
        BodyStructure.Extension extension = extension(entity);
        if (entity.isMultipart()) {
            List<BodyStructure> parts = entity.parts().stream().map(Mime4jRenderer::structure).toList();
            if (parts.isEmpty()) {
                // A multipart whose boundary never occurs: RFC 3501's grammar needs one part, so one empty part.
                parts = List.of(new BodyStructure.Part("TEXT", "PLAIN", new BodyStructure.Fields(
                        List.of(new BodyStructure.Parameter("CHARSET", "US-ASCII")), Optional.empty(), Optional.empty(),
                        "7BIT", 0), Optional.empty(), OptionalLong.of(0), Optional.empty(),
                        BodyStructure.Extension.NONE));
            }
            return new BodyStructure.Multipart(parts, upper(entity.subtype()), upperNames(entity.parameters()),
                    extension);
        }
        List<BodyStructure.Parameter> parameters = new ArrayList<>(upperNames(entity.parameters()));
        if (entity.isText() && parameters.stream().noneMatch(p -> p.name().equals("CHARSET"))) {
            parameters.add(new BodyStructure.Parameter("CHARSET", "US-ASCII"));
        }
        String body = entity.body();
        BodyStructure.Fields fields = new BodyStructure.Fields(parameters, entity.field("Content-ID"),
                entity.field("Content-Description"),
                upper(entity.field("Content-Transfer-Encoding").filter(e -> !e.isEmpty()).orElse("7BIT")),
                body.length());
        Optional<BodyStructure.Encapsulated> message = Optional.empty();
        if (entity.isMessage()) {
            MimePart inner = entity.encapsulated();
            message = Optional.of(new BodyStructure.Encapsulated(envelope(inner), structure(inner)));
        }
        OptionalLong lines = entity.isText() || entity.isMessage() ? OptionalLong.of(lines(body)) : OptionalLong.empty();
        return new BodyStructure.Part(upper(entity.type()), upper(entity.subtype()), fields, message, lines,
                entity.field("Content-MD5"), extension);
    }

    /** Content-Disposition (RFC 2183), Content-Language (RFC 3282) and Content-Location (RFC 2557). */
    private static BodyStructure.Extension extension(MimePart entity) {
        Optional<BodyStructure.Disposition> disposition = entity.structuredField("Content-Disposition")
                .filter(d -> !d.getValue().isEmpty())
                .map(d -> new BodyStructure.Disposition(upper(d.getValue()), upperNames(MimePart.parameters(d))));
        List<String> language = entity.field("Content-Language").map(l -> Arrays.stream(l.split(","))
                .map(String::strip).filter(t -> !t.isEmpty()).toList()).orElse(List.of());
        return new BodyStructure.Extension(disposition, language, entity.field("Content-Location"));
    }

    /** The number of lines of a body: its line ends, and one more for a last line without one. */
    private static long lines(String body) {
        long lines = body.chars().filter(c -> c == '\n').count();
        return body.isEmpty() || body.endsWith("\n") ? lines : lines + 1;
    }

    private static List<BodyStructure.Parameter> upperNames(List<BodyStructure.Parameter> parameters) {
        return parameters.stream().map(p -> new BodyStructure.Parameter(upper(p.name()), p.value())).toList();
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
