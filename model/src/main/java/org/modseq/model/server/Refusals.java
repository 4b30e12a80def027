package org.modseq.model.server;

import org.modseq.model.command.Command;
import org.modseq.model.command.SelectParameter;

/**
 * Why a command is refused before it touches anything: the checks that depend only on the
 * connection's state, the command and the server's choices. Every engine asks these, so each
 * refusal and its text is stated once.
 */
public final class Refusals {

    private Refusals() {
    }

    /**
     * RFC 3501 §3: which commands each connection state allows; a command out of state is BAD,
     * with this reason (null when allowed).
     */
    public static String outOfState(boolean authenticated, boolean selected, Command command) {
        boolean anyState = command instanceof Command.Capability || command instanceof Command.Noop
                || command instanceof Command.Logout || command instanceof Command.Id;
        if (anyState) {
            return null;
        }
        if (command instanceof Command.Login || command instanceof Command.Authenticate) {
            return authenticated ? "Already authenticated" : null;
        }
        if (!authenticated) {
            return "Log in first";
        }
        if (command instanceof Command.Enable) {
            // RFC 5161 §3.1: ENABLE is valid in the authenticated state only.
            return selected ? "ENABLE is only valid before a mailbox is selected" : null;
        }
        return command.needsSelectedMailbox() && !selected ? "No mailbox selected" : null;
    }

    /** R75-R77, R46 and the choice for 0, R30 and R48: what is wrong with a FETCH's modifiers, or null. */
    public static String fetchArguments(ServerChoices choices, boolean qresync, boolean noModSeq, Command.Fetch command) {
        if (command.vanished()) {
            if (!command.uid()) {
                return "VANISHED is only allowed with UID FETCH (RFC 7162 section 3.2.6)"; // R75
            }
            if (!qresync) {
                return "VANISHED needs ENABLE QRESYNC first (RFC 7162 section 3.2.6)"; // R76
            }
            if (command.changedSince().isEmpty()) {
                return "VANISHED needs CHANGEDSINCE (RFC 7162 section 3.2.6)"; // R77
            }
        }
        if (command.changedSince().isPresent() && !command.changedSince().get().isPositive()
                && choices.zeroModSeqArgument() == ServerChoices.ZeroModSeqArgument.REJECT) {
            return "CHANGEDSINCE must be at least 1 (RFC 7162 section 7 mod-sequence-value)"; // R46
        }
        if (command.usesModSeq() && noModSeq) {
            return "MODSEQ and CHANGEDSINCE are not allowed after NOMODSEQ (RFC 7162 section 3.1.2.2)"; // R30, R48
        }
        return null;
    }

    /**
     * R63, R64, R72 and the choice for 0: what is wrong with a SELECT's QRESYNC parameter, or
     * null. R65: all of it is checked before the mailbox is opened.
     */
    public static String qresyncArguments(ServerChoices choices, boolean qresync, SelectParameter.Qresync q) {
        if (!qresync) {
            return "QRESYNC parameter needs ENABLE QRESYNC first (RFC 7162 section 3.2.3)";
        }
        return q.problem(choices.zeroModSeqArgument() == ServerChoices.ZeroModSeqArgument.ACCEPT_AS_EVERYTHING)
                .orElse(null);
    }
}
