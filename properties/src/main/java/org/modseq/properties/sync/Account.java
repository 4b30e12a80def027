package org.modseq.properties.sync;

import java.util.Objects;

/** A user name and password to LOGIN with (RFC 3501 §6.2.3). */
public record Account(String user, String password) {

    public Account {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "Account[user=" + user + "]";
    }
}
