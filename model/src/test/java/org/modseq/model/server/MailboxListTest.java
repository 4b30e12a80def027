package org.modseq.model.server;

import static org.modseq.model.scenario.MailboxFixture.mailbox;

import org.junit.jupiter.api.Test;
import org.modseq.model.scenario.Scenario;

/**
 * The namespace as a client browses it before it syncs: LIST (RFC 3501 §6.3.8), LSUB (§6.3.9),
 * SUBSCRIBE and UNSUBSCRIBE (§6.3.6, §6.3.7) and NAMESPACE (RFC 2342).
 */
class MailboxListTest {

    /** INBOX, Archive, "Sent Items" and Work/2024/Q1, whose levels Work and Work/2024 are not mailboxes. */
    private static Scenario mailboxes() {
        return Scenario.rfcDefaults().with(mailbox("Archive").uidValidity(5)).with(mailbox("Sent Items").uidValidity(6))
                .with(mailbox("Work/2024/Q1").uidValidity(7)).login("A", "alex");
    }

    @Test
    void anEmptyPatternAsksForTheDelimiterAndTheRoot() {
        Scenario s = mailboxes();
        s.send("A", "l1 LIST \"\" \"\"").is("* LIST (\\Noselect) \"/\" \"\"", "l1 OK LIST completed");
        s.send("A", "l2 LIST Work/2024 \"\"").is("* LIST (\\Noselect) \"/\" \"\"", "l2 OK LIST completed");
    }

    @Test
    void starMatchesEveryMailboxAcrossLevels() {
        mailboxes().send("A", "l1 LIST \"\" *").is(
                "* LIST () \"/\" Archive",
                "* LIST () \"/\" INBOX",
                "* LIST () \"/\" \"Sent Items\"",
                "* LIST () \"/\" Work/2024/Q1",
                "l1 OK LIST completed");
    }

    @Test
    void aTrailingPercentListsOneLevelWithLevelsThatAreNotMailboxesNoselect() {
        Scenario s = mailboxes();
        s.send("A", "l1 LIST \"\" %").is(
                "* LIST () \"/\" Archive",
                "* LIST () \"/\" INBOX",
                "* LIST () \"/\" \"Sent Items\"",
                "* LIST (\\Noselect) \"/\" Work",
                "l1 OK LIST completed");
        s.send("A", "l2 LIST Work/ %").is("* LIST (\\Noselect) \"/\" Work/2024", "l2 OK LIST completed");
        s.send("A", "l3 LIST \"\" Work/%/%").is("* LIST () \"/\" Work/2024/Q1", "l3 OK LIST completed");
        s.send("A", "l4 LIST \"\" Work/*").is("* LIST () \"/\" Work/2024/Q1", "l4 OK LIST completed");
    }

    @Test
    void aLevelThatBecomesAMailboxLosesNoselect() {
        Scenario s = mailboxes();
        s.send("A", "c1 CREATE Work").taggedOk();
        s.send("A", "l1 LIST \"\" Wor%").is("* LIST () \"/\" Work", "l1 OK LIST completed");
    }

    @Test
    void inboxMatchesInAnyCaseAndOtherNamesExactly() {
        Scenario s = mailboxes();
        s.send("A", "l1 LIST \"\" inbox").is("* LIST () \"/\" INBOX", "l1 OK LIST completed");
        s.send("A", "l2 LIST \"\" In%").is("* LIST () \"/\" INBOX", "l2 OK LIST completed");
        s.send("A", "l3 LIST \"\" archive").is("l3 OK LIST completed");
        s.send("A", "l4 LIST \"\" Nothing*").is("l4 OK LIST completed");
    }

    @Test
    void listNeedsAuthentication() {
        Scenario s = Scenario.rfcDefaults().connect("A");
        s.send("A", "l1 LIST \"\" *").is("l1 BAD Log in first");
        s.send("A", "l2 LSUB \"\" *").is("l2 BAD Log in first");
        s.send("A", "s1 SUBSCRIBE INBOX").is("s1 BAD Log in first");
        s.send("A", "n1 NAMESPACE").is("n1 BAD Log in first");
    }

    @Test
    void listWhileSelectedReportsWhatIsOwed() {
        Scenario s = mailboxes().login("B", "bob");
        s.send("A", "s1 SELECT INBOX").taggedOk();
        s.send("B", "a1 APPEND INBOX {1+}\r\nx").taggedOk();
        s.send("A", "l1 LIST \"\" INBOX").is("* LIST () \"/\" INBOX", "* 1 EXISTS", "l1 OK LIST completed");
    }

    @Test
    void lsubListsSubscribedNamesWithNoselectLevelsAfterATrailingPercent() {
        Scenario s = mailboxes();
        s.send("A", "s1 SUBSCRIBE Archive").is("s1 OK SUBSCRIBE completed");
        s.send("A", "s2 SUBSCRIBE Work/2024/Q1").is("s2 OK SUBSCRIBE completed");
        s.send("A", "s3 SUBSCRIBE inbox").is("s3 OK SUBSCRIBE completed");
        s.send("A", "s4 SUBSCRIBE Archive").is("s4 OK SUBSCRIBE completed");
        s.send("A", "l1 LSUB \"\" *").is(
                "* LSUB () \"/\" Archive",
                "* LSUB () \"/\" INBOX",
                "* LSUB () \"/\" Work/2024/Q1",
                "l1 OK LSUB completed");
        // §6.3.9: foo/bar subscribed but not foo: "%" returns foo, flagged \Noselect.
        s.send("A", "l2 LSUB \"\" %").is(
                "* LSUB () \"/\" Archive",
                "* LSUB () \"/\" INBOX",
                "* LSUB (\\Noselect) \"/\" Work",
                "l2 OK LSUB completed");
        s.send("A", "l3 LSUB \"\" \"\"").is("l3 OK LSUB completed");
    }

    @Test
    void subscribeNeedsAnExistingMailboxAndUnsubscribeASubscribedName() {
        Scenario s = mailboxes();
        s.send("A", "s1 SUBSCRIBE Nowhere").is("s1 NO [NONEXISTENT] No such mailbox");
        s.send("A", "u1 UNSUBSCRIBE Archive").is("u1 NO Not subscribed to that name");
        s.send("A", "s2 SUBSCRIBE Archive").taggedOk();
        s.send("A", "u2 UNSUBSCRIBE Archive").is("u2 OK UNSUBSCRIBE completed");
        s.send("A", "l1 LSUB \"\" *").is("l1 OK LSUB completed");
    }

    @Test
    void aSubscriptionOutlivesItsMailbox() {
        Scenario s = mailboxes();
        s.send("A", "s1 SUBSCRIBE Archive").taggedOk();
        s.send("A", "d1 DELETE Archive").taggedOk();
        // §6.3.6: the server MUST NOT remove a name from the list because its mailbox is gone.
        s.send("A", "l1 LSUB \"\" Archive").is("* LSUB () \"/\" Archive", "l1 OK LSUB completed");
        s.send("A", "l2 LIST \"\" Archive").is("l2 OK LIST completed");
        s.send("A", "u1 UNSUBSCRIBE Archive").is("u1 OK UNSUBSCRIBE completed");
    }

    @Test
    void subscriptionsBelongToTheUserNotTheConnection() {
        Scenario s = mailboxes().login("A2", "alex").login("B", "bob");
        s.send("A", "s1 SUBSCRIBE Archive").taggedOk();
        s.send("A2", "l1 LSUB \"\" *").is("* LSUB () \"/\" Archive", "l1 OK LSUB completed");
        s.send("B", "l2 LSUB \"\" *").is("l2 OK LSUB completed");
        s.send("B", "u1 UNSUBSCRIBE Archive").is("u1 NO Not subscribed to that name");
    }

    @Test
    void aTrailingDelimiterInCreateIsIgnored() {
        Scenario s = mailboxes();
        s.send("A", "c1 CREATE Work/").is("c1 OK CREATE completed");
        s.send("A", "l1 LIST \"\" Work").is("* LIST () \"/\" Work", "l1 OK LIST completed");
        s.send("A", "c2 CREATE Work//").is("c2 NO [ALREADYEXISTS] Mailbox already exists");
        s.send("A", "c3 CREATE /").is("c3 BAD Empty mailbox name");
    }

    @Test
    void renameTakesTheNamesBelowAlongAndKeepsTheirUidValidity() {
        Scenario s = mailboxes();
        s.send("A", "r1 RENAME Work/2024 Old").is("r1 NO [NONEXISTENT] No such mailbox");
        s.send("A", "c1 CREATE Work/2024").taggedOk();
        s.send("A", "r2 RENAME Work/2024 Old").is("r2 OK RENAME completed");
        s.send("A", "l1 LIST \"\" *").is(
                "* LIST () \"/\" Archive",
                "* LIST () \"/\" INBOX",
                "* LIST () \"/\" Old",
                "* LIST () \"/\" Old/Q1",
                "* LIST () \"/\" \"Sent Items\"",
                "l1 OK LIST completed");
        s.send("A", "s1 STATUS Old/Q1 (UIDVALIDITY)").is("* STATUS Old/Q1 (UIDVALIDITY 7)", "s1 OK STATUS completed");
    }

    @Test
    void renameIsRefusedWholeWhenAnyNameBelowCannotMove() {
        Scenario s = mailboxes().login("B", "bob");
        s.send("A", "c1 CREATE Work").taggedOk();
        s.send("A", "c2 CREATE Job/2024/Q1").taggedOk();
        s.send("A", "r1 RENAME Work Job").is("r1 NO [ALREADYEXISTS] Target mailbox already exists");
        s.send("A", "r2 RENAME Work Work/Old").is("r2 NO [CANNOT] A mailbox cannot be renamed below itself");
        s.send("B", "s1 SELECT Work/2024/Q1").taggedOk();
        s.send("A", "r3 RENAME Work Play").is("r3 NO [INUSE] Mailbox is selected");
        s.send("B", "c3 CLOSE").taggedOk();
        s.send("A", "r4 RENAME Work Play").is("r4 OK RENAME completed");
        s.send("A", "l1 LIST \"\" Play*").is("* LIST () \"/\" Play", "* LIST () \"/\" Play/2024/Q1",
                "l1 OK LIST completed");
    }

    @Test
    void namespaceIsOnePersonalNamespaceWithoutPrefix() {
        mailboxes().send("A", "n1 NAMESPACE").is("* NAMESPACE ((\"\" \"/\")) NIL NIL", "n1 OK NAMESPACE completed");
    }
}
