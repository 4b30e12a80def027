package org.modseq.reference.content;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.stream.RecursionMode;
import org.apache.james.mime4j.util.ByteSequence;
import org.apache.james.mime4j.util.ContentUtil;
import org.modseq.model.content.BodyStructure.Parameter;
import org.modseq.model.content.HeaderAndBody;

/**
 * One MIME entity (RFC 2045 §2.4) of a message: its octets cut where its header ends, and its
 * Content-Type. The parts of a multipart are split out by mime4j when asked for, one level at a
 * time, as the exact octets between the boundaries (RFC 2046 §5.1.1: the line break before a
 * boundary belongs to the boundary); nothing is cached.
 *
 * <p>Header values are read as sent, one char per octet: parameter values, RFC 2231 continuations
 * and RFC 2047 encoded words are not decoded, so that a client sees what the message says.
 *
 * @param octets the entity's header and body
 * @param type the media type, lower case, e.g. {@code text}
 * @param subtype the media subtype, lower case, e.g. {@code plain}
 * @param parameters the Content-Type parameters as sent
 * @param depth how deep the entity is nested in the message, 0 for the message itself
 */
record MimePart(HeaderAndBody octets, String type, String subtype, List<Parameter> parameters, int depth) {

    /**
     * Entities nested deeper than this are taken as opaque APPLICATION/OCTET-STREAM, so that no
     * message can exhaust the stack of the parser or of its readers.
     */
    static final int MAX_DEPTH = 64;

    /** mime4j's permissive settings: no limit on line, header or content length, no exception on malformed input. */
    private static final MimeConfig CONFIG = MimeConfig.PERMISSIVE;

    /** The message with these octets. */
    static MimePart message(String octets) {
        return of(octets, false, 0);
    }

    /**
     * The entity with these octets. Without a usable Content-Type it is TEXT/PLAIN; US-ASCII
     * (RFC 2045 §5.2), or MESSAGE/RFC822 in a MULTIPART/DIGEST (RFC 2046 §5.1.5). A multipart
     * without boundary is taken as TEXT/PLAIN too, as there is no way to find its parts.
     */
    private static MimePart of(String octets, boolean inDigest, int depth) {
        HeaderAndBody split = HeaderAndBody.of(octets);
        if (depth > MAX_DEPTH) {
            return new MimePart(split, "application", "octet-stream", List.of(), depth);
        }
        Optional<HeaderAndBody.Field> field = split.field("Content-Type");
        if (field.isPresent()) {
            RawBody contentType = parse(field.get().value());
            String[] media = contentType.getValue().toLowerCase(Locale.ROOT).split("/", -1);
            List<Parameter> parameters = parameters(contentType);
            boolean valid = media.length == 2 && !media[0].isBlank() && !media[1].isBlank();
            boolean multipartWithoutBoundary = valid && media[0].strip().equals("multipart")
                    && parameters.stream().noneMatch(p -> p.name().equalsIgnoreCase("boundary"));
            if (valid && !multipartWithoutBoundary) {
                return new MimePart(split, media[0].strip(), media[1].strip(), parameters, depth);
            }
        }
        return inDigest ? new MimePart(split, "message", "rfc822", List.of(), depth)
                : new MimePart(split, "text", "plain", List.of(), depth);
    }

    /** A header value as mime4j reads {@code value *(";" parameter)} (RFC 2045 §5.1), one char per octet. */
    static RawBody parse(String value) {
        ByteSequence raw = mime4jBytes(value);
        return RawFieldParser.DEFAULT.parseRawBody(raw, new ParserCursor(0, raw.length()));
    }

    /**
     * Text, one char per octet, as mime4j's field parsers must be given it so that their strings
     * come back one char per octet too: they read runs of 8-bit bytes as UTF-8 (RFC 6532), so they
     * get the UTF-8 form of the chars, whatever the octets were.
     */
    static ByteSequence mime4jBytes(String octets) {
        return ContentUtil.encode(StandardCharsets.UTF_8, octets);
    }

    boolean isMultipart() {
        return type.equals("multipart");
    }

    /** MESSAGE/RFC822: the entity holds a message, whose parts are its own (RFC 3501 §6.4.5). */
    boolean isMessage() {
        return type.equals("message") && subtype.equals("rfc822");
    }

    boolean isText() {
        return type.equals("text");
    }

    String header() {
        return octets.header();
    }

    String body() {
        return octets.body();
    }

    /** The message a MESSAGE/RFC822 entity holds. */
    MimePart encapsulated() {
        if (!isMessage()) {
            throw new IllegalStateException(type + "/" + subtype + " holds no message");
        }
        return of(body(), false, depth + 1);
    }

    /** The parts of a multipart, in order; none for another entity or when no boundary occurs. */
    List<MimePart> parts() {
        if (!isMultipart()) {
            return List.of();
        }
        String contentType = octets.field("Content-Type").map(HeaderAndBody.Field::value).orElseThrow();
        MimeTokenStream stream = new MimeTokenStream(CONFIG);
        stream.setRecursionMode(RecursionMode.M_RAW);
        stream.parseHeadless(new ByteArrayInputStream(body().getBytes(StandardCharsets.ISO_8859_1)), contentType);
        boolean digest = subtype.equals("digest");
        List<MimePart> parts = new ArrayList<>();
        try {
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                if (state == EntityState.T_RAW_ENTITY) {
                    String part = new String(stream.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                    parts.add(of(part, digest, depth + 1));
                }
            }
        } catch (IOException | MimeException e) {
            // Reading a byte array with permissive settings fails only on a bug.
            throw new IllegalStateException("mime4j could not split a multipart: " + e.getMessage(), e);
        }
        return parts;
    }

    /** The value of the first field named {@code name}, unfolded. */
    Optional<String> field(String name) {
        return octets.field(name).map(HeaderAndBody.Field::value);
    }

    /** The value and parameters of the first field named {@code name} (Content-Disposition). */
    Optional<RawBody> structuredField(String name) {
        return field(name).map(MimePart::parse);
    }

    /** The parameters of a parsed field, as sent. */
    static List<Parameter> parameters(RawBody body) {
        List<Parameter> out = new ArrayList<>();
        for (NameValuePair p : body.getParams()) {
            out.add(new Parameter(p.getName(), p.getValue() == null ? "" : p.getValue()));
        }
        return out;
    }
}
