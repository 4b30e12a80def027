package org.modseq.model.content;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.modseq.model.wire.ImapString;

/**
 * The MIME structure of a message (RFC 3501 §7.4.2 BODYSTRUCTURE, §9 {@code body}): a
 * {@link Part} or a {@link Multipart} of further structures. The same value renders as
 * BODYSTRUCTURE, with extension data, or as BODY, without ({@link #toWire(boolean)}).
 *
 * <p>Types, subtypes, encodings, disposition types and parameter names are case-insensitive
 * (RFC 2045 §5.1) and are written in upper case here; parameter values are as sent.
 */
public sealed interface BodyStructure {

    /** The structure as written after BODYSTRUCTURE ({@code extensible}) or BODY. */
    String toWire(boolean extensible);

    /** A MIME parameter, {@code name=value}. */
    record Parameter(String name, String value) {
    }

    /** A Content-Disposition (RFC 2183): its type and parameters. */
    record Disposition(String type, List<Parameter> parameters) {
        public Disposition {
            parameters = List.copyOf(parameters);
        }

        String toWire() {
            return "(" + ImapString.string(type) + " " + parameterList(parameters) + ")";
        }
    }

    /**
     * RFC 3501 §9 {@code body-fields}: the Content-Type parameters, Content-ID, Content-Description,
     * Content-Transfer-Encoding and the size of the body in octets, as transfer-encoded.
     */
    record Fields(List<Parameter> parameters, Optional<String> id, Optional<String> description, String encoding,
            long octets) {
        public Fields {
            parameters = List.copyOf(parameters);
        }

        String toWire() {
            return parameterList(parameters) + " " + ImapString.nstring(id) + " " + ImapString.nstring(description) + " "
                    + ImapString.string(encoding) + " " + octets;
        }
    }

    /**
     * The extension data shared by single parts and multiparts (RFC 3501 §9 {@code body-fld-dsp},
     * {@code body-fld-lang}, {@code body-fld-loc}).
     */
    record Extension(Optional<Disposition> disposition, List<String> language, Optional<String> location) {
        public static final Extension NONE = new Extension(Optional.empty(), List.of(), Optional.empty());

        public Extension {
            language = List.copyOf(language);
        }

        String toWire() {
            String lang = language.isEmpty() ? "NIL"
                    : language.stream().map(ImapString::string).collect(Collectors.joining(" ", "(", ")"));
            return disposition.map(Disposition::toWire).orElse("NIL") + " " + lang + " " + ImapString.nstring(location);
        }
    }

    /** What a MESSAGE/RFC822 part adds (RFC 3501 §9 {@code body-type-msg}): the message's envelope and structure. */
    record Encapsulated(Envelope envelope, BodyStructure body) {
    }

    /**
     * A part that is not multipart (RFC 3501 §9 {@code body-type-1part}).
     *
     * @param message for MESSAGE/RFC822 only: the message it holds
     * @param lines for TEXT/* and MESSAGE/RFC822 only: the size of the body in lines
     * @param md5 the Content-MD5 value (extension data)
     */
    record Part(String type, String subtype, Fields fields, Optional<Encapsulated> message, OptionalLong lines,
            Optional<String> md5, Extension extension) implements BodyStructure {

        @Override
        public String toWire(boolean extensible) {
            StringBuilder sb = new StringBuilder("(").append(ImapString.string(type)).append(' ')
                    .append(ImapString.string(subtype)).append(' ').append(fields.toWire());
            message.ifPresent(m -> sb.append(' ').append(m.envelope().toWire()).append(' ')
                    .append(m.body().toWire(extensible)));
            lines.ifPresent(n -> sb.append(' ').append(n));
            if (extensible) {
                sb.append(' ').append(ImapString.nstring(md5)).append(' ').append(extension.toWire());
            }
            return sb.append(')').toString();
        }
    }

    /** A multipart (RFC 3501 §9 {@code body-type-mpart}): its parts, subtype and, as extension data, its parameters. */
    record Multipart(List<BodyStructure> parts, String subtype, List<Parameter> parameters, Extension extension)
            implements BodyStructure {
        public Multipart {
            parts = List.copyOf(parts);
            parameters = List.copyOf(parameters);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("a multipart has at least one part (RFC 3501 section 9 1*body)");
            }
        }

        @Override
        public String toWire(boolean extensible) {
            StringBuilder sb = new StringBuilder("(");
            parts.forEach(p -> sb.append(p.toWire(extensible)));
            sb.append(' ').append(ImapString.string(subtype));
            if (extensible) {
                sb.append(' ').append(parameterList(parameters)).append(' ').append(extension.toWire());
            }
            return sb.append(')').toString();
        }
    }

    /** RFC 3501 §9 {@code body-fld-param}: {@code ("name" "value" ...)}, or NIL for none. */
    private static String parameterList(List<Parameter> parameters) {
        return parameters.isEmpty() ? "NIL" : parameters.stream()
                .map(p -> ImapString.string(p.name()) + " " + ImapString.string(p.value()))
                .collect(Collectors.joining(" ", "(", ")"));
    }
}
