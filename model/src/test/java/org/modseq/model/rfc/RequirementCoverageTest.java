package org.modseq.model.rfc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The build-breaking coverage check: every RFC 7162 server requirement that is in scope, and
 * every example, must be cited by at least one test of some module, and every cited ID must
 * exist. Without it, "executable spec" would be a claim nobody checks.
 *
 * <p>Citations are read from the test <em>source text</em> of every module (every
 * {@code .java} file under {@code <module>/src/test/java}), not from compiled classes, so that one run of the
 * model module sees the tests of the reference server and the properties too. Three forms count
 * (see {@link Requirement}): {@link Covers @Covers} string literals, ID tokens in the names of
 * methods annotated {@code @Test}, {@code @ParameterizedTest}, {@code @RepeatedTest},
 * {@code @TestFactory} or {@code @Property}, and upper-case IDs in {@code @DisplayName} strings.
 * Comments and string literals are blanked before matching, so quoting an annotation in a
 * comment or in a test snippet cites nothing.
 *
 * <p>A citation on a {@code @Disabled} test, or in a {@code @Disabled} class, does not count: a
 * test that does not run proves nothing.
 */
class RequirementCoverageTest {

    /**
     * The catalogue's own tests. Their citations prove that the scanner reads real files, but
     * they check bookkeeping, not behaviour, so they never count as coverage.
     */
    private static final Set<String> BOOKKEEPING_FILES = Set.of(
            "model/src/test/java/org/modseq/model/rfc/RequirementCoverageTest.java",
            "model/src/test/java/org/modseq/model/rfc/RequirementCatalogueTest.java");

    private static final Pattern ROOT_POM_LISTS_MODEL = Pattern.compile("<module>\\s*model\\s*</module>");

    @Test
    void everyCitedIdExists() {
        Scan scan = projectScan();
        List<String> problems = new ArrayList<>(scan.problems());
        for (Citation c : scan.citations()) {
            problemWith(c.id()).ifPresent(p -> problems.add(c.where() + ": " + p));
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " bad citation(s) in the test sources:\n  "
                + String.join("\n  ", problems));
    }

    @Test
    void everyServerRequirementAndEveryExampleIsCited() {
        Scan scan = projectScan();
        Set<String> missing = uncovered(scan.citations());
        Set<String> cited = coveringIds(scan.citations());
        // A planned example that a real test now cites should lose its "planned" mark.
        List<String> stale = Stream.of(Example.values())
                .filter(x -> x.isPlanned() && cited.contains(x.id()))
                .map(x -> x.id() + " is cited but still marked planned (\"" + x.planned() + "\"): clear the mark")
                .toList();
        assertTrue(missing.isEmpty() && stale.isEmpty(), () -> coverageReport(missing, stale));
    }

    /**
     * A check of the planned-example bookkeeping (§3.1.10, Example 20 uses SORT, which §3.1.9
     * governs). It is also the real citation that {@link ScannerSelfTest} expects to find in
     * this file.
     */
    @Test
    @Covers({"X24", "R54"})
    void sortExampleIsPlannedExactlyBecauseSortIsOutOfScope() {
        assertTrue(Example.X24.isPlanned());
        assertTrue(Example.X24.exercises().contains(Requirement.R54));
        assertEquals(Requirement.Scope.OUT_OF_SCOPE, Requirement.R54.scope());
        assertFalse(Requirement.R54.demandsCoverage());
        Set<String> missing = uncovered();
        assertFalse(missing.contains("X24") || missing.contains("R54"), () -> "uncovered: " + missing);
    }

    // ---------------------------------------------------------------------------------------
    // Coverage computation

    /**
     * The demanded IDs that no test cites yet, in catalogue order (requirements, then examples).
     * Print it while writing model tests; the disabled coverage test shows the same list with
     * summaries.
     */
    static Set<String> uncovered() {
        return uncovered(projectScan().citations());
    }

    static Set<String> uncovered(List<Citation> citations) {
        Set<String> cited = coveringIds(citations);
        Set<String> missing = new LinkedHashSet<>();
        for (Requirement r : Requirement.values()) {
            if (r.demandsCoverage() && !cited.contains(r.id())) {
                missing.add(r.id());
            }
        }
        for (Example x : Example.values()) {
            if (!x.isPlanned() && !cited.contains(x.id())) {
                missing.add(x.id());
            }
        }
        return missing;
    }

    /** The IDs that count as covered: cited outside the catalogue's own tests. */
    static Set<String> coveringIds(List<Citation> citations) {
        return citations.stream()
                .filter(c -> !BOOKKEEPING_FILES.contains(c.file()))
                .map(Citation::id)
                .collect(Collectors.toSet());
    }

    /** Why {@code id} is not a valid citation, or empty if it names a catalogue entry. */
    static Optional<String> problemWith(String id) {
        try {
            if (id.startsWith("X")) {
                Example.parse(id);
            } else {
                Requirement.parse(id);
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static String coverageReport(Set<String> missing, List<String> stale) {
        StringBuilder out = new StringBuilder();
        long demanded = Stream.of(Requirement.values()).filter(Requirement::demandsCoverage).count()
                + Stream.of(Example.values()).filter(x -> !x.isPlanned()).count();
        out.append(missing.size()).append(" of ").append(demanded)
                .append(" demanded IDs are cited by no test (cite with @Covers, a test method name or @DisplayName):");
        for (String id : missing) {
            out.append("\n  ").append(describe(id));
        }
        for (String s : stale) {
            out.append("\n  ").append(s);
        }
        return out.toString();
    }

    private static String describe(String id) {
        if (id.startsWith("X")) {
            Example x = Example.parse(id);
            return String.format("%-4s %s, %s: %s", id, x.label(), x.section(), x.summary());
        }
        Requirement r = Requirement.parse(id);
        return String.format("%-4s %s %s (%s): %s", id, r.section(), r.keyword().text(), r.party(), r.summary());
    }

    // ---------------------------------------------------------------------------------------
    // Finding and reading the test sources

    /** Every citation in the test sources of every module of the project. */
    static Scan projectScan() {
        Path root = projectRoot();
        List<Citation> citations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : testSources(root)) {
            String name = root.relativize(file).toString().replace('\\', '/');
            Scan scan = CitationScanner.scan(name, read(file));
            citations.addAll(scan.citations());
            problems.addAll(scan.problems());
        }
        return new Scan(List.copyOf(citations), List.copyOf(problems));
    }

    /** The nearest directory upwards whose pom.xml lists the model module: the project root. */
    static Path projectRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && ROOT_POM_LISTS_MODEL.matcher(read(pom)).find()) {
                return dir;
            }
        }
        throw new IllegalStateException("no pom.xml with <module>model</module> in " + start + " or above");
    }

    /** Every {@code .java} file under {@code <root>/<module>/src/test/java}, in a stable order. */
    static List<Path> testSources(Path root) {
        try (Stream<Path> modules = Files.list(root)) {
            List<Path> testRoots = modules
                    .map(m -> m.resolve("src/test/java"))
                    .filter(Files::isDirectory)
                    .sorted()
                    .toList();
            List<Path> files = new ArrayList<>();
            for (Path testRoot : testRoots) {
                try (Stream<Path> walk = Files.walk(testRoot)) {
                    walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                            .sorted(Comparator.naturalOrder())
                            .forEach(files::add);
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------
    // The scanner

    /** One ID found in a test source, with where and how it was found. */
    record Citation(String id, String file, int line, String via) {

        String where() {
            return file + ":" + line + " (" + via + ")";
        }
    }

    /** What a scan found: citations, plus annotations it could not read. */
    record Scan(List<Citation> citations, List<String> problems) {

        Set<String> ids() {
            return citations.stream().map(Citation::id).collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    /**
     * Finds citations in one Java source text. Regular expressions run on a masked copy of the
     * source in which comments and the contents of string, character and text-block literals are
     * blanked (positions and line breaks kept); literal contents are then read back from the
     * original text only where an annotation's arguments are expected.
     */
    static final class CitationScanner {

        private static final Pattern COVERS = Pattern.compile("@(?:org\\.modseq\\.model\\.rfc\\.)?Covers\\s*\\(");
        private static final Pattern DISPLAY_NAME =
                Pattern.compile("@(?:org\\.junit\\.jupiter\\.api\\.)?DisplayName\\s*\\(");
        private static final Pattern TEST_ANNOTATION = Pattern.compile(
                "@(?:[\\w.]+\\.)?(?:Test|ParameterizedTest|RepeatedTest|TestFactory|Property)(?![\\w.])");
        /** An ID in prose: upper case, not glued to letters or digits ("R45:", "(X16)", "R45-R47"). */
        private static final Pattern PROSE_ID = Pattern.compile("(?<![A-Za-z0-9_])([RX][0-9]+)(?![A-Za-z0-9_])");
        /**
         * An ID token in a method name: at the start or after '_' in either case, or upper case
         * after a lower-case letter or digit (camel case); it ends at the end, at '_' or before
         * an upper-case letter. So r45_strict, strict_R45, strictR45Fetch, x16_fetch match, while
         * max16Bytes and r2d2 do not.
         */
        private static final Pattern NAME_ID =
                Pattern.compile("(?:(?:^|(?<=_))([RrXx])|(?<=[a-z0-9])([RX]))([0-9]+)(?=$|_|[A-Z])");
        private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

        private CitationScanner() {
        }

        static Scan scan(String file, String source) {
            String masked = mask(source);
            List<Citation> citations = new ArrayList<>();
            List<String> problems = new ArrayList<>();

            boolean classDisabled = classDisabled(masked);
            Matcher covers = COVERS.matcher(masked);
            while (covers.find()) {
                if (classDisabled || disabledAt(masked, covers.start())) {
                    continue;
                }
                int line = lineOf(source, covers.start());
                List<String> literals = literalsIn(source, masked, covers.end() - 1);
                if (literals.isEmpty()) {
                    problems.add(file + ":" + line + ": @Covers without string literals; write the IDs as literals, "
                            + "e.g. @Covers({\"R45\", \"X16\"}), so that the coverage check can read them");
                }
                for (String id : literals) {
                    citations.add(new Citation(id, file, line, "@Covers"));
                }
            }

            Matcher displayName = DISPLAY_NAME.matcher(masked);
            while (displayName.find()) {
                int line = lineOf(source, displayName.start());
                Matcher id = PROSE_ID.matcher(String.join(" ", literalsIn(source, masked, displayName.end() - 1)));
                while (id.find()) {
                    citations.add(new Citation(id.group(1), file, line, "@DisplayName"));
                }
            }

            Matcher test = TEST_ANNOTATION.matcher(masked);
            while (test.find()) {
                String method = methodNameAfter(masked, test.end());
                if (method == null || classDisabled || disabledAt(masked, test.start())) {
                    continue;
                }
                int line = lineOf(source, test.start());
                Matcher id = NAME_ID.matcher(method);
                while (id.find()) {
                    String letter = id.group(1) != null ? id.group(1) : id.group(2);
                    citations.add(new Citation(letter.toUpperCase() + id.group(3), file, line,
                            "test method " + method));
                }
            }
            citations.sort(Comparator.comparingInt(Citation::line));
            return new Scan(List.copyOf(citations), List.copyOf(problems));
        }

        /**
         * The name of the method declared after a test annotation that ends at {@code from}:
         * skips that annotation's arguments and any further annotations, then takes the
         * identifier right before the first '('. Null if a field or type follows instead.
         */
        static String methodNameAfter(String masked, int from) {
            int i = skipSpace(masked, from);
            if (i < masked.length() && masked.charAt(i) == '(') {
                i = closingParen(masked, i) + 1;
            }
            while (true) {
                i = skipSpace(masked, i);
                if (i >= masked.length() || masked.charAt(i) != '@') {
                    break;
                }
                i++;
                while (i < masked.length() && (Character.isJavaIdentifierPart(masked.charAt(i)) || masked.charAt(i) == '.')) {
                    i++;
                }
                int afterName = skipSpace(masked, i);
                if (afterName < masked.length() && masked.charAt(afterName) == '(') {
                    i = closingParen(masked, afterName) + 1;
                }
                if (i <= 0) {
                    return null;
                }
            }
            int open = masked.indexOf('(', i);
            if (open < 0) {
                return null;
            }
            String header = masked.substring(i, open);
            if (header.contains(";") || header.contains("{") || header.contains("=")) {
                return null;
            }
            Matcher identifier = IDENTIFIER.matcher(header.stripTrailing());
            String last = null;
            while (identifier.find()) {
                last = identifier.group();
            }
            return last;
        }

        /** The contents of the literals between the '(' at {@code open} and its matching ')'. */
        static List<String> literalsIn(String source, String masked, int open) {
            int close = closingParen(masked, open);
            List<String> literals = new ArrayList<>();
            if (close < 0) {
                return literals;
            }
            int i = open + 1;
            while (i < close) {
                if (masked.startsWith("\"\"\"", i)) {
                    int end = masked.indexOf("\"\"\"", i + 3);
                    if (end < 0 || end > close) {
                        break;
                    }
                    literals.add(source.substring(i + 3, end).strip());
                    i = end + 3;
                } else if (masked.charAt(i) == '"') {
                    int end = masked.indexOf('"', i + 1);
                    if (end < 0 || end > close) {
                        break;
                    }
                    literals.add(source.substring(i + 1, end));
                    i = end + 1;
                } else {
                    i++;
                }
            }
            return literals;
        }

        /**
         * The source with comments and literal contents replaced by spaces. Quote delimiters stay,
         * so literals can still be located; line breaks stay, so line numbers still agree.
         */
        static String mask(String source) {
            char[] out = source.toCharArray();
            int n = source.length();
            int i = 0;
            while (i < n) {
                char c = source.charAt(i);
                if (source.startsWith("//", i)) {
                    int end = source.indexOf('\n', i);
                    end = end < 0 ? n : end;
                    blank(out, i, end);
                    i = end;
                } else if (source.startsWith("/*", i)) {
                    int end = source.indexOf("*/", i + 2);
                    end = end < 0 ? n : end + 2;
                    blank(out, i, end);
                    i = end;
                } else if (source.startsWith("\"\"\"", i)) {
                    int j = i + 3;
                    while (j < n && !source.startsWith("\"\"\"", j)) {
                        j += source.charAt(j) == '\\' ? 2 : 1;
                    }
                    j = Math.min(j, n);
                    blank(out, i + 3, j);
                    i = Math.min(j + 3, n);
                } else if (c == '"' || c == '\'') {
                    int j = i + 1;
                    while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                        j += source.charAt(j) == '\\' ? 2 : 1;
                    }
                    j = Math.min(j, n);
                    blank(out, i + 1, j);
                    i = j + 1;
                } else {
                    i++;
                }
            }
            return new String(out);
        }

        private static void blank(char[] out, int from, int to) {
            for (int k = from; k < to; k++) {
                if (out[k] != '\n') {
                    out[k] = ' ';
                }
            }
        }

        /** The index of the ')' matching the '(' at {@code open}, or -1 (masked text: no literals to trip on). */
        private static int closingParen(String masked, int open) {
            int depth = 0;
            for (int i = open; i < masked.length(); i++) {
                char c = masked.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return i;
                }
            }
            return -1;
        }

        /** True when the top-level class declaration carries {@code @Disabled}. */
        static boolean classDisabled(String masked) {
            Matcher type = Pattern.compile("\\b(?:class|record|interface)\\s+[A-Za-z_$]").matcher(masked);
            if (!type.find()) {
                return false;
            }
            int i = type.start() - 1;
            while (i >= 0 && (Character.isWhitespace(masked.charAt(i)) || Character.isJavaIdentifierPart(masked.charAt(i)))) {
                i--; // modifiers such as "final" or "public"
            }
            return disabledAt(masked, i + 1);
        }

        /**
         * True when the run of annotations that holds the one at {@code at} (the annotations of
         * one declaration, in any order) includes {@code @Disabled}.
         */
        static boolean disabledAt(String masked, int at) {
            int start = at;
            while (true) {
                int i = start - 1;
                while (i >= 0 && Character.isWhitespace(masked.charAt(i))) {
                    i--;
                }
                if (i >= 0 && masked.charAt(i) == ')') {
                    i = openingParen(masked, i) - 1;
                    while (i >= 0 && Character.isWhitespace(masked.charAt(i))) {
                        i--;
                    }
                }
                int nameEnd = i;
                while (i >= 0 && (Character.isJavaIdentifierPart(masked.charAt(i)) || masked.charAt(i) == '.')) {
                    i--;
                }
                if (i < 0 || i == nameEnd || masked.charAt(i) != '@') {
                    break;
                }
                start = i;
            }
            int i = start;
            while (true) {
                i = skipSpace(masked, i);
                if (i >= masked.length() || masked.charAt(i) != '@') {
                    return false;
                }
                int nameStart = ++i;
                while (i < masked.length() && (Character.isJavaIdentifierPart(masked.charAt(i)) || masked.charAt(i) == '.')) {
                    i++;
                }
                String name = masked.substring(nameStart, i);
                if (name.equals("Disabled") || name.endsWith(".Disabled")) {
                    return true;
                }
                int after = skipSpace(masked, i);
                if (after < masked.length() && masked.charAt(after) == '(') {
                    i = closingParen(masked, after) + 1;
                    if (i <= 0) {
                        return false;
                    }
                }
            }
        }

        private static int openingParen(String masked, int close) {
            int depth = 0;
            for (int i = close; i >= 0; i--) {
                char c = masked.charAt(i);
                if (c == ')') {
                    depth++;
                } else if (c == '(' && --depth == 0) {
                    return i;
                }
            }
            return 0;
        }

        private static int skipSpace(String text, int i) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return i;
        }

        private static int lineOf(String source, int index) {
            int line = 1;
            for (int k = 0; k < index; k++) {
                if (source.charAt(k) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    // ---------------------------------------------------------------------------------------
    // Self-tests: the scanner must not silently find nothing.

    @Nested
    class ScannerSelfTest {

        private Set<String> idsIn(String source) {
            return CitationScanner.scan("Snippet.java", source).ids();
        }

        @Test
        void idTokensInTestMethodNamesAreCitations() {
            assertEquals(Set.of("R45", "X16"), idsIn("class A { @Test void r45_x16_strict() {} }"));
        }

        @Test
        void disabledTestsCiteNothing() {
            assertEquals(Set.of("R2"), idsIn("""
                    class A {
                        @Test @Covers("R1") @Disabled("bug") void r3_broken() {}
                        @Disabled @Test void r4_alsoBroken() {}
                        @Test
                        @Covers({"R2"})
                        void fine() {}
                        @org.junit.jupiter.api.Disabled("x")
                        @Covers({"R5"}) @Test void r6_broken() {}
                    }
                    """));
            assertEquals(Set.of(), idsIn("""
                    @Disabled("not yet")
                    final class B { @Test @Covers("R7") void r8_x() {} }
                    """));
        }

        @Test
        void everyTestAnnotationAndNamingStyleIsRecognised() {
            String source = """
                    class A {
                        @Test
                        void changedSinceIsStrict_R45() {}

                        @ParameterizedTest(name = "{0} (not R1)")
                        @ValueSource(ints = {1, 2})
                        public void checkX17(int i) {}

                        @RepeatedTest(3) void r7_appendRaisesModseq() {}

                        @TestFactory
                        Stream<DynamicTest> x01_selectReportsHighestModseq() { return Stream.empty(); }

                        @Property(tries = 10)
                        void x41_resyncFlow(@ForAll int n) {}

                        @org.junit.jupiter.api.Test
                        void storeR33Silent_x03() {}
                    }
                    """;
            assertEquals(Set.of("R45", "X17", "R7", "X01", "X41", "R33", "X03"), idsIn(source));
        }

        @Test
        void lookalikeNamesAndNonTestMethodsAreNotCitations() {
            String source = """
                    class A {
                        @Test void max16Bytes() {}
                        @Test void order66() {}
                        @Test void r2d2() {}
                        @Test void xr45_() {}
                        void r45_notATest() {}
                        @TestInstance(PER_CLASS) class B { void x16_helperLookalike() {} }
                    }
                    """;
            assertEquals(Set.of(), idsIn(source));
        }

        @Test
        void coversAnnotationsInEveryFormAreCitations() {
            String source = """
                    @Covers({"R45", "X16"})
                    class A {
                        @Test @Covers("R3") void strict() {}
                        @Test @org.modseq.model.rfc.Covers(value = {"X02",
                                "R29"}) void nomodseq() {}
                    }
                    """;
            Scan scan = CitationScanner.scan("Snippet.java", source);
            assertEquals(Set.of("R45", "X16", "R3", "X02", "R29"), scan.ids());
            assertTrue(scan.citations().stream().allMatch(c -> c.via().equals("@Covers")));
            assertEquals(List.of(1, 1, 3, 4, 4), scan.citations().stream().map(Citation::line).toList());
        }

        @Test
        void upperCaseIdsInDisplayNamesAreCitations() {
            String source = """
                    @DisplayName("RFC 7162 section 3, r45 and x16 in lower case are prose")
                    class A {
                        @DisplayName("R45: CHANGEDSINCE is strict (see X16, R46-R47)")
                        @Test void strict() {}
                    }
                    """;
            assertEquals(Set.of("R45", "X16", "R46", "R47"), idsIn(source));
        }

        @Test
        void commentsAndStringLiteralsCiteNothing() {
            String source = """
                    class A {
                        // @Test void r45_commentedOut() {}
                        /* @Covers("R1") */
                        /** {@code @Covers({"R2"})} */
                        String s = "@Test void r3_inAString() {} @Covers(\\"R4\\")";
                        char quote = '"';
                        String block = \"""
                            @Covers({"R5"}) @Test void r6_inATextBlock() {}
                            \""";
                    }
                    """;
            assertEquals(Set.of(), idsIn(source));
        }

        @Test
        void badIdsAreFoundAndExplained() {
            Scan scan = CitationScanner.scan("Snippet.java", """
                    class A {
                        @Test void x5_unpadded() {}
                        @Test @Covers("R111") void beyondTheCatalogue() {}
                    }
                    """);
            assertEquals(Set.of("X5", "R111"), scan.ids());
            assertTrue(problemWith("X5").orElseThrow().contains("write X05"));
            assertTrue(problemWith("R111").orElseThrow().contains("\"R111\""));
            assertTrue(problemWith("R45").isEmpty());
            assertTrue(problemWith("X16").isEmpty());
        }

        @Test
        void coversWithoutLiteralsIsReportedNotIgnored() {
            Scan scan = CitationScanner.scan("Snippet.java", "class A { @Test @Covers(IDS) void t() {} }");
            assertEquals(1, scan.problems().size(), scan.problems()::toString);
            assertTrue(scan.problems().getFirst().startsWith("Snippet.java:1: @Covers without string literals"));
        }

        @Test
        void theProjectScanReadsRealFilesIncludingThisOne() {
            Path root = projectRoot();
            assertTrue(Files.isDirectory(root.resolve("model")), root::toString);
            List<Path> sources = testSources(root);
            assertTrue(sources.stream().anyMatch(p -> p.endsWith("RequirementCoverageTest.java")), sources::toString);
            List<Citation> here = projectScan().citations().stream()
                    .filter(c -> c.file().endsWith("/RequirementCoverageTest.java"))
                    .toList();
            // The @Covers on sortExampleIsPlannedExactlyBecauseSortIsOutOfScope, and nothing from the snippets.
            assertEquals(Set.of("X24", "R54"), here.stream().map(Citation::id).collect(Collectors.toSet()),
                    here::toString);
        }

        @Test
        void theCatalogueTestsOwnCitationsNeverCountAsCoverage() {
            String bookkeeping = "model/src/test/java/org/modseq/model/rfc/RequirementCoverageTest.java";
            List<Citation> citations = List.of(
                    new Citation("R45", bookkeeping, 1, "@Covers"),
                    new Citation("X16", "model/src/test/java/org/modseq/model/FetchTest.java", 1, "@Covers"));
            assertEquals(Set.of("X16"), coveringIds(citations));
            Set<String> missing = uncovered(citations);
            assertTrue(missing.contains("R45") && !missing.contains("X16"), missing::toString);
        }
    }
}
