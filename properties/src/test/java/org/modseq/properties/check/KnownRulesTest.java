package org.modseq.properties.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modseq.model.judge.Rule;
import org.modseq.model.rfc.Requirement;

/** --known names rules as violations cite them, in spellings a shell takes without quotes. */
class KnownRulesTest {

    @Test
    void rfcSectionsAreSpelledAsViolationsCiteThem() {
        KnownRules known = KnownRules.of(List.of("RFC3501-6.4.4", "rfc 3501 §6.3.2", "3501:7.4.1", "RFC 4616", "r16"));
        assertEquals(Set.of("RFC 3501 §6.4.4", "RFC 3501 §6.3.2", "RFC 3501 §7.4.1", "RFC 4616", "R16"), known.rules());
        assertTrue(known.acknowledges(Rule.rfc("RFC 3501 §6.4.4")));
        assertTrue(known.acknowledges(Rule.of(Requirement.R16)));
        assertFalse(known.acknowledges(Rule.of(Requirement.R49)));
        assertFalse(known.acknowledges(Rule.rfc("RFC 3501 §6.4")));
        assertFalse(known.acknowledges(new Finding.ClosedAfterBye("A", "t1 NOOP", "* BYE bye")));
        assertTrue(KnownRules.of(List.of("bye")).acknowledges(new Finding.ClosedAfterBye("A", "t1 NOOP", "* BYE bye")));
    }

    @Test
    void somethingElseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> KnownRules.of(List.of("R0")));
        assertThrows(IllegalArgumentException.class, () -> KnownRules.of(List.of("RFC")));
        assertThrows(IllegalArgumentException.class, () -> KnownRules.of(List.of("3501-six")));
        assertTrue(KnownRules.none().isEmpty());
    }
}
