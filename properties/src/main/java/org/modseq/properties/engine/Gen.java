package org.modseq.properties.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator: a function from a {@link Source} of choices to a value.
 *
 * <p>Every generator here maps smaller choices to simpler values, which is what makes shrinking
 * by choice sequence work: the low bound of an integer range, {@code false}, the first
 * alternative of {@link #oneOf}, the shortest list. Generators written by composing these ones
 * inherit that property. Generation must be deterministic: equal choices, equal values.
 *
 * @param <T> the type of generated values
 */
@FunctionalInterface
public interface Gen<T> {

    /**
     * Generates one value, making all random decisions through {@code source}.
     *
     * @param source where choices come from (and are recorded)
     * @return the generated value
     */
    T generate(Source source);

    /**
     * Transforms generated values. Shrinks as this generator does.
     *
     * @param <R> the new value type
     * @param mapper a pure function
     * @return the mapped generator
     */
    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return source -> mapper.apply(generate(source));
    }

    /**
     * Generates a value, then uses it to pick the generator of the result (dependent generation,
     * e.g. a list of indexes below a generated size).
     *
     * @param <R> the new value type
     * @param next chooses the second generator from the first value
     * @return the chained generator
     */
    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> next) {
        Objects.requireNonNull(next, "next");
        return source -> next.apply(generate(source)).generate(source);
    }

    /**
     * Keeps only values satisfying {@code predicate}, retrying up to 100 times.
     *
     * @param predicate the acceptance test
     * @return the filtered generator; it throws {@link GenerationException} after 100 rejections
     *     in a row, since a filter that rarely passes should be a smarter generator
     */
    default Gen<T> filter(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        int maxTries = 100;
        return source -> {
            for (int i = 0; i < maxTries; i++) {
                T value = generate(source);
                if (predicate.test(value)) {
                    return value;
                }
            }
            throw new GenerationException(
                    "filter rejected " + maxTries + " generated values in a row;"
                            + " generate valid values directly instead of filtering");
        };
    }

    /**
     * Always the same value; makes no choice.
     *
     * @param <T> the value type
     * @param value the value
     * @return the constant generator
     */
    static <T> Gen<T> constant(T value) {
        return source -> value;
    }

    /**
     * Integers in {@code [lo, hi]}, shrinking towards {@code lo}.
     *
     * @param lo the smallest value (and the simplest)
     * @param hi the largest value, {@code >= lo}
     * @return the generator
     */
    static Gen<Integer> integers(int lo, int hi) {
        if (lo > hi) {
            throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
        }
        long range = (long) hi - lo;
        return source -> (int) (lo + source.choose(range));
    }

    /**
     * Longs in {@code [lo, hi]}, shrinking towards {@code lo}; the full {@code long} range is
     * allowed.
     *
     * @param lo the smallest value (and the simplest)
     * @param hi the largest value, {@code >= lo}
     * @return the generator
     */
    static Gen<Long> integers(long lo, long hi) {
        if (lo > hi) {
            throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
        }
        // hi - lo may overflow as a signed long but is exact as an unsigned one, and so is
        // lo + choice, which wraps back into [lo, hi].
        long range = hi - lo;
        return source -> lo + source.choose(range);
    }

    /**
     * Booleans, shrinking towards {@code false}.
     *
     * @return the generator
     */
    static Gen<Boolean> booleans() {
        return source -> source.choose(1) == 1;
    }

    /**
     * One of the given values, shrinking towards the first.
     *
     * @param <T> the value type
     * @param values the candidates, at least one
     * @return the generator
     */
    static <T> Gen<T> elements(List<? extends T> values) {
        List<T> copy = List.copyOf(values);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("elements() needs at least one value");
        }
        return source -> copy.get((int) source.choose(copy.size() - 1L));
    }

    /**
     * Picks one of the generators uniformly, shrinking towards the first; list the simplest
     * alternative first.
     *
     * @param <T> the value type
     * @param alternatives the generators, at least one
     * @return the generator
     */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... alternatives) {
        List<Gen<? extends T>> list = new ArrayList<>(alternatives.length);
        for (Gen<? extends T> alternative : alternatives) {
            list.add(alternative);
        }
        return oneOf(list);
    }

    /**
     * Picks one of the generators uniformly, shrinking towards the first.
     *
     * @param <T> the value type
     * @param alternatives the generators, at least one
     * @return the generator
     */
    static <T> Gen<T> oneOf(List<? extends Gen<? extends T>> alternatives) {
        List<Gen<? extends T>> copy = List.copyOf(alternatives);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("oneOf() needs at least one generator");
        }
        return source -> copy.get((int) source.choose(copy.size() - 1L)).generate(source);
    }

    /**
     * A generator with a relative weight, for {@link #frequency}.
     *
     * @param <T> the value type
     * @param weight the relative weight, {@code >= 0}
     * @param gen the generator
     */
    record Weighted<T>(int weight, Gen<? extends T> gen) {
        /** Validates the weight and generator. */
        public Weighted {
            if (weight < 0) {
                throw new IllegalArgumentException("negative weight " + weight);
            }
            Objects.requireNonNull(gen, "gen");
        }
    }

    /**
     * Pairs a weight with a generator, for {@link #frequency}.
     *
     * @param <T> the value type
     * @param weight the relative weight, {@code >= 0}
     * @param gen the generator
     * @return the pair
     */
    static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    /**
     * Picks a generator with probability proportional to its weight, shrinking towards the first
     * alternative with a positive weight.
     *
     * @param <T> the value type
     * @param alternatives weighted generators; the weights must not all be zero
     * @return the generator
     */
    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<? extends T>... alternatives) {
        List<Weighted<? extends T>> copy = new ArrayList<>(alternatives.length);
        long total = 0;
        for (Weighted<? extends T> alternative : alternatives) {
            copy.add(Objects.requireNonNull(alternative, "alternative"));
            total += alternative.weight();
        }
        if (total == 0) {
            throw new IllegalArgumentException("frequency() needs a positive total weight");
        }
        long maxChoice = total - 1;
        return source -> {
            // The choice indexes a slot; slots are laid out in argument order, so a smaller
            // choice means an earlier alternative.
            long slot = source.choose(maxChoice);
            for (Weighted<? extends T> alternative : copy) {
                if (slot < alternative.weight()) {
                    return alternative.gen().generate(source);
                }
                slot -= alternative.weight();
            }
            throw new IllegalStateException("unreachable: slot beyond total weight");
        };
    }

    /**
     * Lists of {@code minSize} to {@code maxSize} elements, shrinking towards shorter lists of
     * simpler elements. The result is unmodifiable.
     *
     * @param <T> the element type
     * @param elements the element generator
     * @param minSize the smallest size, {@code >= 0}
     * @param maxSize the largest size, {@code >= minSize}
     * @return the generator
     */
    static <T> Gen<List<T>> lists(Gen<? extends T> elements, int minSize, int maxSize) {
        Objects.requireNonNull(elements, "elements");
        if (minSize < 0 || maxSize < minSize) {
            throw new IllegalArgumentException("bad size range [" + minSize + ", " + maxSize + "]");
        }
        // Each element past minSize is preceded by a "one more?" choice rather than drawing the
        // size up front: deleting a (yes, element) pair from the choices then removes exactly one
        // element anywhere in the list, and a "no" ends it, so the generic shrinker can shorten
        // lists without knowing what a list is.
        double averageExtra = Math.min((maxSize - minSize) / 2.0, 10.0);
        double more = averageExtra / (averageExtra + 1.0);
        return source -> {
            List<T> list = new ArrayList<>();
            while (list.size() < minSize) {
                list.add(elements.generate(source));
            }
            while (list.size() < maxSize && source.chooseBoolean(more)) {
                list.add(elements.generate(source));
            }
            return Collections.unmodifiableList(list);
        };
    }

    /**
     * Combines two independently generated values.
     *
     * @param <A> the first value type
     * @param <B> the second value type
     * @param <R> the result type
     * @param first the first generator
     * @param second the second generator
     * @param combiner builds the result
     * @return the generator
     */
    static <A, B, R> Gen<R> combine(
            Gen<? extends A> first,
            Gen<? extends B> second,
            BiFunction<? super A, ? super B, ? extends R> combiner) {
        Objects.requireNonNull(combiner, "combiner");
        return source -> {
            A a = first.generate(source);
            B b = second.generate(source);
            return combiner.apply(a, b);
        };
    }
}
