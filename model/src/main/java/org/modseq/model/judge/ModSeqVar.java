package org.modseq.model.judge;

/**
 * One mod-sequence the server chose and the judge does not know exactly: that of one change (a
 * flag change, an arrival, an expunge), known to lie in {@code [min, max]}.
 *
 * <p>Changes of different commands on one mailbox take strictly increasing values in the order
 * the commands ran; changes of one command may share a value or not (R2, per command or per
 * message). A {@code loose} value stands for a no-op STORE that a server may or may not stamp
 * (R5): it is either the message's earlier value or a new one of its command, so it only bounds
 * later changes and is only bounded by them.
 *
 * @param id unique within the judge; message states hold it where the model holds a mod-sequence
 * @param group the event whose command made the change
 * @param loose a maybe-change, see above
 * @param visibleTo the only user who sees the change (a private flag, R8), or null for everyone
 * @param what the change, for reports ("the flag change of UID 4")
 * @param changeRule the rule that makes this change rise above earlier ones (R4, R7, R12)
 */
record ModSeqVar(int id, int group, boolean loose, String visibleTo, String what, Rule changeRule, long min,
        Reason minReason, long max, Reason maxReason) {

    ModSeqVar withMin(long value, Reason reason) {
        return new ModSeqVar(id, group, loose, visibleTo, what, changeRule, value, reason, max, maxReason);
    }

    ModSeqVar withMax(long value, Reason reason) {
        return new ModSeqVar(id, group, loose, visibleTo, what, changeRule, min, minReason, value, reason);
    }

    boolean visibleTo(String user) {
        return visibleTo == null || visibleTo.equals(user);
    }

    boolean isExact() {
        return min == max;
    }
}
