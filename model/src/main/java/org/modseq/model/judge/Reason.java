package org.modseq.model.judge;

/**
 * Why the judge holds a bound on a mod-sequence: a value the server reported (a fact, with no
 * rule), or a rule that a conforming server's values must obey.
 *
 * @param rule the rule behind the bound, or null for a reported value
 * @param event the event that set the bound
 * @param text what the bound comes from, for reports
 */
record Reason(Rule rule, int event, String text) {

    static Reason fact(int event, String text) {
        return new Reason(null, event, text);
    }

    static Reason law(Rule rule, int event, String text) {
        return new Reason(rule, event, text);
    }

    boolean isFact() {
        return rule == null;
    }

    @Override
    public String toString() {
        return text + " (event " + event + ")";
    }
}
