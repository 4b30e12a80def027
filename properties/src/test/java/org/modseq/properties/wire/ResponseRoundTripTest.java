package org.modseq.properties.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modseq.model.command.StatusItem;
import org.modseq.model.command.Section;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.mailbox.UidValidity;
import org.modseq.model.response.FetchAttribute;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.set.NumberSet;
import org.modseq.model.wire.ResponseParser;
import org.modseq.model.wire.ResponseSyntaxException;
import org.modseq.properties.engine.Gen;
import org.modseq.properties.engine.PropertyRunner;
import org.modseq.properties.engine.Settings;

/**
 * The response parser reads back every response the model can render: for each generated
 * {@link Response}, {@code ResponseParser.parse(r.toWire())} equals {@code r}. Values cover every
 * response type, response code and FETCH item of the model, at the edges of their ranges
 * (UIDs up to 2^32-1, mod-sequences up to 2^63-1, 8-bit message octets, mailbox names that need
 * quoting or a literal).
 */
class ResponseRoundTripTest {

    private static final List<Flag> FLAGS = List.of(Flag.SEEN, Flag.ANSWERED, Flag.FLAGGED, Flag.DELETED, Flag.DRAFT,
            Flag.RECENT, Flag.of("$Label"), Flag.of("$MDNSent"), Flag.of("NonJunk"));

    @Test
    void everyRenderedResponseParsesBackToItself() {
        PropertyRunner.forAll("parse(toWire(r)) = r", responses(), ResponseRoundTripTest::roundTrips,
                Settings.fromSystemProperties(3_000, 50_000, 1, 1)).assertPassed();
    }

    private static void roundTrips(Response response) {
        String wire = response.toWire();
        Response parsed;
        try {
            parsed = ResponseParser.parse(wire);
        } catch (ResponseSyntaxException e) {
            throw new AssertionError("refused " + wire + ": " + e.getMessage(), e);
        }
        if (!parsed.equals(response)) {
            throw new AssertionError("parsed " + wire + " as " + parsed + ", not " + response);
        }
    }

    static Gen<Response> responses() {
        return Gen.oneOf(status(), Gen.<Response>oneOf(
                text(true).map(Response.Continuation::new),
                Gen.lists(atom(), 0, 4).map(list -> {
                    List<String> all = new ArrayList<>(list);
                    all.add("IMAP4rev1");
                    return new Response.CapabilityData(all);
                }),
                Gen.lists(atom(), 0, 3).map(Response.Enabled::new),
                Gen.lists(flag(), 0, 6).map(list -> new Response.FlagsData(list.stream().distinct().toList())),
                number(0).map(Response.Exists::new),
                number(0).map(Response.Recent::new),
                number(1).map(Response.Expunge::new),
                Gen.combine(Gen.booleans(), numberSet(), Response.Vanished::new),
                Gen.combine(number(1), Gen.lists(fetchAttribute(), 1, 5), Response.Fetch::new),
                Gen.combine(Gen.lists(number(1), 0, 6), Gen.oneOf(Gen.constant(Optional.<ModSeq>empty()),
                        modSeq().map(Optional::of)), (numbers, modSeq) ->
                        new Response.Search(numbers, numbers.isEmpty() ? Optional.empty() : modSeq)),
                esearch(),
                statusData()));
    }

    private static Gen<Response> status() {
        Gen<Optional<String>> tag = Gen.oneOf(Gen.constant(Optional.empty()), tag().map(Optional::of));
        return tag.flatMap(t -> Gen.elements(t.isPresent() ? List.of(Condition.OK, Condition.NO, Condition.BAD)
                : List.of(Condition.values())).flatMap(condition -> Gen.combine(
                        Gen.oneOf(Gen.constant(Optional.<ResponseCode>empty()), code().map(Optional::of)), text(false),
                        (code, text) -> new Response.Status(t, condition, code, text))));
    }

    private static Gen<ResponseCode> code() {
        return Gen.oneOf(
                modSeq().map(ResponseCode.HighestModSeq::new),
                Gen.constant(new ResponseCode.NoModSeq()),
                numberSet().map(ResponseCode.Modified::new),
                Gen.constant(new ResponseCode.Closed()),
                number(1).map(v -> new ResponseCode.UidValidityCode(UidValidity.of(v))),
                number(1).map(ResponseCode.UidNext::new),
                number(1).map(ResponseCode.Unseen::new),
                Gen.combine(Gen.lists(flag().filter(f -> !f.equals(Flag.RECENT)), 0, 5), Gen.booleans(),
                        (flags, star) -> new ResponseCode.PermanentFlags(flags.stream().distinct().toList(), star)),
                Gen.constant(new ResponseCode.ReadWrite()),
                Gen.constant(new ResponseCode.ReadOnly()),
                Gen.combine(number(1), number(1), (v, u) -> new ResponseCode.AppendUid(UidValidity.of(v), Uid.of(u))),
                copyUid(),
                Gen.elements(List.of(ResponseCode.Atom.TRYCREATE, ResponseCode.Atom.CANNOT, ResponseCode.Atom.INUSE,
                        new ResponseCode.Atom("LIMIT"), new ResponseCode.Atom("ALERT"))));
    }

    private static Gen<ResponseCode> copyUid() {
        return Gen.integers(1, 6).flatMap(n -> Gen.combine(Gen.lists(number(1), n, n), number(1), (sources, low) -> {
            NumberSet source = NumberSet.of(sources);
            long start = Math.min(low, NumberSet.MAX_NUMBER - source.size() + 1);
            return new ResponseCode.CopyUid(UidValidity.of(low), source, NumberSet.range(start, start + source.size() - 1));
        }));
    }

    private static Gen<FetchAttribute> fetchAttribute() {
        return Gen.oneOf(
                number(1).map(u -> new FetchAttribute.UidAttribute(Uid.of(u))),
                Gen.lists(flag(), 0, 5).map(list -> new FetchAttribute.Flags(Set.copyOf(list))),
                modSeq().map(FetchAttribute.ModSeqAttribute::new),
                number(0).map(FetchAttribute.Size::new),
                Gen.lists(Gen.integers(1, 255), 0, 40).map(octets -> {
                    StringBuilder content = new StringBuilder();
                    octets.forEach(o -> content.append((char) o.intValue()));
                    return new FetchAttribute.BodySection(Section.WHOLE, OptionalLong.empty(),
                            Optional.of(content.toString()));
                }));
    }

    private static Gen<Response> esearch() {
        Gen<OptionalLong> some = Gen.oneOf(Gen.constant(OptionalLong.empty()), number(1).map(OptionalLong::of));
        return tag().flatMap(tag -> Gen.booleans().flatMap(uid -> some.flatMap(min -> some.flatMap(max ->
                Gen.oneOf(Gen.constant(OptionalLong.empty()), number(0).map(OptionalLong::of)).flatMap(count ->
                        Gen.combine(Gen.oneOf(Gen.constant(Optional.<NumberSet>empty()), numberSet().map(Optional::of)),
                                Gen.oneOf(Gen.constant(Optional.<ModSeq>empty()), modSeq().map(Optional::of)),
                                (all, modSeq) -> new Response.ESearch(tag, uid, min, max, count, all, modSeq)))))));
    }

    private static Gen<Response> statusData() {
        Gen<String> mailbox = Gen.oneOf(Gen.elements(List.of("INBOX", "Archive", "a]b")),
                Gen.elements(List.of("my box", "quote\"d", "back\\slash", "")),
                Gen.elements(List.of("caf\u00c3\u00a9", "line\r\nbreak")));
        Gen<Response.StatusData.Item> item = Gen.elements(List.of(StatusItem.values())).flatMap(i -> switch (i) {
            case HIGHESTMODSEQ -> Gen.oneOf(Gen.constant(0L), modSeq().map(ModSeq::value))
                    .map(v -> new Response.StatusData.Item(i.name(), v));
            case UIDNEXT, UIDVALIDITY -> number(1).map(v -> new Response.StatusData.Item(i.name(), v));
            default -> number(0).map(v -> new Response.StatusData.Item(i.name(), v));
        });
        return Gen.combine(mailbox, Gen.lists(item, 0, 4), Response.StatusData::new);
    }

    private static Gen<String> tag() {
        return Gen.elements(List.of("a1", "t42", "A.b-c", "x]", "9"));
    }

    private static Gen<String> atom() {
        return Gen.elements(List.of("CONDSTORE", "QRESYNC", "AUTH=PLAIN", "X-GM-EXT-1", "LITERAL+"));
    }

    private static Gen<Flag> flag() {
        return Gen.elements(FLAGS);
    }

    /** Printable text; never starting with '[', which would read as a response code. */
    private static Gen<String> text(boolean mayBeEmpty) {
        return Gen.lists(Gen.integers(0x20, 0x7e), mayBeEmpty ? 0 : 1, 30).map(chars -> {
            StringBuilder text = new StringBuilder();
            chars.forEach(c -> text.append((char) c.intValue()));
            return text.toString();
        }).filter(t -> !t.startsWith("["));
    }

    private static Gen<Long> number(long low) {
        return Gen.frequency(Gen.weighted(5, Gen.integers(low, 20L)),
                Gen.weighted(1, Gen.integers(low, NumberSet.MAX_NUMBER)),
                Gen.weighted(1, Gen.constant(NumberSet.MAX_NUMBER)));
    }

    private static Gen<ModSeq> modSeq() {
        return Gen.frequency(Gen.weighted(5, Gen.integers(1L, 100L)), Gen.weighted(1, Gen.integers(1L, Long.MAX_VALUE)),
                Gen.weighted(1, Gen.constant(Long.MAX_VALUE))).map(ModSeq::of);
    }

    private static Gen<NumberSet> numberSet() {
        return Gen.lists(Gen.combine(number(1), Gen.integers(0L, 3L), (low, length) ->
                NumberSet.range(low, Math.min(NumberSet.MAX_NUMBER, low + length))), 1, 4).map(ranges -> {
                    NumberSet all = NumberSet.EMPTY;
                    for (NumberSet r : ranges) {
                        all = all.union(r);
                    }
                    return all;
                });
    }
}
