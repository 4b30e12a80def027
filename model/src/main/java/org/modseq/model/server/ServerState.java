package org.modseq.model.server;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.modseq.model.mailbox.Mailbox;
import org.modseq.model.mailbox.UidValidity;
import org.modseq.model.session.Session;

/**
 * The whole server at one instant: its choices, accounts, mailboxes and connected sessions.
 * Every transition is a pure function from one state to the next ({@link Server#execute}).
 *
 * <p>The model has one mailbox namespace shared by every user, so that sessions of different
 * users can act on one mailbox as RFC 7162's Example 14 (X18) does; which flags are private to a
 * user is a {@link ServerChoices#privateFlags() choice}.
 *
 * @param choices the server's named choices
 * @param passwords user name to password
 * @param mailboxes by name ({@link #mailboxName(String) normalised})
 * @param sessions by session id
 * @param nextUidValidity the UIDVALIDITY the next created mailbox gets; it only grows, so a
 *     recreated name never reuses an old value (R26, R101)
 * @param subscriptions user name to the mailbox names the user subscribed to (RFC 3501 §6.3.6);
 *     a name stays subscribed when its mailbox goes away
 */
public record ServerState(ServerChoices choices, Map<String, String> passwords, Map<String, Mailbox> mailboxes,
        Map<String, Session> sessions, long nextUidValidity, Map<String, Set<String>> subscriptions) {

    public ServerState {
        passwords = Map.copyOf(passwords);
        mailboxes = Map.copyOf(mailboxes);
        sessions = Map.copyOf(sessions);
        Map<String, Set<String>> copy = new HashMap<>();
        subscriptions.forEach((user, names) -> {
            if (!names.isEmpty()) {
                copy.put(user, Set.copyOf(names));
            }
        });
        subscriptions = Map.copyOf(copy);
    }

    /** A server with the given accounts and an empty INBOX. */
    public static ServerState initial(ServerChoices choices, Map<String, String> passwords) {
        ServerState empty = new ServerState(choices, passwords, Map.of(), Map.of(), 1, Map.of());
        return empty.withNewMailbox("INBOX");
    }

    /** INBOX is case-insensitive (RFC 3501 §5.1); other names are kept as written. */
    public static String mailboxName(String name) {
        return name.toUpperCase(Locale.ROOT).equals("INBOX") ? "INBOX" : name;
    }

    public Optional<Mailbox> mailbox(String name) {
        return Optional.ofNullable(mailboxes.get(mailboxName(name)));
    }

    public Optional<Session> session(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /** Sessions in a stable order, so that the model's answers do not depend on hashing. */
    public List<Session> sessionsInOrder() {
        return new TreeMap<>(sessions).values().stream().toList();
    }

    public ServerState withMailbox(Mailbox mailbox) {
        Map<String, Mailbox> next = new HashMap<>(mailboxes);
        next.put(mailbox.name(), mailbox);
        return new ServerState(choices, passwords, next, sessions, nextUidValidity, subscriptions);
    }

    public ServerState withoutMailbox(String name) {
        Map<String, Mailbox> next = new HashMap<>(mailboxes);
        next.remove(mailboxName(name));
        return new ServerState(choices, passwords, next, sessions, nextUidValidity, subscriptions);
    }

    /** Creates an empty mailbox with a fresh UIDVALIDITY. */
    public ServerState withNewMailbox(String name) {
        String normal = mailboxName(name);
        Mailbox created = Mailbox.create(normal, UidValidity.of(nextUidValidity),
                !choices.noModSeqMailboxes().contains(normal), choices.expungeHistoryBound());
        Map<String, Mailbox> next = new HashMap<>(mailboxes);
        next.put(normal, created);
        return new ServerState(choices, passwords, next, sessions, nextUidValidity + 1, subscriptions);
    }

    public ServerState withSession(Session session) {
        Map<String, Session> next = new HashMap<>(sessions);
        next.put(session.id(), session);
        return new ServerState(choices, passwords, mailboxes, next, nextUidValidity, subscriptions);
    }

    public ServerState withoutSession(String id) {
        Map<String, Session> next = new HashMap<>(sessions);
        next.remove(id);
        return new ServerState(choices, passwords, mailboxes, next, nextUidValidity, subscriptions);
    }

    /** The names {@code user} subscribed to. */
    public Set<String> subscriptions(String user) {
        return subscriptions.getOrDefault(user, Set.of());
    }

    /** {@code user} subscribed to {@code name} ({@link #mailboxName(String) normalised}), or no longer. */
    public ServerState withSubscription(String user, String name, boolean subscribed) {
        Set<String> names = new HashSet<>(subscriptions(user));
        if (subscribed) {
            names.add(mailboxName(name));
        } else {
            names.remove(mailboxName(name));
        }
        Map<String, Set<String>> next = new HashMap<>(subscriptions);
        next.put(user, names);
        return new ServerState(choices, passwords, mailboxes, sessions, nextUidValidity, next);
    }

    /** True when any session other than {@code except} has {@code name} selected. */
    public boolean isSelectedByOthers(String name, String except) {
        String normal = mailboxName(name);
        return sessions.values().stream().anyMatch(s -> !s.id().equals(except)
                && s.selected().map(m -> m.mailbox().equals(normal)).orElse(false));
    }
}
