package org.modseq.benchmarks.driver;

/** Where the load goes: an IMAP server on a host and port, and the account to use there. */
record Target(String host, int port, String user, String password) {
    @Override
    public String toString() {
        return user + "@" + host + ":" + port;
    }
}
