package org.modseq.model.server;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modseq.model.command.Command;
import org.modseq.model.scenario.Scenario;

/**
 * What a client learns and does before it selects: CAPABILITY, ID (RFC 2971) and AUTHENTICATE
 * PLAIN (RFC 3501 §6.2.2, RFC 4616), with an initial response (RFC 4959) or after a
 * continuation request.
 */
class AuthenticationTest {

    private static String plain(String authzid, String authcid, String password) {
        return Base64.getEncoder().encodeToString((authzid + "\0" + authcid + "\0" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void capabilityListsExactlyWhatIsImplemented() {
        Scenario s = Scenario.rfcDefaults().connect("A");
        s.send("A", "c1 CAPABILITY").is("* CAPABILITY IMAP4rev1 LITERAL+ ENABLE CONDSTORE QRESYNC UIDPLUS MOVE UNSELECT"
                + " IDLE ESEARCH NAMESPACE ID AUTH=PLAIN SASL-IR", "c1 OK CAPABILITY completed");
    }

    @Test
    void authenticatePlainWithAnInitialResponse() {
        Scenario s = Scenario.rfcDefaults().connect("A");
        s.send("A", "a1 AUTHENTICATE PLAIN " + plain("", "alex", "pw")).is("a1 OK AUTHENTICATE completed");
        s.send("A", "l1 LIST \"\" INBOX").is("* LIST () \"/\" INBOX", "l1 OK LIST completed");
        s.send("A", "a2 AUTHENTICATE PLAIN " + plain("", "alex", "pw")).is("a2 BAD Already authenticated");
    }

    @Test
    void authenticatePlainAfterAContinuationRequest() {
        Scenario s = Scenario.rfcDefaults().connect("A");
        s.send("A", "a1 authenticate plain").is("+ ");
        s.continueWith("A", plain("alex", "alex", "pw")).is("a1 OK AUTHENTICATE completed");
        s.send("A", "n1 NAMESPACE").taggedOk();
    }

    @Test
    void starCancelsTheExchangeWithBad() {
        Scenario s = Scenario.rfcDefaults().connect("A");
        s.send("A", "a1 AUTHENTICATE PLAIN").is("+ ");
        s.continueWith("A", "*").is("a1 BAD AUTHENTICATE cancelled");
        s.send("A", "l1 LIST \"\" *").is("l1 BAD Log in first");
    }

    @Test
    void everyFailureIsAuthenticationFailed() {
        Scenario s = Scenario.rfcDefaults().connect("A");
        s.send("A", "a1 AUTHENTICATE PLAIN " + plain("", "alex", "wrong"))
                .is("a1 NO [AUTHENTICATIONFAILED] Invalid credentials");
        s.send("A", "a2 AUTHENTICATE PLAIN " + plain("", "nobody", "pw"))
                .is("a2 NO [AUTHENTICATIONFAILED] Invalid credentials");
        // Not base64 at all is a protocol error, BAD (RFC 4959 §3, RFC 9051 §6.2.2); see notBase64IsBad.
        s.send("A", "a5 AUTHENTICATE PLAIN =")
                .is("a5 NO [AUTHENTICATIONFAILED] Response is not a PLAIN message (RFC 4616)");
        s.send("A", "a7 AUTHENTICATE PLAIN").is("+ ");
        s.continueWith("A", "").is("a7 NO [AUTHENTICATIONFAILED] Response is not a PLAIN message (RFC 4616)");
        s.send("A", "l1 LIST \"\" *").is("l1 BAD Log in first");
    }

    /** RFC 4959 §3 and RFC 9051 §6.2.2: a response that is not base64 is answered BAD, as the cancel is. */
    @Test
    void notBase64IsBad() {
        Scenario s = Scenario.rfcDefaults().connect("A");
        s.send("A", "a1 AUTHENTICATE PLAIN !!!!").is("a1 BAD Response is not valid base64");
        s.send("A", "a2 AUTHENTICATE PLAIN YWxleA").is("a2 BAD Response is not valid base64");
        s.send("A", "a3 AUTHENTICATE PLAIN =AAA").is("a3 BAD Response is not valid base64");
        s.send("A", "a4 AUTHENTICATE PLAIN").is("+ ");
        s.continueWith("A", "not base64").is("a4 BAD Response is not valid base64");
        s.send("A", "l1 LIST \"\" *").is("l1 BAD Log in first");
    }

    @Test
    void noUserMayActAsAnother() {
        Scenario s = Scenario.rfcDefaults().connect("A");
        s.send("A", "a1 AUTHENTICATE PLAIN " + plain("bob", "alex", "pw"))
                .is("a1 NO [AUTHORIZATIONFAILED] No user may act as another");
        // Wrong credentials say so first, whatever the authorization identity.
        s.send("A", "a2 AUTHENTICATE PLAIN " + plain("bob", "alex", "wrong"))
                .is("a2 NO [AUTHENTICATIONFAILED] Invalid credentials");
    }

    @Test
    void anUnsupportedMechanismIsRefusedWithoutAContinuation() {
        Scenario s = Scenario.rfcDefaults().connect("A");
        s.send("A", "a1 AUTHENTICATE LOGIN").is("a1 NO Unsupported authentication mechanism");
        s.send("A", "a2 AUTHENTICATE CRAM-MD5 eA==").is("a2 NO Unsupported authentication mechanism");
    }

    @Test
    void aSessionThatAwaitsItsResponseTakesNoCommand() {
        Scenario s = Scenario.rfcDefaults().connect("A");
        s.send("A", "a1 AUTHENTICATE PLAIN").is("+ ");
        assertThrows(IllegalArgumentException.class,
                () -> Server.execute(s.state(), "A", "n1", new Command.Noop()));
        assertThrows(IllegalArgumentException.class, () -> Server.continueCommand(
                Scenario.rfcDefaults().connect("B").state(), "B", "*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ID NIL", "ID ()", "ID (\"name\" \"Thunderbird\" \"version\" \"115.0\" \"os\" NIL)",
        "ID (\"name\" \"imapflow\" \"vendor\" \"Postal Systems\" \"support-url\" \"https://x\")"})
    void idAnswersTheServersNameAndVersionInAnyState(String command) {
        Scenario s = Scenario.rfcDefaults().connect("A");
        s.send("A", "i1 " + command).is("* ID (\"name\" \"Modseq\" \"version\" \"0.1.0\")", "i1 OK ID completed");
        s.send("A", "l1 LOGIN alex pw").taggedOk();
        s.send("A", "i2 " + command).is("* ID (\"name\" \"Modseq\" \"version\" \"0.1.0\")", "i2 OK ID completed");
    }

    @Test
    void idRefusesParameterListsBeyondTheLimitsOfRfc2971() {
        Scenario s = Scenario.rfcDefaults().connect("A");
        StringBuilder many = new StringBuilder("ID (");
        for (int i = 0; i < 31; i++) {
            many.append(i == 0 ? "" : " ").append("\"f").append(i).append("\" \"v\"");
        }
        s.send("A", "i1 " + many + ")").is("i1 BAD ID takes at most 30 field-value pairs (RFC 2971 section 3.3)");
        s.send("A", "i2 ID (\"" + "f".repeat(31) + "\" \"v\")")
                .is("i2 BAD ID field names are at most 30 octets (RFC 2971 section 3.3)");
        s.send("A", "i3 ID (\"name\" \"" + "v".repeat(1025) + "\")")
                .is("i3 BAD ID values are at most 1024 octets (RFC 2971 section 3.3)");
        s.send("A", "i4 ID (\"name\" \"a\" \"NAME\" \"b\")")
                .is("i4 BAD ID field NAME is given twice (RFC 2971 section 3.3)");
        s.send("A", "i5 ID (\"f g\" \"a\" \"F G\" NIL)").is("i5 BAD An ID field is given twice (RFC 2971 section 3.3)");
        s.send("A", "i6 ID (\"" + "f".repeat(30) + "\" \"" + "v".repeat(1024) + "\")").taggedOk();
    }
}
