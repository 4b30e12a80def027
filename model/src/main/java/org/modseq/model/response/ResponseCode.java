package org.modseq.model.response;

import java.util.List;
import java.util.stream.Collectors;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.mailbox.UidValidity;
import org.modseq.model.set.NumberSet;

/** Response codes: the bracketed part of a status response (RFC 3501 §7.1; RFC 7162 §7, R110). */
public sealed interface ResponseCode {

    String toWire();

    /** {@code [HIGHESTMODSEQ n]}, n at least 1 (R25, R31). */
    record HighestModSeq(ModSeq modSeq) implements ResponseCode {
        public HighestModSeq {
            if (!modSeq.isPositive()) {
                throw new IllegalArgumentException("HIGHESTMODSEQ must be at least 1 (R31)");
            }
        }

        @Override
        public String toWire() {
            return "HIGHESTMODSEQ " + modSeq;
        }
    }

    /** {@code [NOMODSEQ]}: the mailbox has no persistent mod-sequences (R24, R29). */
    record NoModSeq() implements ResponseCode {
        @Override
        public String toWire() {
            return "NOMODSEQ";
        }
    }

    /** {@code [MODIFIED set]}: the messages a conditional STORE did not change (R35); never empty. */
    record Modified(NumberSet set) implements ResponseCode {
        public Modified {
            if (set.isEmpty()) {
                throw new IllegalArgumentException("MODIFIED needs a non-empty set (R35)");
            }
        }

        @Override
        public String toWire() {
            return "MODIFIED " + set.toWire();
        }
    }

    /** {@code [CLOSED]}: the previously selected mailbox is closed (R103). */
    record Closed() implements ResponseCode {
        @Override
        public String toWire() {
            return "CLOSED";
        }
    }

    record UidValidityCode(UidValidity uidValidity) implements ResponseCode {
        @Override
        public String toWire() {
            return "UIDVALIDITY " + uidValidity;
        }
    }

    record UidNext(long uidNext) implements ResponseCode {
        @Override
        public String toWire() {
            return "UIDNEXT " + uidNext;
        }
    }

    record Unseen(long messageNumber) implements ResponseCode {
        @Override
        public String toWire() {
            return "UNSEEN " + messageNumber;
        }
    }

    /** {@code [PERMANENTFLAGS (...)]}; {@code newKeywords} adds {@code \*}. */
    record PermanentFlags(List<Flag> flags, boolean newKeywords) implements ResponseCode {
        public PermanentFlags {
            flags = List.copyOf(flags);
        }

        @Override
        public String toWire() {
            String list = flags.stream().map(Flag::name).collect(Collectors.joining(" "));
            if (newKeywords) {
                list = list.isEmpty() ? "\\*" : list + " \\*";
            }
            return "PERMANENTFLAGS (" + list + ")";
        }
    }

    record ReadWrite() implements ResponseCode {
        @Override
        public String toWire() {
            return "READ-WRITE";
        }
    }

    record ReadOnly() implements ResponseCode {
        @Override
        public String toWire() {
            return "READ-ONLY";
        }
    }

    /** UIDPLUS (RFC 4315). */
    record AppendUid(UidValidity uidValidity, Uid uid) implements ResponseCode {
        @Override
        public String toWire() {
            return "APPENDUID " + uidValidity + " " + uid;
        }
    }

    /** UIDPLUS (RFC 4315): source and destination UIDs pair up in order. */
    record CopyUid(UidValidity uidValidity, NumberSet source, NumberSet destination) implements ResponseCode {
        @Override
        public String toWire() {
            return "COPYUID " + uidValidity + " " + source.toWire() + " " + destination.toWire();
        }
    }

    /** Codes without arguments: TRYCREATE, AUTHENTICATIONFAILED, NONEXISTENT, ALREADYEXISTS, INUSE, CANNOT, ... */
    record Atom(String name) implements ResponseCode {
        public static final Atom TRYCREATE = new Atom("TRYCREATE");
        public static final Atom AUTHENTICATIONFAILED = new Atom("AUTHENTICATIONFAILED");
        public static final Atom AUTHORIZATIONFAILED = new Atom("AUTHORIZATIONFAILED");
        public static final Atom NONEXISTENT = new Atom("NONEXISTENT");
        public static final Atom ALREADYEXISTS = new Atom("ALREADYEXISTS");
        public static final Atom INUSE = new Atom("INUSE");
        public static final Atom CANNOT = new Atom("CANNOT");
        public static final Atom CLIENTBUG = new Atom("CLIENTBUG");

        @Override
        public String toWire() {
            return name;
        }
    }

    /**
     * A code with arguments that the model has no type for ({@code CAPABILITY ...},
     * {@code BADCHARSET (...)}, MULTIAPPEND's {@code APPENDUID} with a set, an unknown
     * {@code atom text}): kept as received by the response parser; the model never sends one.
     *
     * @param name the code in upper case
     * @param arguments the text between the name and {@code ]}, without the separating space
     */
    record Unmodelled(String name, String arguments) implements ResponseCode {
        @Override
        public String toWire() {
            return name + " " + arguments;
        }
    }
}
