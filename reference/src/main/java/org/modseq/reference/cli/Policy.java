package org.modseq.reference.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Collectors;
import org.modseq.model.server.ServerChoices;
import picocli.CommandLine;

/** The named sets of server choices {@code serve --policy} offers (see docs/choices.md). */
public enum Policy {
    /** The RFC's recommendation wherever it makes one. */
    RFC_DEFAULTS("rfc-defaults", ServerChoices.RFC_DEFAULTS),
    /** The permitted behaviour hardest on clients, to test clients against. */
    HARDEST("hardest", ServerChoices.HARDEST_ON_CLIENTS);

    private final String cliName;
    private final ServerChoices choices;

    Policy(String cliName, ServerChoices choices) {
        this.cliName = cliName;
        this.choices = choices;
    }

    /** The name on the command line. */
    public String cliName() {
        return cliName;
    }

    public ServerChoices choices() {
        return choices;
    }

    /** The policy with this command-line name, in any case. */
    public static Policy named(String name) {
        for (Policy policy : values()) {
            if (policy.cliName.equalsIgnoreCase(name)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("unknown policy '" + name + "'; valid policies: " + namesJoined());
    }

    static String namesJoined() {
        return Arrays.stream(values()).map(Policy::cliName).collect(Collectors.joining(", "));
    }

    /** Reads {@code --policy} values for picocli. */
    static final class Converter implements CommandLine.ITypeConverter<Policy> {
        @Override
        public Policy convert(String value) {
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
            return Arrays.stream(values()).map(Policy::cliName).iterator();
        }
    }
}
