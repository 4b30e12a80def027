package org.modseq.properties.check;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.modseq.model.command.Command;
import org.modseq.properties.sessions.ServerSessions;
import org.modseq.reference.cli.Account;

/**
 * A session the judge does not see: it prepares the account before a scenario (deleting what
 * earlier ones left) and finds out what the checker must know first (capabilities, hierarchy
 * delimiter). Anything that goes wrong here means the server cannot be checked at all:
 * {@link UnusableTargetException}.
 */
final class UnjudgedSession implements AutoCloseable {

    private static final String ID = "prepare";

    private final ServerSessions sessions;
    private final String target;
    private final Account account;
    private int tags;

    private UnjudgedSession(ServerSessions sessions, String target, Account account) {
        this.sessions = sessions;
        this.target = target;
        this.account = account;
    }

    /** Connects to the target and logs in as {@code account}. */
    static UnjudgedSession logIn(CheckTarget target, Account account) {
        ServerSessions sessions = target.sessions().get();
        UnjudgedSession session = new UnjudgedSession(sessions, target.name(), account);
        try {
            List<String> greeting;
            try {
                greeting = sessions.connect(ID);
            } catch (UncheckedIOException e) {
                throw new UnusableTargetException("cannot connect to " + target.name() + ": " + cause(e), e);
            }
            String first = greeting.isEmpty() ? "" : greeting.getFirst();
            if (!first.startsWith("* OK") && !first.startsWith("* PREAUTH")) {
                throw new UnusableTargetException(target.name() + " does not greet as an IMAP server: " + first);
            }
            List<String> login = session.send(new Command.Login(account.name(), account.password()));
            if (!taggedOk(login)) {
                throw new UnusableTargetException("LOGIN as " + account.name() + " refused by " + target.name() + ": "
                        + login.getLast());
            }
            return session;
        } catch (RuntimeException e) {
            sessions.close();
            throw e;
        }
    }

    /** The capabilities the server lists after LOGIN, in upper case. */
    List<String> capabilities() {
        List<String> capabilities = new ArrayList<>();
        for (String line : send(new Command.Capability())) {
            if (line.regionMatches(true, 0, "* CAPABILITY ", 0, 13)) {
                for (String word : line.substring(13).split(" ")) {
                    capabilities.add(word.toUpperCase(Locale.ROOT));
                }
            }
        }
        return capabilities;
    }

    /** The hierarchy delimiter {@code LIST "" ""} names (RFC 3501 §6.3.8), or empty for a flat server. */
    Optional<Character> hierarchyDelimiter() {
        for (String line : send(new Command.ListMailboxes(false, "", ""))) {
            int close = line.indexOf(") ");
            if (line.startsWith("* LIST ") && close > 0 && line.length() > close + 3
                    && line.charAt(close + 2) == '"') {
                char c = line.charAt(close + 3);
                return Optional.of(c == '\\' && line.length() > close + 4 ? line.charAt(close + 4) : c);
            }
        }
        return Optional.empty();
    }

    /**
     * Deletes every mailbox whose name starts with {@code prefix}, lowest levels first, and
     * unsubscribes every such name: what scenarios of this check left behind. Refusals are left
     * for the scenario's CREATE to show.
     */
    void deleteMailboxesUnder(String prefix) {
        for (String name : listed(false, prefix)) {
            send(new Command.Delete(name));
        }
        for (String name : listed(true, prefix)) {
            send(new Command.Unsubscribe(name));
        }
    }

    /** Names that LIST (or LSUB) returns for {@code prefix*}, longest first so that children go before parents. */
    private List<String> listed(boolean subscribed, String prefix) {
        List<String> names = new ArrayList<>();
        String kind = subscribed ? "* LSUB " : "* LIST ";
        for (String line : send(new Command.ListMailboxes(subscribed, "", prefix + "*"))) {
            if (line.regionMatches(true, 0, kind, 0, kind.length())) {
                String name = lastWord(line);
                if (name.startsWith(prefix) && !names.contains(name)) {
                    names.add(name);
                }
            }
        }
        names.sort(Comparator.comparingInt(String::length).reversed());
        return names;
    }

    /**
     * The mailbox name at the end of a LIST or LSUB line. The checker's names are atoms without
     * spaces, quotes or backslashes, so the last word is the name, quoted or not, or after a
     * literal's CRLF.
     */
    private static String lastWord(String line) {
        int crlf = line.lastIndexOf("\r\n");
        if (crlf >= 0) {
            return line.substring(crlf + 2);
        }
        String word = line.substring(line.lastIndexOf(' ') + 1);
        return word.length() >= 2 && word.startsWith("\"") && word.endsWith("\"")
                ? word.substring(1, word.length() - 1) : word;
    }

    /** Sends one command; a hang or a lost connection here makes the server unusable for the check. */
    List<String> send(Command command) {
        String tag = "p" + ++tags;
        try {
            return sessions.send(ID, tag, command);
        } catch (UncheckedIOException e) {
            throw new UnusableTargetException("preparing " + account.name() + "'s mailboxes on " + target + ", "
                    + tag + " " + command.toWire().replace("\r\n", "\\r\\n") + " failed: " + cause(e), e);
        }
    }

    static boolean taggedOk(List<String> lines) {
        return !lines.isEmpty() && lines.getLast().matches("\\S+ (?i:OK)( .*)?");
    }

    /** The innermost message of an I/O failure: "Connection refused", "Read timed out". */
    static String cause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public void close() {
        sessions.close();
    }
}
