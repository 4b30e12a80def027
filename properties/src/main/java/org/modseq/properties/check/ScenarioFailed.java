package org.modseq.properties.check;

import java.util.List;
import org.modseq.model.judge.Event;

/** Ends a scenario with its finding and the events that led to it, for the property engine to shrink. */
final class ScenarioFailed extends AssertionError {

    private static final long serialVersionUID = 1L;

    final transient Finding finding;
    final transient List<Event> events;

    ScenarioFailed(Finding finding, List<Event> events) {
        super(finding.describe());
        this.finding = finding;
        this.events = List.copyOf(events);
    }
}
