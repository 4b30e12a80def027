package org.modseq.model.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cutting a message at the end of its header, and HEADER.FIELDS(.NOT), without MIME (RFC 3501 §6.4.5). */
class HeaderAndBodyTest {

    @Test
    void theHeaderEndsWithTheFirstEmptyLineWhichItKeeps() {
        assertEquals(new HeaderAndBody("A: 1\r\nB: 2\r\n\r\n", "text\r\n\r\nmore"),
                HeaderAndBody.of("A: 1\r\nB: 2\r\n\r\ntext\r\n\r\nmore"));
        assertEquals(new HeaderAndBody("A: 1\n\n", "bare LF\n"), HeaderAndBody.of("A: 1\n\nbare LF\n"));
        assertEquals(new HeaderAndBody("\r\n", "no header"), HeaderAndBody.of("\r\nno header"));
        assertEquals(new HeaderAndBody("A: 1\r\nno blank line", ""), HeaderAndBody.of("A: 1\r\nno blank line"));
        assertEquals(new HeaderAndBody("", ""), HeaderAndBody.of(""));
    }

    @Test
    void fieldsKeepTheirContinuationLinesAndValuesAreUnfolded() {
        HeaderAndBody m = HeaderAndBody.of("Subject: one\r\n two\r\n\tthree\r\nfrom:  a@b \r\nnot a field\r\n\r\nx");
        assertEquals(List.of(new HeaderAndBody.Field("Subject", "Subject: one\r\n two\r\n\tthree\r\n"),
                new HeaderAndBody.Field("from", "from:  a@b \r\n")), m.fields());
        assertEquals("one two\tthree", m.field("SUBJECT").orElseThrow().value());
        assertEquals("a@b", m.field("From").orElseThrow().value());
    }

    @Test
    void headerFieldsMatchNamesInAnyCaseInTheHeadersOrder() {
        HeaderAndBody m = HeaderAndBody.of("To: t\r\nSubject: s\r\n x\r\nFrom: f\r\nsubject: again\r\n\r\nbody");
        assertEquals("Subject: s\r\n x\r\nFrom: f\r\nsubject: again\r\n\r\n", m.fields(List.of("FROM", "subject"), false));
        assertEquals("To: t\r\n\r\n", m.fields(List.of("FROM", "subject"), true));
        assertEquals("\r\n", m.fields(List.of("X-None"), false));
        // A last field without line end still ends its line in the answer.
        assertEquals("A: 1\r\n\r\n", HeaderAndBody.of("A: 1").fields(List.of("a"), false));
    }
}
