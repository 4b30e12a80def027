package org.modseq.properties.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.modseq.model.command.Command;
import org.modseq.model.command.FetchItem;
import org.modseq.model.command.SelectParameter;
import org.modseq.model.command.StatusItem;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.mailbox.UidValidity;
import org.modseq.model.response.FetchAttribute;
import org.modseq.model.response.Response;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.set.SequenceSet;
import org.modseq.model.wire.ResponseParser;
import org.modseq.model.wire.ResponseSyntaxException;
import org.modseq.properties.sessions.ServerSessions;

/**
 * Reads a mailbox's true state through a session of its own, as any client could: EXAMINE with
 * CONDSTORE, {@code UID FETCH 1:* (FLAGS MODSEQ)}, UNSELECT, then STATUS. It changes nothing
 * (EXAMINE is read-only and sets no {@code \Seen}) and leaves no mailbox selected, so other
 * sessions may still delete the mailbox. It also answers one question when a report needs it:
 * does the server count a UID's expunge as later than a mod-sequence?
 */
public final class ServerTruth implements ConvergenceCheck.ExpungeWitness {

    private final ServerSessions sessions;
    private final String sessionId;
    private final Account account;
    private final String mailbox;
    private final Set<String> capabilities = new HashSet<>();
    private boolean loggedIn;
    private boolean qresync;
    private int tags;

    public ServerTruth(ServerSessions sessions, String sessionId, Account account, String mailbox) {
        this.sessions = sessions;
        this.sessionId = sessionId;
        this.account = account;
        this.mailbox = mailbox;
    }

    /** The mailbox as it is now. */
    public MailboxSnapshot read() {
        logInOnce();
        boolean condstore = capabilities.contains("CONDSTORE") || capabilities.contains("QRESYNC");
        Answer examine = exchange(new Command.Select(mailbox, true,
                condstore ? Optional.of(new SelectParameter.Condstore()) : Optional.empty()));
        UidValidity uidValidity = null;
        ModSeq highest = null;
        for (Response r : examine.responses()) {
            if (r instanceof Response.Status s && s.code().isPresent()) {
                switch (s.code().get()) {
                    case ResponseCode.UidValidityCode u -> uidValidity = u.uidValidity();
                    case ResponseCode.HighestModSeq h -> highest = h.modSeq();
                    default -> {
                    }
                }
            }
        }
        if (uidValidity == null) {
            throw new AssertionError("EXAMINE " + mailbox + " succeeded without an OK [UIDVALIDITY] response"
                    + " (RFC 3501 section 6.3.2 requires one)");
        }
        List<FetchItem> items = condstore ? List.of(FetchItem.FLAGS, FetchItem.MODSEQ) : List.of(FetchItem.FLAGS);
        Answer fetch = exchange(new Command.Fetch(true, SequenceSet.parse("1:*"), items, Optional.empty(), false));
        TreeMap<Uid, MailboxSnapshot.MessageState> messages = new TreeMap<>();
        for (Response r : fetch.responses()) {
            if (r instanceof Response.Fetch f) {
                Optional<Uid> uid = f.attribute(FetchAttribute.UidAttribute.class).map(FetchAttribute.UidAttribute::uid);
                Optional<Set<Flag>> flags = f.attribute(FetchAttribute.Flags.class).map(FetchAttribute.Flags::flags);
                if (uid.isPresent() && flags.isPresent()) {
                    messages.put(uid.get(), new MailboxSnapshot.MessageState(flags.get(),
                            f.attribute(FetchAttribute.ModSeqAttribute.class).map(FetchAttribute.ModSeqAttribute::modSeq)));
                }
            }
        }
        leave();
        List<StatusItem> statusItems = condstore ? List.of(StatusItem.MESSAGES, StatusItem.HIGHESTMODSEQ)
                : List.of(StatusItem.MESSAGES);
        Answer status = exchange(new Command.Status(mailbox, statusItems));
        long statusHighest = 0;
        long statusMessages = -1;
        for (Response r : status.responses()) {
            if (r instanceof Response.StatusData data) {
                for (Response.StatusData.Item item : data.items()) {
                    switch (item.name().toUpperCase(Locale.ROOT)) {
                        case "HIGHESTMODSEQ" -> statusHighest = item.value();
                        case "MESSAGES" -> statusMessages = item.value();
                        default -> {
                        }
                    }
                }
            }
        }
        return new MailboxSnapshot(uidValidity, Optional.ofNullable(highest), statusHighest, statusMessages, messages);
    }

    /**
     * {@code UID FETCH uid (FLAGS) (CHANGEDSINCE since VANISHED)} (R78): whether the server names
     * {@code uid} in VANISHED (EARLIER), that is, counts its expunge as later than {@code since}
     * or below what it remembers (R80). Empty when the server has no QRESYNC to ask with.
     */
    @Override
    public Optional<Boolean> expungedSince(Uid uid, ModSeq since) {
        logInOnce();
        if (!qresync) {
            return Optional.empty();
        }
        exchange(new Command.Select(mailbox, true, Optional.empty()));
        Answer answer = exchange(new Command.Fetch(true, SequenceSet.of(uid.value()), List.of(FetchItem.FLAGS),
                Optional.of(since), true));
        leave();
        return Optional.of(answer.responses().stream().anyMatch(r -> r instanceof Response.Vanished v && v.earlier()
                && v.uids().contains(uid.value())));
    }

    private void logInOnce() {
        if (loggedIn) {
            return;
        }
        sessions.connect(sessionId);
        exchange(new Command.Login(account.user(), account.password()));
        for (Response r : exchange(new Command.Capability()).responses()) {
            if (r instanceof Response.CapabilityData data) {
                data.capabilities().forEach(c -> capabilities.add(c.toUpperCase(Locale.ROOT)));
            }
        }
        if (capabilities.contains("QRESYNC")) {
            qresync = exchange(new Command.Enable(List.of("QRESYNC"))).responses().stream()
                    .anyMatch(r -> r instanceof Response.Enabled e && e.capabilities().stream()
                            .anyMatch(c -> c.equalsIgnoreCase("QRESYNC")));
        }
        loggedIn = true;
    }

    /** UNSELECT, or CLOSE where it is missing: CLOSE after EXAMINE expunges nothing (RFC 3501 §6.4.2). */
    private void leave() {
        exchange(capabilities.contains("UNSELECT") ? new Command.Unselect() : new Command.Close());
    }

    private record Answer(List<Response> responses) {
    }

    /** Sends one command; anything but OK means the server refuses what any server must answer. */
    private Answer exchange(Command command) {
        String tag = "t" + ++tags;
        List<Response> responses = new ArrayList<>();
        for (String line : sessions.send(sessionId, tag, command)) {
            try {
                responses.add(ResponseParser.parse(line));
            } catch (ResponseSyntaxException e) {
                throw new AssertionError("the server's response to " + command.toWire() + " breaks the grammar: "
                        + line + "\n  " + e.getMessage(), e);
            }
        }
        if (responses.isEmpty() || !(responses.getLast() instanceof Response.Status s)
                || s.condition() != Response.Condition.OK) {
            throw new AssertionError("the server did not accept " + command.toWire() + " from the session that"
                    + " reads its state: " + (responses.isEmpty() ? "no response" : responses.getLast().toWire()));
        }
        return new Answer(responses);
    }
}
