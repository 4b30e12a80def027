package org.modseq.properties.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modseq.model.judge.Rule;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.set.NumberSet;

/**
 * Why the client's cache holds what it holds: the last resynchronisation it started, each
 * HIGHESTMODSEQ it cached and on what grounds, and for each UID the response that last set its
 * flags or took it away. A divergence from the server is explained from here, so that a report
 * names the response, and the rule, the client trusted.
 */
public final class SyncJournal {

    /** How many HIGHESTMODSEQ adoptions a report shows. */
    private static final int ADOPTIONS_KEPT = 6;

    /**
     * One resynchronisation as the client ran it.
     *
     * @param commands the commands sent after LOGIN, as wire text
     * @param since the mod-sequence the client asked for changes since (QRESYNC's or CHANGEDSINCE's);
     *     empty for a full synchronisation
     * @param sinceGround why the client had cached {@code since}
     * @param qresync whether the changes came from SELECT ... QRESYNC, else from CHANGEDSINCE and a
     *     UID SEARCH or UID FETCH
     * @param knownUids the known-uids sent with QRESYNC; empty when left out (then all UIDs, R70)
     * @param seqMatchTop the highest UID of the sequence match data sent; 0 for none
     */
    public record Resync(List<String> commands, Optional<ModSeq> since, String sinceGround, boolean qresync,
            Optional<NumberSet> knownUids, long seqMatchTop) {
        public Resync {
            commands = List.copyOf(commands);
        }

        /** Whether the QRESYNC request covered {@code uid}: in known-uids, or known-uids left out. */
        public boolean covers(Uid uid) {
            return knownUids.map(k -> k.contains(uid.value())).orElse(true);
        }
    }

    /**
     * Why the client dropped a UID: the response, and the rules that allow a server to say so
     * only of a message that is gone.
     */
    public record Removal(String source, List<Rule> rules) {
        public Removal {
            rules = List.copyOf(rules);
        }
    }

    private Resync lastResync;
    private final Deque<String> adoptions = new ArrayDeque<>();
    private final Map<Uid, Removal> removals = new HashMap<>();
    private final Map<Uid, String> flagSources = new HashMap<>();

    /** A resynchronisation begins from {@code since}, which the latest adoption explains. */
    void resyncStarted(Optional<ModSeq> since, boolean qresync, Optional<NumberSet> knownUids, long seqMatchTop) {
        lastResync = new Resync(List.of(), since, adoptions.isEmpty() ? "(no record)" : adoptions.getLast(), qresync,
                knownUids, seqMatchTop);
    }

    /** The SELECT showed a new UIDVALIDITY or NOMODSEQ: the resynchronisation is a full one after all. */
    void resyncInFull() {
        if (lastResync != null) {
            lastResync = new Resync(lastResync.commands(), Optional.empty(), lastResync.sinceGround(), false,
                    Optional.empty(), 0);
        }
    }

    void resyncCommand(String command) {
        if (lastResync != null) {
            List<String> commands = new ArrayList<>(lastResync.commands());
            commands.add(command);
            lastResync = new Resync(commands, lastResync.since(), lastResync.sinceGround(), lastResync.qresync(),
                    lastResync.knownUids(), lastResync.seqMatchTop());
        }
    }

    void highestModSeqCached(Optional<ModSeq> value, String why) {
        adoptions.addLast(value.map(ModSeq::toString).orElse("none") + ": " + why);
        while (adoptions.size() > ADOPTIONS_KEPT) {
            adoptions.removeFirst();
        }
    }

    void removed(Uid uid, Removal why) {
        removals.put(uid, why);
        flagSources.remove(uid);
    }

    void flagsFrom(Uid uid, String source) {
        flagSources.put(uid, source);
        removals.remove(uid);
    }

    void forgetAll() {
        removals.clear();
        flagSources.clear();
    }

    /** The last resynchronisation the client started, if any. */
    public Optional<Resync> lastResync() {
        return Optional.ofNullable(lastResync);
    }

    /** The last HIGHESTMODSEQ values the cache took, oldest first, each with its ground. */
    public List<String> adoptions() {
        return List.copyOf(adoptions);
    }

    /** The response on whose word the client dropped {@code uid}, if it did. */
    public Optional<Removal> removal(Uid uid) {
        return Optional.ofNullable(removals.get(uid));
    }

    /** The response that last gave {@code uid}'s flags, if one did. */
    public Optional<String> flagSource(Uid uid) {
        return Optional.ofNullable(flagSources.get(uid));
    }
}
