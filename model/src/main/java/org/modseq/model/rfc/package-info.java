/**
 * RFC 7162's requirements (R1-R110) and examples (X01-X41) by stable ID, in our own words, so
 * that code and tests can cite them ({@link org.modseq.model.rfc.Covers}) and a reader can go
 * from a rule to its code and tests and back. The build fails when a server requirement or an
 * example is cited by no test.
 */
package org.modseq.model.rfc;
