/**
 * The transition function {@link org.modseq.model.server.Server#execute} and its rules, one
 * class per part of RFC 7162, with the server's freedoms named in
 * {@link org.modseq.model.server.ServerChoices} and the invariants in
 * {@link org.modseq.model.server.Invariants}.
 */
package org.modseq.model.server;
