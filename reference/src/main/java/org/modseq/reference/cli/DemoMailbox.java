package org.modseq.reference.cli;

import java.util.List;
import java.util.Set;
import org.modseq.model.command.Command;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.response.Response;
import org.modseq.reference.engine.Connection;
import org.modseq.reference.engine.ImapEngine;

/**
 * The demo account of {@code serve} and the five messages its INBOX starts with. They are
 * APPENDed through an ordinary {@link Connection}, as a client would, so that every engine gets
 * them the same way and their mod-sequences are the engine's own. With a namespace per account
 * only the demo's INBOX holds them; with a shared namespace every account sees them.
 */
public final class DemoMailbox {

    public static final String USER = "demo";
    public static final String PASSWORD = "demo";

    /** A sample message: RFC 5322 text with CRLF line ends, and the flags it is appended with. */
    record Sample(Set<Flag> flags, String text) {
    }

    static final List<Sample> SAMPLES = List.of(
            sample(Set.of(Flag.SEEN), "Alice Example <alice@example.org>", "Welcome to Modseq",
                    "Mon, 01 Jan 2024 09:00:00 +0000",
                    "This INBOX is served by the model of RFC 7162. Try FETCH 1:* (FLAGS MODSEQ)."),
            sample(Set.of(Flag.SEEN, Flag.ANSWERED), "Bob Example <bob@example.org>", "Lunch on Friday?",
                    "Tue, 02 Jan 2024 12:30:00 +0000",
                    "Shall we meet at noon? This one is \\Seen and \\Answered."),
            sample(Set.of(Flag.FLAGGED), "Carol Example <carol@example.org>", "Quarterly report",
                    "Wed, 03 Jan 2024 16:45:00 +0000",
                    "The report is due next week. This one is \\Flagged and unread."),
            sample(Set.of(), "Dave Example <dave@example.org>", "CONDSTORE in one line",
                    "Thu, 04 Jan 2024 08:15:00 +0000",
                    "STORE 4 (UNCHANGEDSINCE n) +FLAGS (\\Seen) fails if someone changed it after n."),
            sample(Set.of(Flag.SEEN, Flag.of("$Important")), "Erin Example <erin@example.org>",
                    "QRESYNC in one line", "Fri, 05 Jan 2024 18:00:00 +0000",
                    "SELECT INBOX (QRESYNC (uidvalidity modseq)) reports only what changed, VANISHED included."));

    private DemoMailbox() {
    }

    /**
     * Logs in as {@link #USER} and appends the samples to its INBOX.
     *
     * @throws IllegalStateException if the engine refuses any of it: the demo is broken, not the user's input
     */
    public static void fill(ImapEngine engine) {
        Connection connection = engine.open();
        try {
            expectOk(connection.execute("demo1", new Command.Login(USER, PASSWORD)));
            int n = 1;
            for (Sample sample : SAMPLES) {
                expectOk(connection.execute("demo" + ++n, new Command.Append("INBOX", sample.flags(), sample.text())));
            }
            expectOk(connection.execute("demo" + ++n, new Command.Logout()));
        } finally {
            if (!connection.isLoggedOut()) {
                connection.drop();
            }
        }
    }

    private static void expectOk(List<Response> responses) {
        Response last = responses.getLast();
        if (!(last instanceof Response.Status status && status.condition() == Response.Condition.OK)) {
            throw new IllegalStateException("the demo mailbox could not be set up: " + last.toWire());
        }
    }

    private static Sample sample(Set<Flag> flags, String from, String subject, String date, String body) {
        String text = "From: " + from + "\r\n"
                + "To: Demo User <demo@example.org>\r\n"
                + "Subject: " + subject + "\r\n"
                + "Date: " + date + "\r\n"
                + "\r\n"
                + body + "\r\n";
        return new Sample(flags, text);
    }
}
