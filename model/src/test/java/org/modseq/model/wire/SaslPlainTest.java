package org.modseq.model.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The PLAIN message (RFC 4616 §2) read from the base64 of an AUTHENTICATE response (RFC 3501 §9). */
class SaslPlainTest {

    private static String base64(byte[] octets) {
        return Base64.getEncoder().encodeToString(octets);
    }

    private static String base64(String text) {
        return base64(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheThreeParts() throws SaslPlain.MalformedException {
        assertEquals(new SaslPlain("", "tim", "tanstaaftanstaaf"), SaslPlain.decode("AHRpbQB0YW5zdGFhZnRhbnN0YWFm"));
        assertEquals(new SaslPlain("Ursel", "Kurt", "xipj3plmq"), SaslPlain.decode(base64("Ursel\0Kurt\0xipj3plmq")));
        assertEquals(new SaslPlain("", "j\u00fcrgen", "p\u00e4ss w\u00f6rd"),
                SaslPlain.decode(base64("\0j\u00fcrgen\0p\u00e4ss w\u00f6rd")));
    }

    static Stream<Arguments> malformed() {
        String notPlain = "Response is not a PLAIN message (RFC 4616)";
        String notBase64 = "Response is not valid base64";
        return Stream.of(
                arguments("=", notPlain),
                arguments("", notPlain),
                arguments(base64("alex\0pw"), notPlain),
                arguments(base64("\0\0pw"), notPlain),
                arguments(base64("\0alex\0"), notPlain),
                arguments(base64("\0alex\0pw\0"), notPlain),
                arguments(base64(new byte[] {0, 'a', 0, (byte) 0xff}), "Response is not a PLAIN message: not UTF-8 (RFC 4616)"),
                arguments("AGFsZXgAcHc", notBase64),
                arguments("AGFsZXgAcHc=AAAA", notBase64),
                arguments("AGFs=XgAcHc=", notBase64),
                arguments("AGFsZXgAcH-=", notBase64),
                arguments("AGFsZXgAcH\u00e9=", notBase64),
                arguments("*", notBase64));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformed")
    void refusesWhatIsNotAPlainMessageInBase64(String response, String reason) {
        SaslPlain.MalformedException e = assertThrows(SaslPlain.MalformedException.class,
                () -> SaslPlain.decode(response));
        assertEquals(reason, e.getMessage());
    }

    @Test
    void theToStringKeepsThePasswordOut() throws SaslPlain.MalformedException {
        assertEquals("SaslPlain[authorizationId=, authenticationId=tim]",
                SaslPlain.decode("AHRpbQB0YW5zdGFhZnRhbnN0YWFm").toString());
    }
}
