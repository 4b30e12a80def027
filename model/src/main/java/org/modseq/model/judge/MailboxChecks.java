package org.modseq.model.judge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.modseq.model.command.Command;
import org.modseq.model.command.StatusItem;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.InternalDate;
import org.modseq.model.mailbox.Message;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.response.Response;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.rfc.Requirement;
import org.modseq.model.server.ServerState;
import org.modseq.model.server.Targets;
import org.modseq.model.set.SequenceSet;

/** Commands on whole mailboxes: STATUS (R57), APPEND (R7), CREATE, DELETE, RENAME, COPY and MOVE (R7, R95). */
final class MailboxChecks {

    private MailboxChecks() {
    }

    /** RFC 3501 §2.3.1.1: UIDVALIDITY stays, and a recreated mailbox's is greater. */
    static void uidValidity(Answer a, int line, MailboxTruth mailbox, long value) {
        if (mailbox.uidValidity == 0) {
            if (mailbox.previousUidValidity != 0 && value <= mailbox.previousUidValidity) {
                throw a.fail(Rule.rfc("RFC 3501 §2.3.1.1"), line, "UIDVALIDITY " + value + " of a recreated " + mailbox.name
                        + " must be greater than the former mailbox's " + mailbox.previousUidValidity);
            }
            mailbox.uidValidity = value;
        } else if (value != mailbox.uidValidity) {
            throw a.fail(Rule.rfc("RFC 3501 §2.3.1.1"), line, "UIDVALIDITY of " + mailbox.name + " changed from "
                    + mailbox.uidValidity + " to " + value);
        }
    }

    /** RFC 3501 §2.3.1.1: UIDNEXT is above every UID assigned and changes only when messages arrive. */
    static void uidNext(Answer a, int line, MailboxTruth mailbox, long value) {
        if (value <= mailbox.highestUid) {
            throw a.fail(Rule.rfc("RFC 3501 §2.3.1.1"), line, "UIDNEXT " + value + " of " + mailbox.name + ", but UID "
                    + mailbox.highestUid + " was assigned already");
        }
        if (mailbox.uidNextReported != 0 && !mailbox.arrivedSinceUidNext && value != mailbox.uidNextReported) {
            throw a.fail(Rule.rfc("RFC 3501 §2.3.1.1"), line, "UIDNEXT of " + mailbox.name + " changed from "
                    + mailbox.uidNextReported + " to " + value + " though no message arrived");
        }
        mailbox.uidNextReported = value;
        mailbox.arrivedSinceUidNext = false;
    }

    /** The mailbox a successful command shows to exist; unknown ones are known from now on, their content not. */
    static MailboxTruth existing(Answer a, String name) {
        MailboxTruth mailbox = a.k.mailbox(a.user(), name);
        if (mailbox != null) {
            mailbox.declaredOnly = false;
        }
        if (mailbox == null && a.k.formerUidValidity.containsKey(a.k.key(a.user(), name))) {
            throw a.fail(Rule.rfc("RFC 3501 §6.3.4"), a.taggedLine(), name + " was deleted and not created again, yet "
                    + UpdateChecks.verb(a.command()) + " succeeded on it");
        }
        if (mailbox == null) {
            mailbox = new MailboxTruth(ServerState.mailboxName(name), false);
            a.k.mailboxes.put(a.k.key(a.user(), name), mailbox);
        }
        return mailbox;
    }

    /**
     * STATUS (RFC 3501 §6.3.10): the items asked for, true of the mailbox; HIGHESTMODSEQ is the
     * value SELECT would report, or 0 for a mailbox without persistent mod-sequences (R57).
     */
    static void status(Answer a, Command.Status command) {
        MailboxTruth mailbox = a.ok() ? existing(a, command.mailbox()) : a.k.mailbox(a.user(), command.mailbox());
        if (mailbox != null && command.items().contains(StatusItem.HIGHESTMODSEQ)) {
            a.refuseBadForValid(Requirement.R57, "STATUS HIGHESTMODSEQ of an existing mailbox");
        }
        boolean[] answered = {false};
        UpdateChecks.walk(a, UpdateChecks.Shape.plain().with((line, r) -> {
            if (r instanceof Response.StatusData data
                    && ServerState.mailboxName(data.mailbox()).equals(ServerState.mailboxName(command.mailbox()))) {
                answered[0] = true;
                if (mailbox != null) {
                    statusItems(a, command, mailbox, line, data);
                }
                return true;
            }
            return false;
        }));
        if (a.ok() && !answered[0]) {
            throw a.fail(Rule.rfc("RFC 3501 §6.3.10"), a.taggedLine(), "STATUS completed without a STATUS response for "
                    + command.mailbox());
        }
    }

    private static void statusItems(Answer a, Command.Status command, MailboxTruth mailbox, int line,
            Response.StatusData data) {
        for (StatusItem item : command.items()) {
            Response.StatusData.Item found = data.items().stream().filter(i -> i.name().equals(item.name())).findFirst()
                    .orElseThrow(() -> a.fail(item == StatusItem.HIGHESTMODSEQ ? Rule.of(Requirement.R57)
                            : Rule.rfc("RFC 3501 §6.3.10"), line, "STATUS leaves out " + item + ", which was asked for"));
            long value = found.value();
            switch (item) {
                case MESSAGES -> {
                    if (mailbox.complete && value != mailbox.live.size()) {
                        throw a.fail(Rule.rfc("RFC 3501 §6.3.10"), line, "STATUS MESSAGES " + value + ", but " + mailbox.name
                                + " holds " + mailbox.live.size());
                    }
                }
                case UNSEEN -> {
                    long unseen = mailbox.live.values().stream().filter(m -> !m.flags(a.user()).contains(Flag.SEEN)).count();
                    if (mailbox.complete && value != unseen) {
                        throw a.fail(Rule.rfc("RFC 3501 §6.3.10"), line, "STATUS UNSEEN " + value + ", but " + unseen
                                + " messages of " + mailbox.name + " lack \\Seen");
                    }
                }
                case UIDNEXT -> uidNext(a, line, mailbox, value);
                case UIDVALIDITY -> uidValidity(a, line, mailbox, value);
                case RECENT -> {
                    // \Recent is session-bound and outside RFC 7162.
                }
                case HIGHESTMODSEQ -> {
                    if (value == 0) {
                        if (Boolean.FALSE.equals(mailbox.noModSeq)) {
                            throw a.fail(Requirement.R57, line, "STATUS HIGHESTMODSEQ 0 for " + mailbox.name
                                    + ", which keeps mod-sequences: 0 is only for a mailbox without them");
                        }
                        mailbox.noModSeq = true;
                    } else {
                        if (Boolean.TRUE.equals(mailbox.noModSeq)) {
                            throw a.fail(Requirement.R57, line, "STATUS HIGHESTMODSEQ " + value + " for " + mailbox.name
                                    + ", which has no persistent mod-sequences: it must be 0");
                        }
                        mailbox.noModSeq = false;
                        ModSeqChecks.trueHighest(a, line, mailbox, value, Rule.of(Requirement.R57));
                    }
                }
            }
        }
    }

    /** Splits flags into those kept for everyone and those kept for the user (R8, R9). */
    private static Set<Flag> shared(Answer a, Set<Flag> flags) {
        Set<Flag> out = new HashSet<>(flags);
        out.remove(Flag.RECENT);
        if (a.k.setup.sharedMailboxes()) {
            out.removeAll(a.k.setup.privateFlags());
        }
        return out;
    }

    private static Set<Flag> own(Answer a, Set<Flag> flags) {
        Set<Flag> out = new HashSet<>(flags);
        out.remove(Flag.RECENT);
        if (!a.k.setup.sharedMailboxes()) {
            return Set.of();
        }
        out.retainAll(a.k.setup.privateFlags());
        return out;
    }

    /** A new message's UID must be above every one assigned and at least the reported UIDNEXT (RFC 3501 §2.3.1.1). */
    private static void newUid(Answer a, int line, MailboxTruth mailbox, long uid) {
        if (uid <= mailbox.highestUid || uid < mailbox.uidNextReported) {
            throw a.fail(Rule.rfc("RFC 3501 §2.3.1.1"), line, "new UID " + uid + " in " + mailbox.name
                    + ", but UIDs must ascend: " + Math.max(mailbox.highestUid + 1, mailbox.uidNextReported)
                    + " is the least it can be");
        }
    }

    private static int arrival(Answer a, MailboxTruth mailbox, long uid) {
        return a.change(mailbox, null, "the arrival of UID " + uid + " in " + mailbox.name, Rule.of(Requirement.R7));
    }

    /** APPEND: a message with a new UID (APPENDUID, RFC 4315) and a mod-sequence above all in the mailbox (R7). */
    static void append(Answer a, Command.Append command) {
        if (a.ok()) {
            MailboxTruth mailbox = existing(a, command.mailbox());
            ResponseCode.AppendUid code = a.taggedCode().orElse(null) instanceof ResponseCode.AppendUid u ? u : null;
            if (code == null) {
                mailbox.complete = false; // without UIDPLUS the judge cannot know the new message
            } else {
                uidValidity(a, a.taggedLine(), mailbox, code.uidValidity().value());
                long uid = code.uid().value();
                newUid(a, a.taggedLine(), mailbox, uid);
                int var = arrival(a, mailbox, uid);
                Message m = Message.added(Uid.of(uid), ModSeq.of(var), shared(a, command.flags()), a.user(),
                        own(a, command.flags()), command.content(), command.date().orElse(InternalDate.EPOCH));
                mailbox.add(new LiveMessage(m, List.of(), command.content()));
            }
        }
        UpdateChecks.walk(a, UpdateChecks.Shape.plain());
    }

    /** CREATE (RFC 3501 §6.3.3): a new, empty mailbox, whose UIDVALIDITY exceeds any former one's of the name. */
    static void create(Answer a, Command.Create command) {
        UpdateChecks.walk(a, UpdateChecks.Shape.plain());
        if (!a.ok()) {
            return;
        }
        // RFC 3501 §6.3.3: a trailing hierarchy delimiter only says that names will go below it.
        String name = command.mailbox().endsWith("/") && command.mailbox().length() > 1
                ? command.mailbox().substring(0, command.mailbox().length() - 1) : command.mailbox();
        String key = a.k.key(a.user(), name);
        MailboxTruth existing = a.k.mailboxes.get(key);
        boolean declaration = !name.equals(command.mailbox());
        if (existing != null && !(existing.declaredOnly && !declaration) || ServerState.mailboxName(name).equals("INBOX")) {
            throw a.fail(Rule.rfc("RFC 3501 §6.3.3"), a.taggedLine(), "CREATE of " + command.mailbox()
                    + ", which exists: it must fail");
        }
        MailboxTruth created = new MailboxTruth(ServerState.mailboxName(name), true);
        created.previousUidValidity = existing != null ? existing.previousUidValidity
                : a.k.formerUidValidity.getOrDefault(key, 0L);
        // "Server implementations that do not require this declaration MUST ignore the
        // declaration" (§6.3.3): the mailbox may or may not exist until something shows it.
        created.declaredOnly = declaration;
        a.k.mailboxes.put(key, created);
    }

    /** DELETE (RFC 3501 §6.3.4): INBOX cannot be deleted. */
    static void delete(Answer a, Command.Delete command) {
        UpdateChecks.walk(a, UpdateChecks.Shape.plain());
        if (!a.ok()) {
            return;
        }
        if (ServerState.mailboxName(command.mailbox()).equals("INBOX")) {
            throw a.fail(Rule.rfc("RFC 3501 §6.3.4"), a.taggedLine(), "DELETE of INBOX must fail");
        }
        String key = a.k.key(a.user(), command.mailbox());
        MailboxTruth gone = a.k.mailboxes.remove(key);
        if (gone != null) {
            a.k.formerUidValidity.put(key, Math.max(gone.uidValidity, gone.previousUidValidity));
        }
        blindViewsOf(a, key);
    }

    /** Views of a mailbox deleted or renamed under them: what the server does then is not judged. */
    private static void blindViewsOf(Answer a, String key) {
        for (Client c : a.k.clients.values()) {
            if (c.view != null && c.view.mailbox().equals(key)) {
                ClientView v = c.view;
                c.view = new ClientView(v.mailbox(), v.readOnly(), v.noModSeqGiven(), v.slots(), v.told(), v.announcedUpTo(),
                        true);
            }
        }
    }

    /** RENAME (RFC 3501 §6.3.5): the mailbox keeps its content and UIDVALIDITY; renaming INBOX moves its messages. */
    static void rename(Answer a, Command.Rename command) {
        UpdateChecks.walk(a, UpdateChecks.Shape.plain());
        if (!a.ok()) {
            return;
        }
        String from = a.k.key(a.user(), command.from());
        String to = a.k.key(a.user(), command.to());
        MailboxTruth moved = a.k.mailboxes.remove(from);
        blindViewsOf(a, from);
        if (moved != null) {
            a.k.formerUidValidity.put(from, Math.max(moved.uidValidity, moved.previousUidValidity));
        }
        a.k.formerUidValidity.remove(to);
        MailboxTruth renamed = new MailboxTruth(ServerState.mailboxName(command.to()), false);
        if (moved != null && !ServerState.mailboxName(command.from()).equals("INBOX")) {
            renamed = moved.copy();
        }
        a.k.mailboxes.put(to, renamed);
        if (ServerState.mailboxName(command.from()).equals("INBOX")) {
            a.k.mailboxes.put(from, new MailboxTruth("INBOX", false));
            return;
        }
        // RFC 3501 §6.3.5: the names below the renamed one move with it.
        String below = from + "/";
        for (String key : List.copyOf(a.k.mailboxes.keySet())) {
            if (key.startsWith(below)) {
                String newKey = to + key.substring(from.length());
                MailboxTruth child = a.k.mailboxes.remove(key);
                blindViewsOf(a, key);
                a.k.formerUidValidity.put(key, Math.max(child.uidValidity, child.previousUidValidity));
                a.k.formerUidValidity.remove(newKey);
                MailboxTruth copy = child.copy();
                a.k.mailboxes.put(newKey, copy);
            }
        }
    }

    /**
     * COPY and MOVE (RFC 3501 §6.4.7, RFC 6851, RFC 4315): each copy is a new message with a new
     * UID and a mod-sequence above all in the target (R7); MOVE expunges the originals with a new
     * mod-sequence (R95) and reports them expunged before its tagged OK (RFC 6851 §3.3).
     */
    static void copy(Answer a, boolean byUid, SequenceSet set, String target, boolean move) {
        ClientView view = a.view();
        MailboxTruth source = a.selected();
        String verb = (byUid ? "UID " : "") + (move ? "MOVE" : "COPY");
        Targets targets = view.blind() ? null : view.targets(byUid, set);
        if (!view.blind() && targets == null && a.ok()) {
            throw a.fail(Rule.rfc("RFC 3501 §9"), a.taggedLine(), verb + " names a message number beyond the "
                    + view.exists() + " messages the client knows of, yet succeeded");
        }
        List<Long> moved = new ArrayList<>();
        boolean nothingNamed = targets != null && targets.targets().isEmpty();
        if (a.ok() && nothingNamed && a.k.mailbox(a.user(), target) == null && a.codeLine(ResponseCode.CopyUid.class) < 0
                && !(a.taggedCode().orElse(null) instanceof ResponseCode.CopyUid)) {
            // Nothing to copy: RFC 3501 §6.4.7 (and RFC 6851 §3.1) make an error for a missing
            // destination a SHOULD, so OK that copied nothing says nothing of the destination.
            UpdateChecks.walk(a, UpdateChecks.Shape.plain());
            return;
        }
        if (a.ok()) {
            MailboxTruth destination = existing(a, target);
            int copyUidLine = a.codeLine(ResponseCode.CopyUid.class);
            ResponseCode.CopyUid code = a.taggedCode().orElse(null) instanceof ResponseCode.CopyUid c ? c
                    : copyUidLine >= 0 ? (ResponseCode.CopyUid) ((Response.Status) a.responses.get(copyUidLine)).code()
                            .orElseThrow() : null;
            int line = a.taggedCode().orElse(null) instanceof ResponseCode.CopyUid ? a.taggedLine() : copyUidLine;
            List<LiveMessage> originals = new ArrayList<>();
            if (targets != null && source != null && source.complete) {
                for (Targets.Target t : targets.targets()) {
                    LiveMessage m = source.live.get(t.uid().value());
                    if (m != null) {
                        originals.add(m);
                    }
                }
            }
            if (code == null) {
                if (targets == null || !originals.isEmpty()) {
                    destination.complete = false;
                }
            } else if (targets == null || source == null || !source.complete) {
                destination.complete = false;
            } else {
                copies(a, line, destination, code, originals, targets);
            }
            if (move) {
                for (LiveMessage m : originals) {
                    moved.add(m.uid());
                }
                removeMoved(a, source, moved);
            }
        }
        UpdateChecks.walk(a, UpdateChecks.Shape.plain());
        if (move && a.ok() && a.view() != null) {
            for (long uid : moved) {
                if (a.view().numberOf(uid) > 0) {
                    throw a.fail(Requirement.R95, a.taggedLine(), "MOVE moved UID " + uid + " but did not report it "
                            + "expunged (EXPUNGE, or VANISHED after ENABLE QRESYNC) before its tagged OK (RFC 6851 §3.3)");
                }
            }
            boolean highest = a.codeLine(ResponseCode.HighestModSeq.class) >= 0
                    || a.taggedCode().filter(ResponseCode.HighestModSeq.class::isInstance).isPresent();
            if (!moved.isEmpty() && a.client.qresync && source.hasModSeqs() && !view.noModSeqGiven() && !highest) {
                throw a.fail(Rule.rfc("RFC 6851 §4.4"), a.taggedLine(), "MOVE moved messages: after ENABLE QRESYNC it "
                        + "reports the new HIGHESTMODSEQ in the tagged or an untagged OK");
            }
        }
    }

    /** RFC 4315 §3: COPYUID pairs the copied UIDs with the new ones in order. */
    private static void copies(Answer a, int line, MailboxTruth destination, ResponseCode.CopyUid code,
            List<LiveMessage> originals, Targets targets) {
        uidValidity(a, line, destination, code.uidValidity().value());
        Set<Long> named = new HashSet<>();
        targets.targets().forEach(t -> named.add(t.uid().value()));
        for (long uid : code.source()) {
            if (!named.contains(uid)) {
                throw a.fail(Rule.rfc("RFC 4315 §3"), line, "COPYUID names source UID " + uid + ", which the command did not name");
            }
        }
        for (LiveMessage m : originals) {
            if (!code.source().contains(m.uid())) {
                throw a.fail(Rule.rfc("RFC 4315 §3"), line, "COPYUID leaves out UID " + m.uid() + ", which was copied");
            }
        }
        if (code.source().size() != originals.size()) {
            destination.complete = false; // an expunged message was copied too: its flags are unknown
            return;
        }
        Iterator<Long> newUids = code.destination().iterator();
        for (LiveMessage m : originals) {
            long uid = newUids.next();
            newUid(a, line, destination, uid);
            int var = arrival(a, destination, uid);
            destination.add(new LiveMessage(m.message().copiedAs(Uid.of(uid), ModSeq.of(var)), List.of(), m.content()));
        }
    }

    /** R95: MOVE's removals are expunges with a mod-sequence of their own. */
    private static void removeMoved(Answer a, MailboxTruth source, List<Long> moved) {
        for (long uid : moved) {
            int var = a.change(source, null, "the expunge of UID " + uid + " by MOVE", Rule.of(Requirement.R95));
            source.expunge(uid, var);
        }
    }
}
