package org.modseq.model.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.modseq.model.command.Command;
import org.modseq.model.command.StatusItem;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.Mailbox;
import org.modseq.model.mailbox.Message;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.session.SelectedMailbox;
import org.modseq.model.session.Session;
import org.modseq.model.set.NumberSet;

/** Commands on whole mailboxes: STATUS, APPEND, CREATE, DELETE, RENAME, COPY and MOVE. */
final class MailboxRules {

    private MailboxRules() {
    }

    /** STATUS, with HIGHESTMODSEQ: the SELECT value, or 0 without persistent mod-sequences (R57, X21). */
    static Outcome status(Exchange ex, Session session, Command.Status command) {
        ServerState state = ex.before;
        Optional<Mailbox> found = state.mailbox(command.mailbox());
        if (found.isEmpty()) {
            return ex.no(ResponseCode.Atom.NONEXISTENT, "No such mailbox");
        }
        Mailbox mailbox = found.get();
        if (command.items().contains(StatusItem.HIGHESTMODSEQ)) {
            session = UpdateRules.enableCondstore(ex, session, Server.selected(state, session)); // R15, R17
        }
        String user = session.userName();
        List<Response.StatusData.Item> items = new ArrayList<>();
        for (StatusItem item : command.items()) {
            long value = switch (item) {
                case MESSAGES -> mailbox.size();
                case RECENT -> 0;
                case UIDNEXT -> mailbox.uidNext();
                case UIDVALIDITY -> mailbox.uidValidity().value();
                case UNSEEN -> mailbox.messages().stream().filter(m -> !m.flagsFor(user).contains(Flag.SEEN)).count();
                case HIGHESTMODSEQ -> mailbox.persistentModSeqs() ? mailbox.highestModSeq().value() : 0;
            };
            items.add(new Response.StatusData.Item(item.name(), value));
        }
        ex.send(new Response.StatusData(mailbox.name(), items));
        return finish(ex, state, session, "STATUS completed");
    }

    /** APPEND: the next UID and a mod-sequence above every other in the mailbox (R7). */
    static Outcome append(Exchange ex, Session session, Command.Append command) {
        if (command.flags().contains(Flag.RECENT)) {
            return ex.bad("\\Recent cannot be stored (RFC 3501 section 2.3.2)");
        }
        ServerState state = ex.before;
        Optional<Mailbox> found = state.mailbox(command.mailbox());
        if (found.isEmpty()) {
            return ex.no(ResponseCode.Atom.TRYCREATE, "No such mailbox");
        }
        Mailbox mailbox = found.get();
        if (mailbox.uidNext() > Uid.MAX.value()) {
            return ex.no(null, "UID space of this mailbox is exhausted");
        }
        Uid uid = Uid.of(mailbox.uidNext());
        mailbox = mailbox.withAdded(newMessage(ex.choices(), session.userName(), uid, mailbox.nextModSeq(),
                command.flags(), command.content()));
        state = state.withMailbox(mailbox);
        return finish(ex, state, session, Condition.OK, new ResponseCode.AppendUid(mailbox.uidValidity(), uid),
                "APPEND completed");
    }

    private static Message newMessage(ServerChoices choices, String user, Uid uid, ModSeq modSeq, Set<Flag> flags,
            String content) {
        Set<Flag> shared = new HashSet<>(flags);
        shared.removeAll(choices.privateFlags());
        Set<Flag> own = new HashSet<>(flags);
        own.retainAll(choices.privateFlags());
        return Message.added(uid, modSeq, shared, user, own, content);
    }

    static Outcome create(Exchange ex, Session session, Command.Create command) {
        ServerState state = ex.before;
        if (command.mailbox().isEmpty()) {
            return ex.bad("Empty mailbox name");
        }
        if (state.mailbox(command.mailbox()).isPresent()) {
            return ex.no(ResponseCode.Atom.ALREADYEXISTS, "Mailbox already exists");
        }
        // A recreated name gets a UIDVALIDITY never used before, and no old expunge state (R101).
        return finish(ex, state.withNewMailbox(command.mailbox()), session, "CREATE completed");
    }

    /** DELETE; the model refuses to delete INBOX or a mailbox that any session has selected. */
    static Outcome delete(Exchange ex, Session session, Command.Delete command) {
        ServerState state = ex.before;
        String name = ServerState.mailboxName(command.mailbox());
        if (name.equals("INBOX")) {
            return ex.no(ResponseCode.Atom.CANNOT, "INBOX cannot be deleted");
        }
        if (state.mailbox(name).isEmpty()) {
            return ex.no(ResponseCode.Atom.NONEXISTENT, "No such mailbox");
        }
        if (state.isSelectedByOthers(name, "")) {
            return ex.no(ResponseCode.Atom.INUSE, "Mailbox is selected");
        }
        return finish(ex, state.withoutMailbox(name), session, "DELETE completed");
    }

    /** RENAME keeps the mailbox's UIDVALIDITY, which no other mailbox ever had; INBOX is not renamed here. */
    static Outcome rename(Exchange ex, Session session, Command.Rename command) {
        ServerState state = ex.before;
        String from = ServerState.mailboxName(command.from());
        String to = ServerState.mailboxName(command.to());
        if (to.isEmpty()) {
            return ex.bad("Empty mailbox name");
        }
        if (from.equals("INBOX")) {
            return ex.no(ResponseCode.Atom.CANNOT, "This server does not rename INBOX");
        }
        Optional<Mailbox> found = state.mailbox(from);
        if (found.isEmpty()) {
            return ex.no(ResponseCode.Atom.NONEXISTENT, "No such mailbox");
        }
        if (state.mailbox(to).isPresent()) {
            return ex.no(ResponseCode.Atom.ALREADYEXISTS, "Target mailbox already exists");
        }
        if (state.isSelectedByOthers(from, "")) {
            return ex.no(ResponseCode.Atom.INUSE, "Mailbox is selected");
        }
        state = state.withoutMailbox(from).withMailbox(found.get().withName(to));
        return finish(ex, state, session, "RENAME completed");
    }

    /**
     * COPY and MOVE: each copy gets a new UID and a mod-sequence above every other in the target
     * (R7); MOVE then expunges the originals with a new mod-sequence of their own (R95).
     */
    static Outcome copy(Exchange ex, Session session, boolean byUid, org.modseq.model.set.SequenceSet set,
            String target, boolean move) {
        SelectedMailbox view = session.mailbox();
        Targets targets = Targets.resolve(view, byUid, set);
        if (targets == null) {
            return ex.bad(Targets.invalidNumbers(view));
        }
        ServerState state = ex.before;
        Optional<Mailbox> found = state.mailbox(target);
        if (found.isEmpty()) {
            return ex.no(ResponseCode.Atom.TRYCREATE, "No such mailbox");
        }
        if (move && view.readOnly()) {
            return ex.no(null, "Mailbox is read-only");
        }
        Mailbox source = state.mailbox(view.mailbox()).orElseThrow();
        Mailbox destination = found.get();
        List<Message> originals = new ArrayList<>();
        for (Targets.Target t : targets.targets()) {
            source.message(t.uid()).ifPresent(originals::add);
        }
        if (destination.uidNext() + originals.size() - 1 > Uid.MAX.value()) {
            return ex.no(null, "UID space of the target mailbox is exhausted");
        }
        List<Long> from = new ArrayList<>();
        List<Long> to = new ArrayList<>();
        ModSeq commandModSeq = null;
        for (Message m : originals) {
            ModSeq modSeq = ex.choices().modSeqForChange(commandModSeq, destination);
            commandModSeq = modSeq;
            Uid uid = Uid.of(destination.uidNext());
            destination = destination.withAdded(m.copiedAs(uid, modSeq));
            from.add(m.uid().value());
            to.add(uid.value());
        }
        ResponseCode copyUid = originals.isEmpty() ? null
                : new ResponseCode.CopyUid(destination.uidValidity(), NumberSet.of(from), NumberSet.of(to));
        state = state.withMailbox(destination);
        if (!move) {
            return finish(ex, state, session, Condition.OK, copyUid, "COPY completed");
        }
        if (copyUid != null) {
            ex.send(Response.Status.untagged(Condition.OK, copyUid, "Moved")); // RFC 6851 §4.3
        }
        source = state.mailbox(view.mailbox()).orElseThrow().withExpunged(originals.stream().map(Message::uid).toList());
        state = state.withMailbox(source);
        // R95: MOVE's expunges take a new mod-sequence like EXPUNGE's; RFC 6851 §4.4 reports it.
        ResponseCode code = originals.isEmpty() ? null : ExpungeRules.highestModSeqAfterRemoval(ex, session, source);
        return UpdateRules.finish(ex, state, session, UpdateRules.Moment.EXPUNGING, Condition.OK, code, "MOVE completed");
    }

    static Outcome finish(Exchange ex, ServerState state, Session session, String text) {
        return finish(ex, state, session, Condition.OK, null, text);
    }

    /** Ends a command that is not about the selected mailbox: updates owed may still go out (RFC 3501 §7). */
    static Outcome finish(Exchange ex, ServerState state, Session session, Condition condition, ResponseCode code,
            String text) {
        return UpdateRules.finish(ex, state, session, UpdateRules.Moment.OTHER, condition, code, text);
    }
}
