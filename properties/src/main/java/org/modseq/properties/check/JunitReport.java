package org.modseq.properties.check;

import java.io.StringWriter;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.modseq.properties.engine.Settings;

/**
 * A check's report as JUnit XML, which CI systems (GitHub Actions reporters, GitLab, Jenkins) read:
 * one test suite with one test case for the run, failed with the finding as its message, the
 * finding's kind (the rule's ID) as its type, and the transcript and the replay command as its
 * text; and a skipped test case per known deviation met ({@code --known}). Written with the JDK's
 * StAX writer.
 */
public final class JunitReport {

    private JunitReport() {
    }

    /** The report as a JUnit XML document; {@code replay} is the command line that replays a failure. */
    public static String of(CheckReport report, Optional<String> replay) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            String time = String.format(Locale.ROOT, "%.3f", report.elapsed().toMillis() / 1000.0);
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "modseq-check " + clean(report.target()));
            xml.writeAttribute("tests", String.valueOf(1 + report.known().size()));
            xml.writeAttribute("failures", report.conforms() ? "0" : "1");
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", String.valueOf(report.known().size()));
            xml.writeAttribute("time", time);
            xml.writeCharacters("\n  ");
            xml.writeStartElement("properties");
            property(xml, "target", report.target());
            property(xml, "triesRun", String.valueOf(report.triesRun()));
            switch (report) {
                case CheckReport.Conforms c -> property(xml, "firstSeed", Settings.formatSeed(c.firstSeed()));
                case CheckReport.Fails f -> {
                    property(xml, "seed", f.seedText());
                    if (replay.isPresent()) {
                        property(xml, "replay", replay.get());
                    }
                }
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", "org.modseq.check");
            xml.writeAttribute("name", "RFC 7162 conformance of " + clean(report.target()) + " (" + report.triesRun()
                    + (report.triesRun() == 1 ? " scenario)" : " scenarios)"));
            xml.writeAttribute("time", time);
            if (report instanceof CheckReport.Fails f) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("failure");
                String message = f.violation().map(v -> v.rule() + ": " + v.reason()).orElse(f.finding().describe());
                xml.writeAttribute("message", clean(message));
                xml.writeAttribute("type", clean(f.finding().kind()));
                xml.writeCharacters(clean(f.finding().describe() + "\n\nMinimal scenario (seed " + f.seedText() + "):\n"
                        + f.transcriptText() + replay.map(r -> "\nReplay: " + r + "\n").orElse("")));
                xml.writeEndElement();
                xml.writeCharacters("\n  ");
            }
            xml.writeEndElement();
            for (KnownDeviation k : report.known()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", "org.modseq.check");
                xml.writeAttribute("name", "known deviation " + clean(k.rule()) + " of " + clean(report.target()));
                xml.writeCharacters("\n    ");
                xml.writeStartElement("skipped");
                String what = k.first() instanceof Finding.Violated v ? v.violation().rule() + ": " + v.violation().reason()
                        : k.first().describe();
                xml.writeAttribute("message", clean(what + " (ended "
                        + k.scenarios() + (k.scenarios() == 1 ? " scenario)" : " scenarios)")));
                xml.writeCharacters(clean(CheckCommand.knownText(k)));
                xml.writeEndElement();
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing JUnit XML to a string failed", e);
        }
        return text.toString();
    }

    /**
     * A check that could not run ({@link UnusableTargetException}): one test case in error, so
     * that CI shows why rather than a missing report.
     */
    public static String unusable(String target, String message) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "modseq-check " + clean(target));
            xml.writeAttribute("tests", "1");
            xml.writeAttribute("failures", "0");
            xml.writeAttribute("errors", "1");
            xml.writeAttribute("skipped", "0");
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", "org.modseq.check");
            xml.writeAttribute("name", "RFC 7162 conformance of " + clean(target));
            xml.writeCharacters("\n    ");
            xml.writeStartElement("error");
            xml.writeAttribute("message", clean(message));
            xml.writeAttribute("type", "unusable target");
            xml.writeEndElement();
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing JUnit XML to a string failed", e);
        }
        return text.toString();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value));
    }

    /**
     * Text XML 1.0 can hold (§2.2): a server may answer with any octet, and a control character
     * other than tab, CR and LF would make the document malformed, so it is shown as {@code \xNN}.
     */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xfffe || c == 0xffff) {
                out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
