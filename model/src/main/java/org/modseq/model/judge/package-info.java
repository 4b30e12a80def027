/**
 * The judge of a real server's answers: given the history a checker ran (connections, commands
 * and the server's response lines), {@link org.modseq.model.judge.Judge} decides whether every
 * response is one RFC 7162 (and RFC 3501 where it bears on it) permits, and otherwise names the
 * first violation with its requirement, event, line and reason. It accepts every freedom the RFC
 * gives a server, learning the server's mod-sequences and UIDs from what it says. Pure: no I/O;
 * see docs/judge.md for what is checked.
 */
package org.modseq.model.judge;
