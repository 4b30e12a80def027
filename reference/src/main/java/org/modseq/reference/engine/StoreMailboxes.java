package org.modseq.reference.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.modseq.model.command.Command;
import org.modseq.model.command.StatusItem;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.MailboxPattern;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.server.ServerState;
import org.modseq.model.set.NumberSet;
import org.modseq.model.set.SequenceSet;
import org.modseq.reference.store.MailboxStore;
import org.modseq.reference.store.SessionView;

/** Commands on whole mailboxes: STATUS, APPEND, CREATE, DELETE, RENAME, COPY, MOVE, and EXPUNGE. */
final class StoreMailboxes {

    private StoreMailboxes() {
    }

    /** STATUS, with HIGHESTMODSEQ: the SELECT value, or 0 without persistent mod-sequences (R57, X21). */
    static List<Response> status(StoreExchange ex, StoreSession session, Command.Status command) {
        MailboxStore mailbox = ex.engine.mailbox(session, command.mailbox());
        if (mailbox == null) {
            return ex.no(ResponseCode.Atom.NONEXISTENT, "No such mailbox");
        }
        if (command.items().contains(StatusItem.HIGHESTMODSEQ)) {
            StoreUpdates.enableCondstore(ex, session); // R15, R17
        }
        List<Response.StatusData.Item> items = new ArrayList<>();
        for (StatusItem item : command.items()) {
            long value = switch (item) {
                case MESSAGES -> mailbox.size();
                case RECENT -> 0;
                case UIDNEXT -> mailbox.uidNext();
                case UIDVALIDITY -> mailbox.uidValidity().value();
                case UNSEEN -> mailbox.unseenCount(session.user);
                case HIGHESTMODSEQ -> mailbox.persistentModSeqs() ? mailbox.highestModSeq() : 0;
            };
            items.add(new Response.StatusData.Item(item.name(), value));
        }
        ex.send(new Response.StatusData(mailbox.name(), items));
        return finish(ex, session, Condition.OK, null, "STATUS completed");
    }

    /**
     * APPEND: the next UID and a mod-sequence above every other in the mailbox (R7). The internal
     * date is the command's date-time, or the time the server received it (RFC 3501 §6.3.11).
     */
    static List<Response> append(StoreExchange ex, StoreSession session, Command.Append command) {
        if (command.flags().contains(Flag.RECENT)) {
            return ex.bad("\\Recent cannot be stored (RFC 3501 section 2.3.2)");
        }
        MailboxStore mailbox = ex.engine.mailbox(session, command.mailbox());
        if (mailbox == null) {
            return ex.no(ResponseCode.Atom.TRYCREATE, "No such mailbox");
        }
        if (mailbox.uidNext() > Uid.MAX.value()) {
            return ex.no(null, "UID space of this mailbox is exhausted");
        }
        if (!mailbox.hasModSeqsFor(1)) {
            return ex.modSeqsExhausted(); // R1, R7
        }
        long uid = mailbox.append(command.flags(), session.user, command.content().getBytes(StandardCharsets.ISO_8859_1),
                command.date().orElse(ex.environment.now()), mailbox.nextModSeq());
        return finish(ex, session, Condition.OK, new ResponseCode.AppendUid(mailbox.uidValidity(), Uid.of(uid)),
                "APPEND completed");
    }

    /** CREATE; a trailing delimiter only declares that names will go below, and is ignored (RFC 3501 §6.3.3). */
    static List<Response> create(StoreExchange ex, StoreSession session, Command.Create command) {
        String name = command.mailbox();
        while (!name.isEmpty() && name.charAt(name.length() - 1) == MailboxPattern.DELIMITER) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty()) {
            return ex.bad("Empty mailbox name");
        }
        if (ex.engine.mailbox(session, name) != null) {
            return ex.no(ResponseCode.Atom.ALREADYEXISTS, "Mailbox already exists");
        }
        // A recreated name gets a UIDVALIDITY never used before, and no old expunge state (R101).
        ex.engine.createMailbox(session, name);
        return finish(ex, session, Condition.OK, null, "CREATE completed");
    }

    /** DELETE; INBOX and mailboxes that any session has selected are refused. */
    static List<Response> delete(StoreExchange ex, StoreSession session, Command.Delete command) {
        String name = ServerState.mailboxName(command.mailbox());
        if (name.equals("INBOX")) {
            return ex.no(ResponseCode.Atom.CANNOT, "INBOX cannot be deleted");
        }
        MailboxStore mailbox = ex.engine.mailbox(session, name);
        if (mailbox == null) {
            return ex.no(ResponseCode.Atom.NONEXISTENT, "No such mailbox");
        }
        if (mailbox.isSelected()) {
            return ex.no(ResponseCode.Atom.INUSE, "Mailbox is selected");
        }
        ex.engine.deleteMailbox(session, name);
        return finish(ex, session, Condition.OK, null, "DELETE completed");
    }

    /**
     * RENAME keeps each mailbox's UIDVALIDITY and renames the names below it too (RFC 3501
     * §6.3.5); refused whole if any target exists or any mailbox is selected. INBOX is not
     * renamed here, and no mailbox goes below itself.
     */
    static List<Response> rename(StoreExchange ex, StoreSession session, Command.Rename command) {
        String from = ServerState.mailboxName(command.from());
        String to = ServerState.mailboxName(command.to());
        if (to.isEmpty()) {
            return ex.bad("Empty mailbox name");
        }
        if (from.equals("INBOX")) {
            return ex.no(ResponseCode.Atom.CANNOT, "This server does not rename INBOX");
        }
        if (ex.engine.mailbox(session, from) == null) {
            return ex.no(ResponseCode.Atom.NONEXISTENT, "No such mailbox");
        }
        String below = from + MailboxPattern.DELIMITER;
        if (to.startsWith(below)) {
            return ex.no(ResponseCode.Atom.CANNOT, "A mailbox cannot be renamed below itself");
        }
        List<MailboxStore> moving = new ArrayList<>();
        for (String name : ex.engine.mailboxNames(session)) {
            if (name.equals(from) || name.startsWith(below)) {
                moving.add(ex.engine.mailbox(session, name));
            }
        }
        for (MailboxStore mailbox : moving) {
            if (ex.engine.mailbox(session, to + mailbox.name().substring(from.length())) != null) {
                return ex.no(ResponseCode.Atom.ALREADYEXISTS, "Target mailbox already exists");
            }
        }
        for (MailboxStore mailbox : moving) {
            if (mailbox.isSelected()) {
                return ex.no(ResponseCode.Atom.INUSE, "Mailbox is selected");
            }
        }
        for (MailboxStore mailbox : moving) {
            ex.engine.removeMailbox(session, mailbox.name());
        }
        for (MailboxStore mailbox : moving) {
            mailbox.rename(to + mailbox.name().substring(from.length()));
            ex.engine.putMailbox(session, mailbox);
        }
        return finish(ex, session, Condition.OK, null, "RENAME completed");
    }

    /**
     * COPY and MOVE: each copy gets a new UID and a mod-sequence above every other in the target
     * (R7); MOVE then expunges the originals with a new mod-sequence of their own (R95).
     */
    static List<Response> copy(StoreExchange ex, StoreSession session, boolean byUid, SequenceSet set, String target,
            boolean move) {
        SessionView view = session.view;
        List<StoreTargets.Target> targets = StoreTargets.resolve(view, byUid, set);
        if (targets == null) {
            return ex.bad(StoreTargets.invalidNumbers(view));
        }
        MailboxStore destination = ex.engine.mailbox(session, target);
        if (destination == null) {
            return ex.no(ResponseCode.Atom.TRYCREATE, "No such mailbox");
        }
        if (move && view.readOnly()) {
            return ex.no(null, "Mailbox is read-only");
        }
        MailboxStore source = view.mailbox();
        List<Long> originals = new ArrayList<>();
        for (StoreTargets.Target t : targets) {
            if (t.isLive()) {
                originals.add(t.uid());
            }
        }
        if (destination.uidNext() + originals.size() - 1 > Uid.MAX.value()) {
            return ex.no(null, "UID space of the target mailbox is exhausted");
        }
        ServerChoices choices = ex.choices();
        // R1, R7, R95: one mod-sequence per copy (or one for all, a choice), and one for MOVE's
        // expunge; asked before anything changes. A MOVE within one mailbox needs both from it.
        long copies = choices.modSeqGranularity() == ServerChoices.ModSeqGranularity.PER_COMMAND
                ? Math.min(originals.size(), 1) : originals.size();
        long expunges = move && !originals.isEmpty() ? 1 : 0;
        boolean covered = destination == source ? source.hasModSeqsFor(copies + expunges)
                : destination.hasModSeqsFor(copies) && source.hasModSeqsFor(expunges);
        if (!covered) {
            return ex.modSeqsExhausted();
        }
        List<Long> to = new ArrayList<>();
        long commandModSeq = 0;
        for (long uid : originals) {
            long modSeq = choices.modSeqGranularity() == ServerChoices.ModSeqGranularity.PER_COMMAND
                    && commandModSeq != 0 ? commandModSeq : destination.nextModSeq();
            commandModSeq = modSeq;
            to.add(destination.copy(source, source.table().liveSlotOf(uid), modSeq));
        }
        ResponseCode copyUid = originals.isEmpty() ? null
                : new ResponseCode.CopyUid(destination.uidValidity(), NumberSet.of(originals), NumberSet.of(to));
        if (!move) {
            return finish(ex, session, Condition.OK, copyUid, "COPY completed");
        }
        if (copyUid != null) {
            ex.send(Response.Status.untagged(Condition.OK, copyUid, "Moved")); // RFC 6851 §4.3
        }
        source.expunge(originals.stream().mapToLong(Long::longValue).toArray());
        // R95: MOVE's expunges take a new mod-sequence like EXPUNGE's; RFC 6851 §4.4 reports it.
        ResponseCode code = originals.isEmpty() ? null : highestModSeqAfterRemoval(ex, session, source);
        return StoreUpdates.finish(ex, session, StoreUpdates.Moment.EXPUNGING, Condition.OK, code, "MOVE completed");
    }

    /** EXPUNGE and UID EXPUNGE (RFC 7162 §3.2.7, §3.2.9; R12, R90-R94). CLOSE is in {@link StoreSelect}. */
    /**
     * R92 (EXPUNGE, UID EXPUNGE) and RFC 6851 §4.4 (MOVE): after removing at least one message,
     * the new HIGHESTMODSEQ goes in the tagged OK; required after ENABLE QRESYNC, a choice for a
     * CONDSTORE-only client, never for NOMODSEQ. Such a command reports everything owed first
     * (R90), so nothing is held back below the value.
     */
    private static ResponseCode highestModSeqAfterRemoval(StoreExchange ex, StoreSession session,
            MailboxStore mailbox) {
        boolean wanted = session.qresync || session.condstore && ex.choices().highestModSeqAfterExpunge();
        return wanted && mailbox.persistentModSeqs() && !session.view.noModSeq()
                ? new ResponseCode.HighestModSeq(ModSeq.of(mailbox.highestModSeq())) : null;
    }

    static List<Response> expunge(StoreExchange ex, StoreSession session, Command command) {
        SessionView view = session.view;
        NumberSet scope = null;
        if (command instanceof Command.UidExpunge uidExpunge) {
            scope = uidExpunge.set().resolve(view.lastUid());
        }
        if (view.readOnly()) {
            return ex.no(null, "Mailbox is read-only");
        }
        MailboxStore mailbox = view.mailbox();
        long[] deleted = mailbox.deleted(session.user, scope);
        if (deleted.length > 0 && !mailbox.hasModSeqsFor(1)) {
            return ex.modSeqsExhausted(); // R1
        }
        // R12, R91, R94: one new mailbox mod-sequence, remembered with every expunged UID.
        boolean removed = mailbox.expunge(deleted) != 0;
        ResponseCode code = removed ? highestModSeqAfterRemoval(ex, session, mailbox) : null;
        String verb = scope == null ? "EXPUNGE" : "UID EXPUNGE";
        return StoreUpdates.finish(ex, session, StoreUpdates.Moment.EXPUNGING, Condition.OK, code, verb + " completed");
    }

    /** Ends a command that is not about the selected mailbox: updates owed may still go out (RFC 3501 §7). */
    static List<Response> finish(StoreExchange ex, StoreSession session, Condition condition, ResponseCode code,
            String text) {
        return StoreUpdates.finish(ex, session, StoreUpdates.Moment.OTHER, condition, code, text);
    }
}
