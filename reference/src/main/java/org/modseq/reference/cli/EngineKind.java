package org.modseq.reference.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.modseq.model.server.ServerChoices;
import org.modseq.reference.engine.ImapEngine;
import org.modseq.reference.engine.ModelEngine;
import org.modseq.reference.engine.NamespaceMode;
import org.modseq.reference.engine.StoreEngine;
import picocli.CommandLine;

/**
 * The engines {@code serve --engine} can run. Another engine is one more constant: its
 * command-line name and how to create it from the server choices and the accounts.
 */
public enum EngineKind {
    /**
     * The reference store ({@link StoreEngine}): the model's answers from indexes whose cost
     * follows the number of changes, and mailboxes of its own for each account; the default.
     */
    STORE("store", (choices, passwords) -> StoreEngine.create(choices, passwords, NamespaceMode.PER_USER), false),
    /**
     * The model itself ({@link ModelEngine}): the specification's answers by definition, slow on
     * big mailboxes, and one mailbox namespace shared by all users.
     */
    MODEL("model", ModelEngine::create, true);

    private final String cliName;
    private final BiFunction<ServerChoices, Map<String, String>, ImapEngine> factory;
    private final boolean sharedNamespace;

    EngineKind(String cliName, BiFunction<ServerChoices, Map<String, String>, ImapEngine> factory,
            boolean sharedNamespace) {
        this.cliName = cliName;
        this.factory = factory;
        this.sharedNamespace = sharedNamespace;
    }

    /** The name on the command line. */
    public String cliName() {
        return cliName;
    }

    /** True when all accounts see one set of mailboxes; false when each account has its own. */
    public boolean sharedNamespace() {
        return sharedNamespace;
    }

    /**
     * A new engine with these choices and accounts (name to password): one empty INBOX shared by
     * all accounts, or an empty INBOX for each, as {@link #sharedNamespace()} says.
     */
    public ImapEngine create(ServerChoices choices, Map<String, String> passwords) {
        return factory.apply(choices, passwords);
    }

    /** The engine with this command-line name, in any case. */
    public static EngineKind named(String name) {
        for (EngineKind kind : values()) {
            if (kind.cliName.equalsIgnoreCase(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + name + "'; valid engines: "
                + Arrays.stream(values()).map(EngineKind::cliName).collect(Collectors.joining(", ")));
    }

    /** Reads {@code --engine} values for picocli. */
    static final class Converter implements CommandLine.ITypeConverter<EngineKind> {
        @Override
        public EngineKind convert(String value) {
            try {
                return named(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** The names, for picocli's {@code ${COMPLETION-CANDIDATES}} in the help. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(EngineKind::cliName).iterator();
        }
    }
}
