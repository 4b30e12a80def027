package org.modseq.model.server;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.modseq.model.command.Command;
import org.modseq.model.mailbox.MailboxPattern;
import org.modseq.model.response.Response;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.session.Session;

/**
 * The namespace as a client browses it: LIST and LSUB (RFC 3501 §6.3.8, §6.3.9), SUBSCRIBE and
 * UNSUBSCRIBE (§6.3.6, §6.3.7) and NAMESPACE (RFC 2342). One personal namespace with no prefix
 * and the delimiter {@code /}; a level of the hierarchy that is not a mailbox is {@code \Noselect}.
 */
final class MailboxListRules {

    private MailboxListRules() {
    }

    /**
     * LIST and LSUB. An empty mailbox argument asks LIST for the delimiter and the root, which is
     * empty since names are not rooted (§6.3.8). LSUB lists subscribed names whether or not
     * their mailboxes exist (§6.3.6).
     */
    static Outcome list(Exchange ex, Session session, Command.ListMailboxes command) {
        ServerState state = ex.before;
        if (!command.subscribed() && command.pattern().isEmpty()) {
            ex.send(new Response.ListData(false, List.of(Response.ListData.NOSELECT), MailboxPattern.DELIMITER, ""));
        } else {
            MailboxPattern pattern = MailboxPattern.of(command.reference(), command.pattern());
            Collection<String> names = command.subscribed() ? state.subscriptions(session.userName()) : state.mailboxes().keySet();
            for (Map.Entry<String, Boolean> e : pattern.select(names).entrySet()) {
                List<String> attributes = e.getValue() ? List.of() : List.of(Response.ListData.NOSELECT);
                ex.send(new Response.ListData(command.subscribed(), attributes, MailboxPattern.DELIMITER, e.getKey()));
            }
        }
        return MailboxRules.finish(ex, state, session, (command.subscribed() ? "LSUB" : "LIST") + " completed");
    }

    /**
     * SUBSCRIBE: only an existing mailbox, which RFC 3501 §6.3.6 permits checking; subscribing
     * twice is no error.
     */
    static Outcome subscribe(Exchange ex, Session session, Command.Subscribe command) {
        ServerState state = ex.before;
        if (state.mailbox(command.mailbox()).isEmpty()) {
            return ex.no(ResponseCode.Atom.NONEXISTENT, "No such mailbox");
        }
        state = state.withSubscription(session.userName(), command.mailbox(), true);
        return MailboxRules.finish(ex, state, session, "SUBSCRIBE completed");
    }

    /** UNSUBSCRIBE: a name that is not subscribed cannot be unsubscribed (RFC 3501 §6.3.7 NO). */
    static Outcome unsubscribe(Exchange ex, Session session, Command.Unsubscribe command) {
        ServerState state = ex.before;
        String name = ServerState.mailboxName(command.mailbox());
        if (!state.subscriptions(session.userName()).contains(name)) {
            return ex.no(null, "Not subscribed to that name");
        }
        state = state.withSubscription(session.userName(), name, false);
        return MailboxRules.finish(ex, state, session, "UNSUBSCRIBE completed");
    }

    static Outcome namespace(Exchange ex, Session session) {
        ex.send(Server.NAMESPACE);
        return MailboxRules.finish(ex, ex.before, session, "NAMESPACE completed");
    }
}
