package org.modseq.model.mailbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** LIST patterns (RFC 3501 §6.3.8): {@code *} crosses levels, {@code %} does not, INBOX in any case. */
class MailboxPatternTest {

    static Stream<Arguments> matches() {
        return Stream.of(
                arguments("*", "a/b/c", true),
                arguments("%", "a/b/c", false),
                arguments("%", "abc", true),
                arguments("a/%", "a/b", true),
                arguments("a/%", "a/b/c", false),
                arguments("a/*", "a/b/c", true),
                arguments("a/*", "a", false),
                arguments("a*c", "a/b/c", true),
                arguments("a%c", "a/b/c", false),
                arguments("a%c", "abbc", true),
                arguments("%/%", "a/b", true),
                arguments("", "", true),
                arguments("", "a", false),
                arguments("Sent Items", "Sent Items", true),
                arguments("sent items", "Sent Items", false),
                arguments("inbox", "INBOX", true),
                arguments("iNb%", "INBOX", true),
                arguments("inbox/%", "INBOX/x", false),
                arguments("**%%*", "x/y", true),
                arguments("a%", "a/", false));
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @MethodSource("matches")
    void matchesAsRfc3501Says(String pattern, String name, boolean expected) {
        assertEquals(expected, new MailboxPattern(pattern).matches(name));
    }

    @Test
    void theReferenceComesFirst() {
        assertEquals(new MailboxPattern("Work/%"), MailboxPattern.of("Work/", "%"));
    }

    @Test
    void aTrailingPercentAddsTheLevelsAboveMatchingNames() {
        Set<String> names = Set.of("INBOX", "a/b/c", "a/x", "d/e");
        assertEquals(new TreeMap<>(Map.of("INBOX", true, "a", false, "d", false)),
                new MailboxPattern("%").select(names));
        assertEquals(new TreeMap<>(Map.of("a/b", false, "a/x", true)), new MailboxPattern("a/%").select(names));
        assertEquals(new TreeMap<>(Map.of("a/b/c", true, "a/x", true)), new MailboxPattern("a/*").select(names));
        assertEquals(new TreeMap<>(Map.of("a", false, "a/b", false, "a/b/c", true, "a/x", true)),
                new MailboxPattern("a*%").select(names));
    }

    @Test
    void aLevelThatIsAlsoANameIsListedOnceAsAName() {
        assertEquals(new TreeMap<>(Map.of("a", true)), new MailboxPattern("%").select(List.of("a", "a/b")));
    }

    @Test
    void manyWildcardsAgainstALongNameStillAnswer() {
        String name = "a".repeat(5000) + "b";
        assertEquals(false, new MailboxPattern("*a".repeat(2000) + "c").matches(name));
        assertEquals(true, new MailboxPattern("%a".repeat(2000) + "%b").matches(name));
    }
}
