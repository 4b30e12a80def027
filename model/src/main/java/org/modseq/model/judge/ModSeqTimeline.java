package org.modseq.model.judge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Predicate;
import org.modseq.model.rfc.Requirement;

/**
 * What the judge knows of one mailbox's mod-sequences: each change's value as an interval
 * ({@link ModSeqVar}), and a floor that every later change must exceed. Bounds come from what
 * the server reports and from the order of changes: a change of a later command is above every
 * change of an earlier one (the model's reading of R2-R4, R7 and R12, without which CHANGEDSINCE
 * HIGHESTMODSEQ would miss changes, §3.1.2.1), and below every later one. Mutable; copied per event.
 */
final class ModSeqTimeline {

    private final LinkedHashMap<Integer, ModSeqVar> vars;
    private long floor;
    private Reason floorReason;

    ModSeqTimeline() {
        this(new LinkedHashMap<>(), 0, null);
    }

    private ModSeqTimeline(LinkedHashMap<Integer, ModSeqVar> vars, long floor, Reason floorReason) {
        this.vars = vars;
        this.floor = floor;
        this.floorReason = floorReason;
    }

    ModSeqTimeline copy() {
        return new ModSeqTimeline(new LinkedHashMap<>(vars), floor, floorReason);
    }

    ModSeqVar get(int id) {
        ModSeqVar v = vars.get(id);
        if (v == null) {
            throw new IllegalStateException("no mod-sequence variable " + id);
        }
        return v;
    }

    Collection<ModSeqVar> all() {
        return vars.values();
    }

    int size() {
        return vars.size();
    }

    /**
     * A change of the command of event {@code group}: above the floor and every earlier change.
     * Returns null when no value is left above the floor (R1): the server had to refuse the change.
     */
    ModSeqVar change(int id, int group, String visibleTo, String what, Rule changeRule) {
        if (floor == Long.MAX_VALUE) {
            return null;
        }
        Reason reason = floorReason == null
                ? Reason.law(Rule.of(Requirement.R1), group, "a mod-sequence is at least 1")
                : Reason.law(changeRule, floorReason.event(), "a change takes a mod-sequence above " + floor + ", "
                        + floorReason.text());
        ModSeqVar v = new ModSeqVar(id, group, false, visibleTo, what, changeRule, floor + 1, reason, Long.MAX_VALUE,
                Reason.law(Rule.of(Requirement.R1), group, "a mod-sequence is at most 2^63-1"));
        vars.put(id, v);
        propagate();
        return vars.get(id);
    }

    /** A maybe-change (a no-op STORE that may be stamped, R5): at least {@code min}, the earlier value's least. */
    ModSeqVar maybeChange(int id, int group, String visibleTo, String what, Rule changeRule, long min, Reason minReason) {
        ModSeqVar v = new ModSeqVar(id, group, true, visibleTo, what, changeRule, min, minReason, Long.MAX_VALUE,
                Reason.law(Rule.of(Requirement.R1), group, "a mod-sequence is at most 2^63-1"));
        vars.put(id, v);
        return v;
    }

    /** Every change from now on is above {@code value}. */
    void raiseFloor(long value, Reason reason) {
        if (value > floor) {
            floor = value;
            floorReason = reason;
        }
    }

    /** Tightens a lower bound; returns a variable whose bounds now contradict, or null. */
    ModSeqVar atLeast(int id, long value, Reason reason) {
        ModSeqVar v = get(id);
        if (value > v.min()) {
            vars.put(id, v.withMin(value, reason));
        }
        return propagate();
    }

    /** Tightens an upper bound; returns a variable whose bounds now contradict, or null. */
    ModSeqVar atMost(int id, long value, Reason reason) {
        ModSeqVar v = get(id);
        if (value < v.max()) {
            vars.put(id, v.withMax(value, reason));
        }
        return propagate();
    }

    /** Caps every variable that {@code which} selects; returns a contradicting variable, or null. */
    ModSeqVar atMostAll(Predicate<ModSeqVar> which, long value, Reason reason) {
        for (ModSeqVar v : new ArrayList<>(vars.values())) {
            if (which.test(v) && value < v.max()) {
                vars.put(v.id(), v.withMax(value, reason));
            }
        }
        return propagate();
    }

    /**
     * Carries bounds along the order of commands: a change is above every change of an earlier
     * command (a loose one included, whichever value it has), and below every definite change of
     * a later one. A loose value takes no lower bound from earlier changes, since it may be the
     * message's older value.
     */
    private ModSeqVar propagate() {
        List<ModSeqVar> order = new ArrayList<>(vars.values());
        long earlierMin = 0;
        ModSeqVar earlierWitness = null;
        int i = 0;
        while (i < order.size()) {
            int group = order.get(i).group();
            int end = i;
            while (end < order.size() && order.get(end).group() == group) {
                end++;
            }
            long groupMin = earlierMin;
            ModSeqVar groupWitness = earlierWitness;
            for (int j = i; j < end; j++) {
                ModSeqVar v = vars.get(order.get(j).id());
                if (!v.loose() && earlierWitness != null && earlierMin + 1 > v.min()) {
                    // A bound that rests on one learnt from R96 (a HIGHESTMODSEQ given before an
                    // expunge) keeps R96 as its rule: that HIGHESTMODSEQ is the likelier fault.
                    Reason earlier = earlierWitness.minReason();
                    Rule rule = earlier.isFact() ? v.changeRule() : Answer.suspect(v.changeRule(), earlier.rule());
                    v = v.withMin(earlierMin + 1, Reason.law(rule, v.group(), "it comes after "
                            + earlierWitness.what() + ", which is at least " + earlierMin));
                    vars.put(v.id(), v);
                }
                if (groupWitness == null || v.min() > groupMin) {
                    groupMin = Math.max(groupMin, v.min());
                    groupWitness = v;
                }
            }
            earlierMin = groupMin;
            earlierWitness = groupWitness;
            i = end;
        }
        long laterMax = Long.MAX_VALUE;
        ModSeqVar laterWitness = null;
        i = order.size() - 1;
        while (i >= 0) {
            int group = order.get(i).group();
            int start = i;
            while (start >= 0 && order.get(start).group() == group) {
                start--;
            }
            long groupMax = laterMax;
            ModSeqVar groupWitness = laterWitness;
            for (int j = i; j > start; j--) {
                ModSeqVar v = vars.get(order.get(j).id());
                if (laterWitness != null && laterMax - 1 < v.max()) {
                    v = v.withMax(laterMax - 1, Reason.law(laterWitness.changeRule(), laterWitness.group(),
                            "it comes before " + laterWitness.what() + ", which is at most " + laterMax));
                    vars.put(v.id(), v);
                }
                if (!v.loose() && v.max() <= groupMax) {
                    groupMax = v.max();
                    groupWitness = v;
                }
            }
            laterMax = groupMax;
            laterWitness = groupWitness;
            i = start;
        }
        for (ModSeqVar v : vars.values()) {
            if (v.min() > v.max()) {
                return v;
            }
        }
        return null;
    }
}
