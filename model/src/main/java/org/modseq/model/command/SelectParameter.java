package org.modseq.model.command;

import java.util.Optional;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.set.NumberSet;
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

        /**
         * R64, R65, R72: what makes these arguments invalid, so that the server must answer BAD
         * before opening the mailbox, or empty when they are valid. A mod-sequence of 0 breaks
         * the grammar; {@code zeroAccepted} is the choice of a server that reads it as "since
         * the beginning" instead (R46-like, {@code ServerChoices.ZeroModSeqArgument}).
         */
        public Optional<String> problem(boolean zeroAccepted) {
            if (uidValidity < 1 || uidValidity > NumberSet.MAX_NUMBER) {
                return Optional.of("QRESYNC uidvalidity must be 1 to 2^32-1 (RFC 7162 section 7)");
            }
            if (!modSeq.isPositive() && !zeroAccepted) {
                return Optional.of("QRESYNC mod-sequence must be at least 1 (RFC 7162 section 7 mod-sequence-value)");
            }
            if (knownUids.isPresent() && knownUids.get().hasStar()) {
                return Optional.of("\"*\" is not allowed in QRESYNC known-uids (RFC 7162 section 3.2.5)");
            }
            if (seqMatch.isPresent()) {
                SeqMatch match = seqMatch.get();
                if (match.messageNumbers().hasStar() || match.uids().hasStar()) {
                    return Optional.of("\"*\" is not allowed in QRESYNC sequence match data (RFC 7162 section 3.2.5)");
                }
                if (!ascending(match.messageNumbers()) || !ascending(match.uids())) {
                    return Optional.of("QRESYNC sequence match sets must be in ascending order (RFC 7162 section 3.2.5.2)");
                }
                if (match.messageNumbers().toNumberSet().size() != match.uids().toNumberSet().size()) {
                    return Optional.of("QRESYNC sequence match sets must have as many message numbers as UIDs "
                            + "(RFC 7162 section 3.2.5.2)");
                }
            }
            return Optional.empty();
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
