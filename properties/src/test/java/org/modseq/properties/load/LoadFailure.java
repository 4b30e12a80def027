package org.modseq.properties.load;

import java.util.List;
import org.modseq.model.judge.Violation;

/** Why an account of the load failed; the account does no more work after it. */
sealed interface LoadFailure {

    String account();

    /** A paragraph for the test's failure message. */
    String describe();

    /** The judge found an answer RFC 7162 does not permit; {@code recent} are the account's last events before it. */
    record Violated(String account, Violation violation, List<String> recent) implements LoadFailure {
        @Override
        public String describe() {
            return account + ": " + violation.describe() + "\n  the account's last events:\n    "
                    + String.join("\n    ", recent);
        }
    }

    /** A command got no complete answer: the connection was lost, or no answer came within the read timeout. */
    record NoAnswer(String account, String session, String command, String cause) implements LoadFailure {
        @Override
        public String describe() {
            return account + ": session " + session + " got no answer to " + command + ": " + cause;
        }
    }

    /**
     * After the load, the server's mailbox differs from the model's after the same judged history:
     * an acknowledged APPEND, STORE or EXPUNGE is missing (or something no command did is there).
     */
    record LostUpdate(String account, String mailbox, String difference) implements LoadFailure {
        @Override
        public String describe() {
            return account + ": " + mailbox + " after the load: " + difference;
        }
    }
}
