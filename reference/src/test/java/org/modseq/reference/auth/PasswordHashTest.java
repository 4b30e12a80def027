package org.modseq.reference.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Salted Argon2id hashes in the PHC format, and the credentials a server keeps. */
class PasswordHashTest {

    /**
     * A vector of the Argon2 reference implementation's own tests (test.c: "password", "somesalt",
     * t=2, m=2^16 KiB, p=1, Argon2id version 19): Bouncy Castle must agree with it.
     */
    private static final String REFERENCE = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ"
            + "$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

    @Test
    void theReferenceImplementationsHashIsVerified() {
        PasswordHash hash = PasswordHash.parse(REFERENCE);
        assertTrue(hash.matches("password"));
        assertFalse(hash.matches("Password"));
        assertEquals(REFERENCE, hash.toPhc());
        assertEquals(new HashCost(65536, 2, 1), hash.cost());
    }

    @Test
    void aHashIsSaltedAndVerifiesOnlyItsPassword() {
        PasswordHash first = PasswordHash.of("s3cret w\u00f6rd", HashCost.FIXTURE);
        PasswordHash second = PasswordHash.of("s3cret w\u00f6rd", HashCost.FIXTURE);
        assertNotEquals(first.toPhc(), second.toPhc(), "a new salt each time");
        assertTrue(first.matches("s3cret w\u00f6rd"));
        assertFalse(first.matches("s3cret word"));
        assertFalse(first.matches(""));
        assertTrue(first.toPhc().matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"),
                first.toPhc());
        PasswordHash read = PasswordHash.parse(PasswordHash.SCHEME + first.toPhc());
        assertTrue(read.matches("s3cret w\u00f6rd"));
        assertFalse(first.toString().contains("s3cret"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "plain text|not an Argon2id hash (expected {ARGON2ID}$argon2id$v=19$m=...,t=...,p=...$SALT$HASH)",
        "$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc|not an Argon2id hash (expected {ARGON2ID}$argon2id$v=19$m=...,t=...,p=...$SALT$HASH)",
        "$argon2id$v=16$m=64,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc|not an Argon2id hash (expected {ARGON2ID}$argon2id$v=19$m=...,t=...,p=...$SALT$HASH)",
        "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ|an Argon2id hash has parameters, salt and hash after $argon2id$v=19$",
        "$argon2id$v=19$t=1,m=64,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc|Argon2id parameters must be m=KIB,t=PASSES,p=LANES, not t=1,m=64,p=1",
        "$argon2id$v=19$m=4,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc|Argon2id parameters m=4,t=1,p=1: memory must be from 8 KiB per lane (8) to 4194304 KiB, not 4",
        "$argon2id$v=19$m=99999999999,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc|Argon2id parameters m=99999999999,t=1,p=1: m=99999999999 is not a number",
        "$argon2id$v=19$m=64,t=0,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc|Argon2id parameters m=64,t=0,p=1: iterations must be from 1 to 1000, not 0",
        "$argon2id$v=19$m=64,t=1,p=1$c29t!$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc|the Argon2id salt is not base64",
        "$argon2id$v=19$m=64,t=1,p=1$c29tZQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc|an Argon2id salt must be at least 8 octets, not 4",
        "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$CTFhFdXP|an Argon2id hash must be 16 to 64 octets, not 6",
    })
    void hashesThatCannotBeReadAreNamed(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse(text)).getMessage());
    }

    @Test
    void credentialsKeepHashesOfPasswordsAndTakeHashesAsGiven() {
        Map<String, String> accounts = new LinkedHashMap<>();
        accounts.put("alice", "pw");
        accounts.put("bob", PasswordHash.SCHEME + REFERENCE);
        Credentials credentials = Credentials.of(accounts, HashCost.FIXTURE);
        assertEquals(List.of("alice", "bob"), credentials.users().stream().sorted().toList());
        assertTrue(credentials.verify("alice", "pw"));
        assertFalse(credentials.verify("alice", "PW"));
        assertTrue(credentials.verify("bob", "password"));
        assertFalse(credentials.verify("bob", PasswordHash.SCHEME + REFERENCE), "the hash is not the password");
        assertFalse(credentials.verify("carol", "pw"));
        assertFalse(credentials.verify("Alice", "pw"), "user names are exact");
    }

    @Test
    void aBadHashNamesItsUser() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Credentials.of(Map.of("bob", "{ARGON2ID}$argon2id$v=19$nonsense"), HashCost.FIXTURE));
        assertTrue(e.getMessage().startsWith("password hash of bob: "), e.getMessage());
    }
}
