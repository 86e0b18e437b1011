package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.ChannelRef;
import org.tandem.core.conversation.Contact;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;

/**
 * The workspace's directory through the real Slack client, against a stand-in for the Web API that knows its people:
 * people found by e-mail address (never a bot or a deactivated account, a rate limit waited out, never taken for
 * "not found"), a channel's people page after page, and a manager from the profile field the settings name.
 */
class SlackContactsTest {

    private static final Scope T1 = new Scope("slack", "T1");
    private static final String FIELD = "Xf01MANAGER";

    private final StubbedSlack stubbed = new StubbedSlack();
    private final WebApiStub slack = stubbed.slack;
    private final List<Duration> pauses = stubbed.pauses;

    SlackContactsTest() {
        slack.user("UALICE", "alice@example.com", "Ali", "Alice Martin", false, false, Map.of(FIELD, "UBOSS"));
        slack.user("UBOB", "bob@example.com", "", "Bob Builder", false, false, Map.of(FIELD, ""));
        slack.user("UBOSS", "boss@example.com", "Carol", "Carol Boss", false, false, Map.of(FIELD, "UGONE"));
        slack.user("UBOT", "bot@example.com", "Helper", "Helper Bot", true, false, Map.of());
        slack.user("UGONE", "gone@example.com", "Dan", "Dan Gone", false, true, Map.of());
        slack.user("USLACKBOT", null, "Slackbot", "Slackbot", false, false, Map.of());
    }

    private SlackMessenger messenger(String managerField) {
        return stubbed.messenger(managerField);
    }

    @AfterEach
    void close() throws Exception {
        stubbed.close();
    }

    private static PersonRef slack(String id) {
        return new PersonRef("slack", "T1", id);
    }

    private long calls(String method) {
        return slack.calls().stream().filter(c -> c.method().equals(method)).count();
    }

    @Test
    void peopleAreFoundByEmailInTheOrderGivenNamedByTheirDisplayNameElseTheirRealNameAndAllReachable() {
        Map<String, Contact> found = messenger(null).lookup(T1, List.of("bob@example.com", " ALICE@Example.com ",
                "bot@example.com", "gone@example.com", "nobody@example.com", "alice", "UALICE", "alice@example.com"));
        assertThat(found.keySet()).containsExactly("bob@example.com", " ALICE@Example.com ", "alice@example.com");
        assertThat(found.get("bob@example.com")).isEqualTo(new Contact(slack("UBOB"), "Bob Builder", true));
        assertThat(found.get(" ALICE@Example.com ")).isEqualTo(new Contact(slack("UALICE"), "Ali", true));
        assertThat(slack.params("users.lookupByEmail")).extracting(p -> p.get("email")).as("each address asked once, "
                + "what is not an address never").containsExactly("bob@example.com", "alice@example.com",
                "bot@example.com", "gone@example.com", "nobody@example.com");
    }

    @Test
    void aRateLimitedLookUpWaitsTheRetryAfterAndOneSlackKeepsRefusingIsThrownNotTakenForNotFound() {
        slack.next("ok", "429:20");
        Map<String, Contact> found = messenger(null).lookup(T1, List.of("alice@example.com", "bob@example.com"));
        assertThat(found).containsOnlyKeys("alice@example.com", "bob@example.com");
        assertThat(pauses).containsExactly(Duration.ofSeconds(20));

        slack.otherwise("429:30");
        assertThatThrownBy(() -> messenger(null).lookup(T1, List.of("alice@example.com")))
                .isInstanceOf(WebApi.Failed.class).hasMessageContaining("users.lookupByEmail");
        slack.otherwise("missing_scope");
        assertThatThrownBy(() -> messenger(null).lookup(T1, List.of("alice@example.com")))
                .isInstanceOf(WebApi.Failed.class).hasMessageContaining("missing_scope");
    }

    @Test
    void aChannelsPeopleComePageAfterPageWithoutBotsSlackbotOrDeactivatedAccounts() {
        slack.channel("CTEAM", "team", false, false, false, "UALICE", "UBOT", "UBOB", "USLACKBOT", "UGONE", "UBOSS");
        slack.pageSize(2);
        List<Contact> members = messenger(null).members(new ChannelRef("slack", "T1", "CTEAM", "team"));
        assertThat(members).extracting(Contact::person).containsExactly(slack("UALICE"), slack("UBOB"),
                slack("UBOSS"));
        assertThat(members).extracting(Contact::displayName).containsExactly("Ali", "Bob Builder", "Carol");
        assertThat(members).allMatch(Contact::reachable);
        assertThat(slack.params("conversations.members")).hasSize(3).allSatisfy(p -> assertThat(p)
                .containsEntry("channel", "CTEAM").containsEntry("limit", "200"));
        assertThat(calls("users.info")).as("a small channel: one by one").isEqualTo(5);
        assertThat(calls("users.list")).isZero();
    }

    @Test
    void aBigChannelsPeopleAreReadFromTheUserListUntilAllWereSeenNotOneByOne() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < Contacts.ONE_BY_ONE + 10; i++) {
            String id = String.format("UM%03d", i);
            slack.user(id, id.toLowerCase(Locale.ROOT) + "@example.com", "", "Member " + i, false, false, Map.of());
            ids.add(id);
        }
        ids.add("UBOT");
        for (int i = 0; i < 300; i++) {
            slack.user(String.format("UX%03d", i), null, "", "Other " + i, false, false, Map.of());
        }
        slack.channel("CALL", "all-hands", false, false, true, ids.toArray(String[]::new));
        slack.pageSize(30);
        List<Contact> members = messenger(null).members(new ChannelRef("slack", "T1", "CALL", "all-hands"));
        assertThat(members).hasSize(Contacts.ONE_BY_ONE + 10).extracting(c -> c.person().userId())
                .containsExactlyElementsOf(ids.subList(0, ids.size() - 1));
        assertThat(calls("users.info")).isZero();
        // 6 (Alice…Slackbot) + 60 members fill 3 pages of 30: the 300 others are never read
        assertThat(slack.params("users.list")).hasSize(3).allSatisfy(p -> assertThat(p).containsEntry("limit", "200"));
    }

    @Test
    void aPrivateChannelTandemIsNotInHasNobodyKnown() {
        slack.channel("GSECRET", "secret", true, false, false, "UALICE");
        assertThat(messenger(null).members(new ChannelRef("slack", "T1", "GSECRET", "secret"))).isEmpty();
        assertThat(messenger(null).members(new ChannelRef("slack", "T1", "CNOWHERE", "nowhere"))).isEmpty();
    }

    @Test
    void aManagerIsWhomTheConfiguredProfileFieldNamesInTheSameWorkspace() {
        SlackMessenger m = messenger(FIELD);
        assertThat(m.manager(slack("UALICE"))).contains(slack("UBOSS"));
        assertThat(slack.params("users.profile.get")).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("user", "UALICE"));
        assertThat(m.manager(slack("UBOB"))).as("the field is empty").isEmpty();
        assertThat(m.manager(slack("UBOSS"))).as("the field names a deactivated account").isEmpty();
        assertThat(m.manager(slack("UNOBODY"))).isEmpty();
    }

    @Test
    void withoutTheSettingNobodysManagerIsKnownAndSlackIsNotAsked() {
        assertThat(messenger(null).manager(slack("UALICE"))).isEmpty();
        assertThat(slack.calls()).isEmpty();
        assertThat(messenger("Xf0OTHER").manager(slack("UALICE"))).as("another field than the manager's").isEmpty();
    }
}
