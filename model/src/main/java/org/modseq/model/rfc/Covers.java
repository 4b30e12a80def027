package org.modseq.model.rfc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares which RFC 7162 requirements ({@link Requirement}, {@code "R45"}) and examples
 * ({@link Example}, {@code "X16"}) a test checks, for example {@code @Covers({"R45", "X16"})}.
 *
 * <p>Put it on a test method, or on a test class when every test in it checks the same rules.
 * Write the IDs as string literals in canonical form ({@code "X05"}, not {@code "X5"}): the
 * coverage check in the model's tests reads them from the source text, rejects IDs that do not
 * exist, and fails the build while a server requirement or an example is cited by no test.
 * Cite only what the test really asserts; a citation is a claim that the rule is checked.
 *
 * <p>Retained at run time so that reports and the simulated client can also read it reflectively.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Covers {

    /** Requirement and example IDs, e.g. {@code {"R45", "X16"}}. */
    String[] value();
}
