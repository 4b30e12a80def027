package org.modseq.model.content;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A message or MIME part cut where its header ends (RFC 5322 §2.1): the header with the blank line
 * that ends it, and the body after. No MIME parsing: this is what a server can answer without a
 * MIME parser, HEADER, TEXT and HEADER.FIELDS(.NOT) (RFC 3501 §6.4.5), and what a MIME renderer
 * answers them with once it has found the part.
 *
 * <p>Octets are held one per char, as everywhere in the model. Lines may end in CRLF or, leniently,
 * in a bare LF. A message without a blank line is all header and has an empty body.
 *
 * @param header the header fields and the blank line after them
 * @param body everything after the blank line
 */
public record HeaderAndBody(String header, String body) {

    /** Cuts {@code octets} after the first empty line. */
    public static HeaderAndBody of(String octets) {
        int lineStart = 0;
        while (lineStart < octets.length()) {
            int lf = octets.indexOf('\n', lineStart);
            if (lf < 0) {
                break;
            }
            int contentEnd = lf > lineStart && octets.charAt(lf - 1) == '\r' ? lf - 1 : lf;
            if (contentEnd == lineStart) {
                return new HeaderAndBody(octets.substring(0, lf + 1), octets.substring(lf + 1));
            }
            lineStart = lf + 1;
        }
        return new HeaderAndBody(octets, "");
    }

    /** One field of the header, continuation lines and line end included, and its name. */
    public record Field(String name, String text) {
        /** The value after the colon, unfolded (RFC 5322 §2.2.3) and trimmed. */
        public String value() {
            String raw = text.substring(Math.min(text.length(), name.length() + 1));
            return raw.replace("\r\n", "").replace("\n", "").strip();
        }
    }

    /** The header's fields in order; lines before the first field that are not fields are skipped. */
    public List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        int start = -1;
        String name = null;
        int lineStart = 0;
        while (lineStart < header.length()) {
            int lf = header.indexOf('\n', lineStart);
            int next = lf < 0 ? header.length() : lf + 1;
            char first = header.charAt(lineStart);
            boolean continuation = first == ' ' || first == '\t';
            if (!continuation) {
                if (start >= 0) {
                    fields.add(new Field(name, header.substring(start, lineStart)));
                    start = -1;
                }
                int colon = header.indexOf(':', lineStart);
                if (colon > lineStart && colon < next && isFieldName(header, lineStart, colon)) {
                    start = lineStart;
                    name = header.substring(lineStart, colon);
                }
            }
            lineStart = next;
        }
        if (start >= 0) {
            fields.add(new Field(name, header.substring(start)));
        }
        return fields;
    }

    /** The first field named {@code name}, in any case. */
    public Optional<Field> field(String name) {
        return fields().stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * HEADER.FIELDS ({@code exclude} false) or HEADER.FIELDS.NOT: the fields whose names are (or
     * are not) among {@code names}, in any case, in the header's order, then the blank line, which
     * RFC 3501 §6.4.5 includes in every header fetch.
     */
    public String fields(Collection<String> names, boolean exclude) {
        Set<String> wanted = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        StringBuilder sb = new StringBuilder();
        for (Field f : fields()) {
            if (wanted.contains(f.name().toLowerCase(Locale.ROOT)) != exclude) {
                sb.append(f.text());
                if (!f.text().endsWith("\n")) {
                    sb.append("\r\n");
                }
            }
        }
        return sb.append("\r\n").toString();
    }

    /** RFC 5322 §3.6.8 {@code field-name = 1*ftext}: printable US-ASCII except colon. */
    private static boolean isFieldName(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }
}
