package org.modseq.model.judge;

import java.util.Optional;
import org.modseq.model.rfc.Requirement;

/**
 * The rule a server's answer breaks: an RFC 7162 requirement of the catalogue, or a rule of
 * RFC 3501 (or of an extension) that the catalogue does not number, named by its section.
 *
 * @param requirement the requirement, when RFC 7162 states the rule
 * @param source what to cite: the requirement's ID, or e.g. {@code "RFC 3501 §7.4.1"}
 */
public record Rule(Optional<Requirement> requirement, String source) {

    /** An RFC 7162 requirement. */
    public static Rule of(Requirement requirement) {
        return new Rule(Optional.of(requirement), requirement.id());
    }

    /** A rule the catalogue does not number, e.g. {@code rfc("RFC 3501 §7.4.1")}. */
    public static Rule rfc(String source) {
        return new Rule(Optional.empty(), source);
    }

    @Override
    public String toString() {
        return requirement.map(r -> r.id() + " (RFC 7162 " + r.section() + ")").orElse(source);
    }
}
