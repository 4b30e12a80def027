package org.modseq.properties.engine;

import java.util.List;

/**
 * One step of a history: the command and the choices it was generated from. The choices let the
 * shrinker regenerate a simpler command; they are empty for commands given explicitly.
 */
record Step<C>(C command, List<Long> choices) {
    Step {
        choices = List.copyOf(choices);
    }
}
