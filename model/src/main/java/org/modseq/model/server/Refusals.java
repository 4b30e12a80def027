package org.modseq.model.server;

import org.modseq.model.command.Command;
import org.modseq.model.command.SelectParameter;
import org.modseq.model.set.NumberSet;
import org.modseq.model.set.SequenceSet;

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
        boolean needsMailbox = switch (command) {
            case Command.Fetch c -> true;
            case Command.Store c -> true;
            case Command.Search c -> true;
            case Command.Expunge c -> true;
            case Command.UidExpunge c -> true;
            case Command.Close c -> true;
            case Command.Unselect c -> true;
            case Command.Copy c -> true;
            case Command.Move c -> true;
            case Command.Check c -> true;
            default -> false;
        };
        return needsMailbox && !selected ? "No mailbox selected" : null;
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
        if (q.uidValidity() < 1 || q.uidValidity() > NumberSet.MAX_NUMBER) {
            return "QRESYNC uidvalidity must be 1 to 2^32-1 (RFC 7162 section 7)";
        }
        if (!q.modSeq().isPositive() && choices.zeroModSeqArgument() == ServerChoices.ZeroModSeqArgument.REJECT) {
            return "QRESYNC mod-sequence must be at least 1 (RFC 7162 section 7 mod-sequence-value)";
        }
        if (q.knownUids().isPresent() && q.knownUids().get().hasStar()) {
            return "\"*\" is not allowed in QRESYNC known-uids (RFC 7162 section 3.2.5)";
        }
        if (q.seqMatch().isPresent()) {
            SelectParameter.SeqMatch match = q.seqMatch().get();
            if (match.messageNumbers().hasStar() || match.uids().hasStar()) {
                return "\"*\" is not allowed in QRESYNC sequence match data (RFC 7162 section 3.2.5)";
            }
            if (!ascending(match.messageNumbers()) || !ascending(match.uids())) {
                return "QRESYNC sequence match sets must be in ascending order (RFC 7162 section 3.2.5.2)";
            }
            if (match.messageNumbers().toNumberSet().size() != match.uids().toNumberSet().size()) {
                return "QRESYNC sequence match sets must have as many message numbers as UIDs (RFC 7162 section 3.2.5.2)";
            }
        }
        return null;
    }

    /** R72: each item ascending and above the one before it, so no number repeats. */
    private static boolean ascending(SequenceSet set) {
        long previous = 0;
        for (SequenceSet.Item item : set.items()) {
            long low = item.first().resolve(0);
            long high = item.last().resolve(0);
            if (low > high || low <= previous) {
                return false;
            }
            previous = high;
        }
        return true;
    }
}
