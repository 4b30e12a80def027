package org.modseq.properties.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.modseq.model.command.Command;
import org.modseq.model.command.SelectParameter;
import org.modseq.model.mailbox.Mailbox;

/**
 * The UIDVALIDITY the server gave each mailbox, learnt from what it said, so that a QRESYNC
 * resync can name it. The model guiding the scenario numbers its mailboxes from 1, a real
 * server as it likes (Dovecot takes the time; the reference counts across scenarios): a
 * QRESYNC parameter drawn from the model would never match, and the server would rightly
 * resync nothing (R67). So the checker sends the server's value where the model's was drawn,
 * and the server's value plus one where the generator meant a mismatch.
 */
final class ServerUidValidities {

    /** {@code * OK [UIDVALIDITY n] ...} of SELECT and EXAMINE (RFC 3501 §7.1). */
    private static final Pattern SELECTED = Pattern.compile("^\\* OK \\[UIDVALIDITY (\\d+)]", Pattern.CASE_INSENSITIVE);
    /** {@code * STATUS name (... UIDVALIDITY n ...)} (RFC 3501 §7.2.4). */
    private static final Pattern STATUS = Pattern.compile("^\\* STATUS .*[( ]UIDVALIDITY (\\d+)[ )]",
            Pattern.CASE_INSENSITIVE);

    /** Namespace and mailbox name to the UIDVALIDITY last reported. */
    private final Map<String, Long> known = new HashMap<>();

    /** Learns from the answer to {@code command} in {@code namespace} (a user, or "" for shared mailboxes). */
    void learn(String namespace, Command command, List<String> lines) {
        boolean ok = UnjudgedSession.taggedOk(lines);
        switch (command) {
            case Command.Select s -> learnFrom(namespace, s.mailbox(), lines, SELECTED);
            case Command.Status s -> learnFrom(namespace, s.mailbox(), lines, STATUS);
            case Command.Delete d when ok -> known.remove(key(namespace, d.mailbox()));
            case Command.Rename r when ok -> {
                Long value = known.remove(key(namespace, r.from()));
                if (value != null) {
                    known.put(key(namespace, r.to()), value);
                } else {
                    known.remove(key(namespace, r.to()));
                }
            }
            default -> {
            }
        }
    }

    private void learnFrom(String namespace, String mailbox, List<String> lines, Pattern pattern) {
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                try {
                    known.put(key(namespace, mailbox), Long.parseLong(m.group(1)));
                } catch (NumberFormatException e) {
                    // Out of range: the judge says what is wrong with it; nothing to learn.
                }
            }
        }
    }

    /**
     * {@code command} as the server should get it: a SELECT or EXAMINE with QRESYNC whose
     * UIDVALIDITY was drawn from {@code guideMailbox} carries the server's instead. Every other
     * command is sent as drawn.
     */
    Command forServer(String namespace, Command command, Optional<Mailbox> guideMailbox) {
        if (!(command instanceof Command.Select select)
                || !(select.parameter().orElse(null) instanceof SelectParameter.Qresync qresync)
                || guideMailbox.isEmpty()) {
            return command;
        }
        Long server = known.get(key(namespace, select.mailbox()));
        long guide = guideMailbox.get().uidValidity().value();
        if (server == null || qresync.uidValidity() != guide && qresync.uidValidity() != guide + 1) {
            return command;
        }
        // UIDVALIDITY is a 32-bit nz-number (RFC 3501 §9): a mismatch below the highest one.
        long value = qresync.uidValidity() == guide ? server : server < 0xFFFF_FFFFL ? server + 1 : server - 1;
        return new Command.Select(select.mailbox(), select.readOnly(), Optional.of(new SelectParameter.Qresync(
                value, qresync.modSeq(), qresync.knownUids(), qresync.seqMatch())));
    }

    private static String key(String namespace, String mailbox) {
        return namespace + "\0" + (mailbox.equalsIgnoreCase("INBOX") ? "INBOX" : mailbox);
    }
}
