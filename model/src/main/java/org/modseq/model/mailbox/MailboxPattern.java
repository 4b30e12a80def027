package org.modseq.model.mailbox;

import java.util.Collection;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The mailbox pattern of LIST and LSUB (RFC 3501 §6.3.8, §6.3.9): the reference and the mailbox
 * argument joined, where {@code *} matches any text and {@code %} any text without the hierarchy
 * delimiter {@code /}. Matching is exact except for INBOX, which matches in any case (§5.1).
 *
 * <p>Matching takes time proportional to the pattern's length times the name's, whatever the
 * wildcards, so that no pattern can make a LIST slow.
 *
 * @param text the pattern as the reference and the mailbox argument give it together
 */
public record MailboxPattern(String text) {

    /** The hierarchy delimiter of every mailbox name this server has (RFC 3501 §5.1.1). */
    public static final char DELIMITER = '/';

    /**
     * The pattern of a LIST or LSUB: the reference, then the mailbox argument. A reference names
     * a level of the hierarchy (RFC 3501 §6.3.8), and since names are not rooted here, joining
     * the two is the canonical form.
     */
    public static MailboxPattern of(String reference, String mailbox) {
        return new MailboxPattern(reference + mailbox);
    }

    /** True when the pattern matches {@code name}; INBOX in any case (RFC 3501 §5.1). */
    public boolean matches(String name) {
        if (name.equals("INBOX")) {
            return matches(text.toUpperCase(Locale.ROOT), name);
        }
        return matches(text, name);
    }

    /**
     * What a LIST or LSUB over {@code names} shows, sorted: each name the pattern matches (true),
     * and, when the pattern ends with {@code %}, each level of the hierarchy above a name that
     * matches and is not itself one of the names (false: a level only, listed {@code \Noselect}).
     * RFC 3501 §6.3.8 asks for those levels after a trailing {@code %}, §6.3.9 likewise for LSUB.
     */
    public SortedMap<String, Boolean> select(Collection<String> names) {
        SortedMap<String, Boolean> selected = new TreeMap<>();
        for (String name : names) {
            if (matches(name)) {
                selected.put(name, true);
            }
        }
        if (text.endsWith("%")) {
            for (String name : names) {
                for (int at = name.indexOf(DELIMITER); at > 0; at = name.indexOf(DELIMITER, at + 1)) {
                    String level = name.substring(0, at);
                    if (!selected.containsKey(level) && !names.contains(level) && matches(level)) {
                        selected.put(level, false);
                    }
                }
            }
        }
        return selected;
    }

    /** Row by row over the pattern: {@code row[j]} is true when the pattern so far matches the name's first j chars. */
    private static boolean matches(String pattern, String name) {
        int n = name.length();
        boolean[] row = new boolean[n + 1];
        row[0] = true;
        for (int i = 0; i < pattern.length(); i++) {
            char p = pattern.charAt(i);
            boolean[] next = new boolean[n + 1];
            if (p == '*') {
                boolean any = false;
                for (int j = 0; j <= n; j++) {
                    any |= row[j];
                    next[j] = any;
                }
            } else if (p == '%') {
                for (int j = 0; j <= n; j++) {
                    next[j] = row[j] || j > 0 && next[j - 1] && name.charAt(j - 1) != DELIMITER;
                }
            } else {
                for (int j = 1; j <= n; j++) {
                    next[j] = row[j - 1] && name.charAt(j - 1) == p;
                }
            }
            row = next;
        }
        return row[n];
    }
}
