package org.modseq.properties.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.modseq.model.command.Command;
import org.modseq.model.judge.Event;
import org.modseq.model.judge.Rule;
import org.modseq.model.judge.Violation;
import org.modseq.model.rfc.Requirement;
import org.w3c.dom.Element;

/**
 * The JSON and JUnit XML reports stay well-formed whatever a server sends: quotes, backslashes,
 * CRLF inside literals, NUL and other control characters, octets above 127.
 */
class ReportFormatsTest {

    private static final String NASTY = "* 1 FETCH (BODY[] {9}\r\n\"a\\\u0000\u0007\u00e9\u00ff)";

    private static CheckReport.Fails fails() {
        List<Event> transcript = List.of(new Event.Connect("A", List.of("* OK ready")),
                new Event.Exchange("A", "t1", new Command.Noop(), List.of(NASTY, "t1 OK done")),
                new Event.Drop("A"));
        Violation violation = new Violation(1, "A", "t1 NOOP", 0, NASTY, Rule.of(Requirement.parse("R78")),
                "reason with \"quotes\" and \u0001");
        return new CheckReport.Fails("host:1", 0x1234L, 3, new Finding.Violated(violation), transcript, 9, 3, 50,
                Duration.ofMillis(1500), List.of(known()));
    }

    private static KnownDeviation known() {
        List<Event> transcript = List.of(new Event.Connect("B", List.of("* OK ready")),
                new Event.Exchange("B", "t1", new Command.Noop(), List.of("* 1 FETCH (FLAGS ())", "t1 OK done")));
        return new KnownDeviation("R16", 2, 0x99L, new Finding.Violated(new Violation(1, "B", "t1 NOOP", 0,
                "* 1 FETCH (FLAGS ())", Rule.of(Requirement.parse("R16")), "no MODSEQ")), transcript);
    }

    @Test
    void jsonHoldsEveryLineAsSent() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.of(fails(), Optional.of("modseq-check --seed 0x1234")));
        assertEquals(false, json.get("conforms").asBoolean());
        assertEquals("0x0000000000001234", json.get("seed").asText());
        assertEquals("R78", json.get("finding").get("kind").asText());
        assertEquals(NASTY, json.get("finding").get("violation").get("lineText").asText());
        assertEquals(NASTY, json.get("transcript").get(1).get("lines").get(0).asText());
        assertEquals("drop", json.get("transcript").get(2).get("type").asText());
        assertEquals("modseq-check --seed 0x1234", json.get("replay").asText());
        assertEquals("R16", json.get("known").get(0).get("rule").asText());
        assertEquals(2, json.get("known").get(0).get("scenarios").asInt());
        assertEquals("* 1 FETCH (FLAGS ())", json.get("known").get(0).get("finding").get("violation").get("lineText").asText());
        assertEquals(2, json.get("known").get(0).get("transcript").size());
        JsonNode passed = new ObjectMapper().readTree(JsonReport.of(new CheckReport.Conforms("h", 7, 5, 100,
                Duration.ofSeconds(2), List.of()), Optional.empty()));
        assertTrue(passed.get("conforms").asBoolean());
        assertEquals(100, passed.get("steps").asInt());
        assertEquals(0, passed.get("known").size());
    }

    @Test
    void junitXmlParsesWithTheRuleAsFailureType() throws Exception {
        String xml = JunitReport.of(fails(), Optional.of("modseq-check --seed 0x1234"));
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertEquals("1", suite.getAttribute("failures"));
        Element failure = (Element) suite.getElementsByTagName("failure").item(0);
        assertEquals("R78", failure.getAttribute("type"));
        assertTrue(failure.getAttribute("message").startsWith("R78 (RFC 7162 "), failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("\\x00\\x07\u00e9\u00ff"), failure.getTextContent());
        assertTrue(failure.getTextContent().contains("Replay: modseq-check --seed 0x1234"));
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("skipped"));
        Element skipped = (Element) suite.getElementsByTagName("skipped").item(0);
        assertTrue(skipped.getAttribute("message").startsWith("R16 (RFC 7162 "), skipped.getAttribute("message"));
        assertTrue(skipped.getTextContent().contains("B: S: * 1 FETCH (FLAGS ())"), skipped.getTextContent());
    }
}
