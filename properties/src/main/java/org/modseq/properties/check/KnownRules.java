package org.modseq.properties.check;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.modseq.model.judge.Rule;
import org.modseq.model.rfc.Requirement;

/**
 * The rules a server is known to break, acknowledged so that a check reports their violations
 * as known deviations and goes on, rather than failing on them; and {@code BYE}, a server that
 * closes connections with BYE in mid-scenario ({@link Finding.ClosedAfterBye}).
 *
 * @param rules the rules as the judge names them ({@link Rule#source()}): {@code R16}, {@code RFC 3501 §6.4.4};
 *     or {@code BYE}
 */
public record KnownRules(Set<String> rules) {

    /** {@code RFC 3501 §6.4.4} as a shell likes it: {@code RFC3501-6.4.4}, {@code 3501:6.4.4}, any case. */
    private static final Pattern RFC_RULE =
            Pattern.compile("(?:RFC)?\\s*([0-9]{4})(?:\\s*[-:/ ]?\\s*§?\\s*([0-9]+(?:\\.[0-9]+)*))?");

    public KnownRules {
        rules = Set.copyOf(rules);
    }

    /** No rule acknowledged: every violation fails the check. */
    public static KnownRules none() {
        return new KnownRules(Set.of());
    }

    /**
     * The rules named, each a requirement ID ({@code R16}) or an RFC section as violations cite it
     * ({@code "RFC 3501 §6.4.4"}, or {@code RFC3501-6.4.4} without spaces).
     *
     * @throws IllegalArgumentException naming the first that is neither
     */
    public static KnownRules of(Collection<String> names) {
        Set<String> rules = new LinkedHashSet<>();
        for (String name : names) {
            rules.add(canonical(name));
        }
        return new KnownRules(rules);
    }

    /** True when a violation of {@code rule} is a known deviation. */
    public boolean acknowledges(Rule rule) {
        return rules.contains(rule.source());
    }

    /** True when {@code finding} is a known deviation: a violation of an acknowledged rule, or an acknowledged BYE. */
    public boolean acknowledges(Finding finding) {
        return switch (finding) {
            case Finding.Violated v -> acknowledges(v.violation().rule());
            case Finding.ClosedAfterBye c -> rules.contains(Finding.ClosedAfterBye.KIND);
            case Finding.NoAnswer n -> false;
            case Finding.ConnectionLost l -> false;
        };
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    private static String canonical(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        if (upper.equals(Finding.ClosedAfterBye.KIND)) {
            return upper;
        }
        if (upper.startsWith("R") && !upper.startsWith("RFC")) {
            return Requirement.parse(upper).id();
        }
        Matcher m = RFC_RULE.matcher(upper);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a rule: '" + name + "' (expected a requirement ID such as R16,"
                    + " an RFC section such as RFC3501-6.4.4, or BYE)");
        }
        return "RFC " + m.group(1) + (m.group(2) == null ? "" : " §" + m.group(2));
    }
}
