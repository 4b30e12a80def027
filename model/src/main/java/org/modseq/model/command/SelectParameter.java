package org.modseq.model.command;

import java.util.Optional;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.set.SequenceSet;

/** The select parameters of RFC 7162 (§3.1.8, §3.2.5; RFC 4466 {@code select-param}). */
public sealed interface SelectParameter {

    String toWire();

    /** {@code (CONDSTORE)}: enables CONDSTORE and avoids the race of a separate command (R19). */
    record Condstore() implements SelectParameter {
        @Override
        public String toWire() {
            return "CONDSTORE";
        }
    }

    /**
     * {@code QRESYNC (uidvalidity modseq [known-uids] [(seq-set uid-set)])} (R64). Values are
     * kept as the client wrote them, {@code *} and 0 included, so that the model can answer
     * them with BAD (R64, R65) rather than refuse to represent them.
     */
    record Qresync(long uidValidity, ModSeq modSeq, Optional<SequenceSet> knownUids, Optional<SeqMatch> seqMatch)
            implements SelectParameter {
        @Override
        public String toWire() {
            StringBuilder sb = new StringBuilder("QRESYNC (").append(uidValidity).append(' ').append(modSeq);
            knownUids.ifPresent(k -> sb.append(' ').append(k.toWire()));
            seqMatch.ifPresent(m -> sb.append(" (").append(m.messageNumbers().toWire()).append(' ')
                    .append(m.uids().toWire()).append(')'));
            return sb.append(')').toString();
        }
    }

    /** Sequence match data: message numbers and the UIDs the client believes they have (§3.2.5.2, R72, R73). */
    record SeqMatch(SequenceSet messageNumbers, SequenceSet uids) {
    }
}
