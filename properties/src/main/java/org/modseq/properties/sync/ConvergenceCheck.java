package org.modseq.properties.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.modseq.model.judge.Rule;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.rfc.Requirement;

/**
 * Whether a resynchronised client holds exactly the server's mailbox: the same UIDVALIDITY, the
 * same UIDs, the same flags on each, and a HIGHESTMODSEQ no higher than the server's. Each
 * difference becomes a {@link Finding} naming the rules that a server which let it happen broke,
 * worked out from the client's {@link SyncJournal} and, where the journal cannot tell, from the
 * server itself ({@link ExpungeWitness}).
 */
public final class ConvergenceCheck {

    /** How many differences of one kind a report spells out. */
    private static final int SHOWN = 4;

    /** One difference and the rules a server broke to cause it. */
    public record Finding(List<Rule> rules, String description) {
        public Finding {
            rules = List.copyOf(rules);
        }

        @Override
        public String toString() {
            return rules.stream().map(r -> r.requirement().map(Requirement::id).orElse(r.source()))
                    .collect(Collectors.joining(", ", "[", "] ")) + description;
        }
    }

    /** Asks the server whether it counts a UID's expunge as later than a mod-sequence. */
    public interface ExpungeWitness {
        /** True or false as the server answers; empty when it cannot be asked. */
        Optional<Boolean> expungedSince(Uid uid, ModSeq since);
    }

    private ConvergenceCheck() {
    }

    /** The differences between the client's cache and the server's mailbox; empty when they agree. */
    public static List<Finding> compare(ClientCache cache, MailboxSnapshot server, SyncJournal journal,
            ExpungeWitness witness) {
        List<Finding> findings = new ArrayList<>();
        if (server.highestModSeq().isPresent() && server.statusHighestModSeq() != server.highestModSeq().get().value()) {
            findings.add(new Finding(List.of(Rule.of(Requirement.R57)), "STATUS HIGHESTMODSEQ "
                    + server.statusHighestModSeq() + " differs from EXAMINE's " + server.highestModSeq().get()));
        }
        if (server.statusMessages() >= 0 && server.statusMessages() != server.messages().size()) {
            findings.add(new Finding(List.of(Rule.rfc("RFC 3501 §6.3.10")), "STATUS MESSAGES "
                    + server.statusMessages() + " while UID FETCH 1:* returned " + server.messages().size()));
        }
        if (!cache.uidValidity().equals(Optional.of(server.uidValidity()))) {
            findings.add(new Finding(List.of(Rule.rfc("RFC 3501 §2.3.1.1"), Rule.of(Requirement.R27)),
                    "the client holds the mailbox under UIDVALIDITY "
                    + cache.uidValidity().map(Object::toString).orElse("none") + ", the server's is "
                    + server.uidValidity()));
            return findings;
        }
        highestModSeq(cache, server, journal).ifPresent(findings::add);
        Optional<SyncJournal.Resync> resync = journal.lastResync();
        int shown = 0;
        for (Uid uid : cache.messages().keySet()) {
            if (!server.messages().containsKey(uid) && shown++ < SHOWN) {
                findings.add(stale(uid, resync, journal, witness));
            }
        }
        shown = 0;
        for (Uid uid : server.messages().keySet()) {
            if (!cache.messages().containsKey(uid) && shown++ < SHOWN) {
                findings.add(missing(uid, cache, journal));
            }
        }
        shown = 0;
        for (var entry : server.messages().entrySet()) {
            Set<Flag> cached = cache.messages().get(entry.getKey());
            if (cached != null && !cached.equals(entry.getValue().flags()) && shown++ < SHOWN) {
                findings.add(flags(entry.getKey(), cached, entry.getValue(), resync, journal));
            }
        }
        return findings;
    }

    /** A report: the findings, both sides, and where the client's HIGHESTMODSEQ came from. */
    public static String report(List<Finding> findings, ClientCache cache, MailboxSnapshot server, SyncJournal journal) {
        StringBuilder out = new StringBuilder("the resynchronised client does not hold the server's mailbox");
        journal.lastResync().ifPresent(r -> out.append(" (its resynchronisation: ")
                .append(String.join("; ", r.commands())).append(')'));
        out.append(':');
        for (Finding f : findings) {
            out.append("\n  - ").append(f);
        }
        out.append("\n  client: ").append(cache.describe());
        out.append("\n  server: ").append(server.describe());
        out.append("\n  the client's HIGHESTMODSEQ, latest last:");
        for (String adoption : journal.adoptions()) {
            out.append("\n    ").append(adoption);
        }
        return out.toString();
    }

    private static Optional<Finding> highestModSeq(ClientCache cache, MailboxSnapshot server, SyncJournal journal) {
        if (cache.highestModSeq().isEmpty() || server.highestModSeq().isEmpty()
                || !cache.highestModSeq().get().isAfter(server.highestModSeq().get())) {
            return Optional.empty();
        }
        List<String> adoptions = journal.adoptions();
        return Optional.of(new Finding(List.of(Rule.of(Requirement.R25), Rule.of(Requirement.R102)),
                "the client cached HIGHESTMODSEQ " + cache.highestModSeq().get() + " (" + adoptions.getLast()
                        + "), above the server's " + server.highestModSeq().get()
                        + ": no change has that mod-sequence yet, so the next one can pass unseen"));
    }

    /** A UID the client still holds and the server no longer has: an expunge the client was not told of. */
    private static Finding stale(Uid uid, Optional<SyncJournal.Resync> resync, SyncJournal journal,
            ExpungeWitness witness) {
        String from = journal.flagSource(uid).map(s -> "; its flags came from " + s).orElse("");
        if (resync.isEmpty() || resync.get().since().isEmpty()) {
            return new Finding(List.of(Rule.rfc("RFC 3501 §6.4.8")), "UID " + uid + " is cached but gone from the"
                    + " server, though the client took the UIDs from UID FETCH 1:* of a full synchronisation" + from);
        }
        SyncJournal.Resync r = resync.get();
        ModSeq since = r.since().get();
        if (!r.qresync()) {
            return new Finding(List.of(Rule.rfc("RFC 3501 §6.4.4"), Rule.rfc("RFC 3501 §6.4.8")), "UID " + uid
                    + " is cached but gone from the server, though the CONDSTORE resynchronisation's search for the"
                    + " UIDs still there listed it" + from);
        }
        String request = "SELECT ... (QRESYNC (... " + since + (r.knownUids().isPresent() ? " "
                + r.knownUids().get().toWire() : "") + (r.seqMatchTop() > 0 ? " (seq-match-data)" : "") + "))";
        Optional<Boolean> later = witness.expungedSince(uid, since);
        List<Rule> selectRules = new ArrayList<>(List.of(Rule.of(Requirement.R69), Rule.of(Requirement.R71),
                Rule.of(Requirement.R78), Rule.of(Requirement.R80)));
        if (r.seqMatchTop() >= uid.value()) {
            selectRules.add(Rule.of(Requirement.R73));
        }
        String omitted = "UID " + uid + " is cached but gone from the server, and " + request
                + " reported no VANISHED (EARLIER) for it";
        if (later.orElse(false)) {
            return new Finding(selectRules, omitted + ", although the server puts its expunge after mod-sequence "
                    + since + " (UID FETCH " + uid + " (FLAGS) (CHANGEDSINCE " + since + " VANISHED) names it)"
                    + (r.seqMatchTop() >= uid.value() ? "; seq-match-data lets a server leave out only UIDs at or"
                    + " below a pair that matches (R73)" : ""));
        }
        List<Rule> passedRules = List.of(Rule.of(Requirement.R96), Rule.of(Requirement.R102));
        if (later.isPresent()) {
            return new Finding(passedRules, omitted + ", because the server puts its expunge at or below mod-sequence "
                    + since + ", the HIGHESTMODSEQ the client cached before it was told of the expunge: " + r.sinceGround());
        }
        List<Rule> either = new ArrayList<>(selectRules);
        either.addAll(passedRules);
        return new Finding(either, omitted + "; either the answer left it out, or the client's HIGHESTMODSEQ "
                + since + " passed an expunge it was not told of: " + r.sinceGround());
    }

    /** A UID the server has and the client does not. */
    private static Finding missing(Uid uid, ClientCache cache, SyncJournal journal) {
        Optional<SyncJournal.Removal> removal = journal.removal(uid);
        if (removal.isPresent()) {
            return new Finding(removal.get().rules(), "UID " + uid + " exists, but the client dropped it on "
                    + removal.get().source());
        }
        return new Finding(List.of(Rule.rfc("RFC 3501 §2.3.1.1"), Rule.rfc("RFC 3501 §6.4.8")), "UID " + uid
                + " exists, but the client was never told of it, though it took every UID below "
                + cache.knownBelow() + " as known after UID FETCH <n>:*");
    }

    /** Flags that differ: a change the client missed, or flags the server misreported. */
    private static Finding flags(Uid uid, Set<Flag> cached, MailboxSnapshot.MessageState server,
            Optional<SyncJournal.Resync> resync, SyncJournal journal) {
        String what = "UID " + uid + " has flags " + ClientCache.flagList(server.flags())
                + server.modSeq().map(m -> " at MODSEQ " + m).orElse("") + ", the client caches "
                + ClientCache.flagList(cached) + journal.flagSource(uid).map(s -> " from " + s).orElse("");
        if (resync.isEmpty() || resync.get().since().isEmpty() || server.modSeq().isEmpty()) {
            return new Finding(List.of(Rule.rfc("RFC 3501 §7.4.2")), what);
        }
        SyncJournal.Resync r = resync.get();
        ModSeq since = r.since().get();
        if (server.modSeq().get().isAfter(since)) {
            return new Finding(r.qresync() ? List.of(Rule.of(Requirement.R69), Rule.of(Requirement.R71))
                    : List.of(Rule.of(Requirement.R45)), what + "; its MODSEQ is above " + since + ", so "
                    + (r.qresync() ? "SELECT ... (QRESYNC (... " + since + " ...)) had to report it"
                    : "FETCH ... (CHANGEDSINCE " + since + ") had to return it"));
        }
        return new Finding(List.of(Rule.of(Requirement.R96), Rule.of(Requirement.R102)), what
                + "; its MODSEQ is at or below " + since + ", the HIGHESTMODSEQ the client cached without being told"
                + " of this change: " + r.sinceGround());
    }
}
