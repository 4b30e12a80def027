package org.modseq.reference.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.modseq.model.server.ServerChoices;
import org.modseq.reference.engine.ImapEngine;
import org.modseq.reference.engine.ModelEngine;
import org.modseq.reference.engine.StoreEngine;
import picocli.CommandLine;

/**
 * The engines {@code serve --engine} can run. Another engine is one more constant: its
 * command-line name and how to create it from the server choices and the accounts.
 */
public enum EngineKind {
    /**
     * The reference store ({@link StoreEngine}): the model's answers from indexes whose cost
     * follows the number of changes; the default.
     */
    STORE("store", StoreEngine::create),
    /**
     * The model itself ({@link ModelEngine}): the specification's answers by definition, slow on
     * big mailboxes, and one mailbox namespace shared by all users.
     */
    MODEL("model", ModelEngine::create);

    private final String cliName;
    private final BiFunction<ServerChoices, Map<String, String>, ImapEngine> factory;

    EngineKind(String cliName, BiFunction<ServerChoices, Map<String, String>, ImapEngine> factory) {
        this.cliName = cliName;
        this.factory = factory;
    }

    /** The name on the command line. */
    public String cliName() {
        return cliName;
    }

    /** A new engine with these choices and accounts (name to password), every account with an empty INBOX. */
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
