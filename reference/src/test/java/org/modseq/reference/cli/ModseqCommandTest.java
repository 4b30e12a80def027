package org.modseq.reference.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modseq.model.server.ServerChoices;

class ModseqCommandTest {

    private static List<String> transcript(ServerChoices choices) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TranscriptCommand.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), choices);
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void transcriptShowsTheResyncOfTheDemo() throws Exception {
        List<String> lines = transcript(ServerChoices.RFC_DEFAULTS);
        // B's expunge of UID 3 reaches A as VANISHED during its UID STORE (R81, R87) ...
        assertTrue(lines.contains("A: S: * VANISHED 3"), String.join("\n", lines));
        // ... and C's QRESYNC select from mod-sequence 4 reports it and B's flag change (R69, R78).
        int select = lines.indexOf("C: C: c3 SELECT INBOX (QRESYNC (1 4 1:3))");
        List<String> answer = lines.subList(select, lines.size());
        assertTrue(answer.contains("C: S: * VANISHED (EARLIER) 3"), String.join("\n", answer));
        assertTrue(answer.contains("C: S: * 2 FETCH (UID 2 FLAGS (\\Flagged) MODSEQ (5))"), String.join("\n", answer));
        assertEquals("C: S: c3 OK [READ-WRITE] SELECT completed", lines.get(lines.size() - 1));
    }

    @Test
    void hardestChoicesHoldBackTheExpungeUntilNoop() throws Exception {
        List<String> lines = transcript(ServerChoices.HARDEST_ON_CLIENTS);
        int noop = lines.indexOf("A: C: a8 NOOP");
        assertEquals("A: S: * VANISHED 3", lines.get(noop + 1), String.join("\n", lines));
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, ModseqCommand.run("--no-such-option"));
        assertEquals(0, ModseqCommand.run("--version"));
    }
}
