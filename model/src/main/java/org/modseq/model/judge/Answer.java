package org.modseq.model.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.modseq.model.command.Command;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.rfc.Requirement;

/**
 * One exchange under judgement: the command, the server's parsed responses, the judge's
 * knowledge (already copied for this event) and the client that sent it. Checks report a
 * violation with {@link #fail}, naming the offending line.
 */
final class Answer {

    final Knowledge k;
    final Client client;
    final int event;
    final Event.Exchange exchange;
    final List<Response> responses;

    Answer(Knowledge k, Client client, int event, Event.Exchange exchange, List<Response> responses) {
        this.k = k;
        this.client = client;
        this.event = event;
        this.exchange = exchange;
        this.responses = responses;
    }

    Command command() {
        return exchange.command();
    }

    String user() {
        return client.user;
    }

    int taggedLine() {
        return responses.size() - 1;
    }

    Response.Status tagged() {
        return (Response.Status) responses.get(taggedLine());
    }

    Condition condition() {
        return tagged().condition();
    }

    boolean ok() {
        return condition() == Condition.OK;
    }

    Optional<ResponseCode> taggedCode() {
        return tagged().code();
    }

    /** Indices of the untagged responses, in order. */
    List<Integer> untagged() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < taggedLine(); i++) {
            out.add(i);
        }
        return out;
    }

    /** The first untagged status response with a code of {@code type}, as its line index, or -1. */
    int codeLine(Class<? extends ResponseCode> type) {
        for (int i = 0; i < taggedLine(); i++) {
            if (responses.get(i) instanceof Response.Status s && s.code().filter(type::isInstance).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    ClientView view() {
        return client.view;
    }

    MailboxTruth selected() {
        return client.view == null ? null : k.mailboxes.get(client.view.mailbox());
    }

    JudgeFailure fail(Rule rule, int line, String reason) {
        String text = line >= 0 && line < exchange.lines().size() ? exchange.lines().get(line) : "";
        return new JudgeFailure(new Violation(event, exchange.connection(), exchange.describe(), line, text, rule, reason));
    }

    JudgeFailure fail(Requirement requirement, int line, String reason) {
        return fail(Rule.of(requirement), line, reason);
    }

    /**
     * A change this command made in {@code mailbox}: a new mod-sequence variable above every
     * earlier one. No value may be left (R1): then the server should have refused the change.
     */
    int change(MailboxTruth mailbox, String visibleTo, String what, Rule rule) {
        int var = k.newVar();
        if (mailbox.modSeqs.change(var, event, visibleTo, what, rule) == null) {
            throw fail(Requirement.R1, taggedLine(), what + " needs a mod-sequence above 2^63-1, which does not exist: "
                    + "the server must refuse the command");
        }
        return var;
    }

    /**
     * Of two rules whose bounds contradict, the one to blame: a bound learnt from a HIGHESTMODSEQ
     * given while changes were held back (R96) is the likelier fault; otherwise the newer rule.
     */
    static Rule suspect(Rule reported, Rule other) {
        Rule r96 = Rule.of(Requirement.R96);
        return other.equals(r96) ? r96 : reported;
    }

    /**
     * RFC 3501 §7.1.3: BAD is for a command the server cannot parse or must refuse; a valid
     * CONDSTORE or QRESYNC command that gets it breaks the requirement that makes it work.
     */
    void refuseBadForValid(Requirement requirement, String what) {
        if (condition() == Condition.BAD) {
            throw fail(requirement, taggedLine(), what + " is valid here, yet answered BAD");
        }
    }

    /** Throws when a tightened bound made a mod-sequence contradict itself. */
    void settle(ModSeqVar conflict, int line) {
        if (conflict == null) {
            return;
        }
        Reason min = conflict.minReason();
        Reason max = conflict.maxReason();
        Rule rule;
        if (min.isFact() && max.isFact()) {
            rule = Rule.rfc("RFC 7162 §3.1");
        } else if (min.isFact()) {
            rule = max.rule();
        } else if (max.isFact()) {
            rule = min.rule();
        } else {
            rule = suspect(min.rule(), max.rule());
        }
        throw fail(rule, line, "the mod-sequence of " + conflict.what() + " cannot be: it must be at least "
                + conflict.min() + " (" + min + ") and at most " + conflict.max() + " (" + max + ")");
    }
}
