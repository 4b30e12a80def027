package org.modseq.reference.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The accounts file of {@code serve --users-file}: one {@code name:password} a line, in UTF-8.
 * The password may be an Argon2id hash as {@code modseq hash-password} prints it,
 * {@code name:{ARGON2ID}$argon2id$v=19$m=19456,t=2,p=1$SALT$HASH} (Dovecot's form), so that the
 * file holds no password; plain passwords are hashed when the server starts.
 * Blank lines and lines starting with {@code #} are skipped; whitespace around a line is ignored,
 * so a password cannot begin or end with a space here (use {@code --user} for that).
 */
public final class UsersFile {

    private UsersFile() {
    }

    /** The accounts in file order; a failure names the file and, for a bad line, its number. */
    public static List<Account> read(Path path) throws CommandFailure {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CommandFailure("cannot read users file " + path + ": no such file", e);
        } catch (CharacterCodingException e) {
            throw new CommandFailure("cannot read users file " + path + ": it is not UTF-8", e);
        } catch (IOException e) {
            throw new CommandFailure("cannot read users file " + path + ": " + e.getMessage(), e);
        }
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                accounts.add(Account.parse(line));
            } catch (IllegalArgumentException e) {
                throw new CommandFailure("users file " + path + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return accounts;
    }
}
