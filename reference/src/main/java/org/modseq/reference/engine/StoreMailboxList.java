package org.modseq.reference.engine;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.modseq.model.command.Command;
import org.modseq.model.mailbox.MailboxPattern;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.server.Server;
import org.modseq.model.server.ServerState;

/**
 * LIST and LSUB (RFC 3501 §6.3.8, §6.3.9), SUBSCRIBE and UNSUBSCRIBE (§6.3.6, §6.3.7) and
 * NAMESPACE (RFC 2342), over the namespace of the session's user: the model's
 * {@code MailboxListRules}.
 */
final class StoreMailboxList {

    private StoreMailboxList() {
    }

    /** LIST and LSUB; an empty LIST pattern asks for the delimiter and the (empty) root. */
    static List<Response> list(StoreExchange ex, StoreSession session, Command.ListMailboxes command) {
        if (!command.subscribed() && command.pattern().isEmpty()) {
            ex.send(new Response.ListData(false, List.of(Response.ListData.NOSELECT), MailboxPattern.DELIMITER, ""));
        } else {
            MailboxPattern pattern = MailboxPattern.of(command.reference(), command.pattern());
            Collection<String> names = command.subscribed() ? ex.engine.subscriptions(session.user)
                    : ex.engine.mailboxNames(session);
            for (Map.Entry<String, Boolean> e : pattern.select(names).entrySet()) {
                List<String> attributes = e.getValue() ? List.of() : List.of(Response.ListData.NOSELECT);
                ex.send(new Response.ListData(command.subscribed(), attributes, MailboxPattern.DELIMITER, e.getKey()));
            }
        }
        return StoreMailboxes.finish(ex, session, Condition.OK, null,
                (command.subscribed() ? "LSUB" : "LIST") + " completed");
    }

    /** SUBSCRIBE: only an existing mailbox (RFC 3501 §6.3.6 permits the check); twice is no error. */
    static List<Response> subscribe(StoreExchange ex, StoreSession session, Command.Subscribe command) {
        if (ex.engine.mailbox(session, command.mailbox()) == null) {
            return ex.no(ResponseCode.Atom.NONEXISTENT, "No such mailbox");
        }
        ex.engine.subscribe(session.user, ServerState.mailboxName(command.mailbox()), true);
        return StoreMailboxes.finish(ex, session, Condition.OK, null, "SUBSCRIBE completed");
    }

    /** UNSUBSCRIBE: a name that is not subscribed cannot be unsubscribed (RFC 3501 §6.3.7 NO). */
    static List<Response> unsubscribe(StoreExchange ex, StoreSession session, Command.Unsubscribe command) {
        if (!ex.engine.subscribe(session.user, ServerState.mailboxName(command.mailbox()), false)) {
            return ex.no(null, "Not subscribed to that name");
        }
        return StoreMailboxes.finish(ex, session, Condition.OK, null, "UNSUBSCRIBE completed");
    }

    static List<Response> namespace(StoreExchange ex, StoreSession session) {
        ex.send(Server.NAMESPACE);
        return StoreMailboxes.finish(ex, session, Condition.OK, null, "NAMESPACE completed");
    }
}
