package org.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.ChannelRef;
import org.tandem.core.conversation.Contact;
import org.tandem.core.conversation.Pacing;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;
import org.tandem.core.conversation.SendBudgets;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.TestMongo;
import org.tandem.teams.graph.GraphStub;

/**
 * The Teams messenger's look-ups, over real HTTP to the Bot Connector stub (and to the Graph stub for managers),
 * with the real SDK and MongoDB driver: channels of the teams Tandem is in by name, id or link; people by e-mail or
 * UPN in the rosters of those teams (read page after page) and among the personal chats stored, named by their Entra
 * object id; a channel's members; a person's manager through Graph when the manager is someone Tandem can reach.
 */
class TeamsDirectoryTest {

    static final String TENANT = GraphStub.TENANT;
    static final String TEAM_A = "19:team-a@thread.tacv2";
    static final String TEAM_B = "19:team-b@thread.tacv2";
    static final String ANNOUNCEMENTS = "19:announce-a@thread.tacv2";
    static final String KUDOS_A = "19:kudos-a@thread.tacv2";
    static final String KUDOS_B = "19:kudos-b@thread.tacv2";
    static final String ANN = "0a1b2c3d-0000-4000-8000-0000000000a1";
    static final String BO = "0a1b2c3d-0000-4000-8000-0000000000b0";
    static final String CY = "0a1b2c3d-0000-4000-8000-0000000000c1";
    static final String DEE = "0a1b2c3d-0000-4000-8000-0000000000d1";
    static final String EVE = "0a1b2c3d-0000-4000-8000-0000000000e1";
    static final String FAY = "0a1b2c3d-0000-4000-8000-0000000000f1";
    private static final Scope SCOPE = new Scope("teams", TENANT);

    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private ConnectorStub stub;
    private GraphStub graph;
    private TeamsConversations conversations;
    private TeamsMessenger messenger;

    @BeforeEach
    void start() {
        stub = new ConnectorStub();
        graph = new GraphStub();
        MongoDatabase db = TestMongo.freshDatabase();
        TeamsProperties properties = new TeamsProperties(true, null, null, null, List.of(), null, 2,
                Duration.ofMillis(5), Duration.ofMillis(20), null, null, null, null);
        ConnectorClients clients = new ConnectorClients(properties);
        conversations = new TeamsConversations(db);
        Delivery delivery = new Delivery(clients, new Pacer(new Pacing(new SendBudgets(db), "teams", Pacer.pace(30))),
                new Backoff(properties.retryDelay(), properties.retryMaxDelay(), RandomGenerator.getDefault()),
                properties.retryAttempts(), clock);
        messenger = new TeamsMessenger(conversations, delivery, new Undelivered(db), new TeamsCards(db),
                new MemberLookup(TeamsBotAdapter.create(clients, properties), conversations, properties, clock),
                properties, clock);
        teams(stub, conversations, clock);
        // Eve installed Tandem for herself and is in no team of Tandem's; Fay did too, then removed it
        for (String[] p : new String[][] {{EVE, "Eve Ito", "eve@contoso.example"},
                {FAY, "Fay Ng", "fay@contoso.example"}}) {
            conversations.rememberPerson(TENANT, p[0], reference(stub, "a:" + p[1], "29:" + p[1], "personal"),
                    p[1], Locale.ENGLISH, clock.instant(), false);
            conversations.saveContact(TENANT, p[0], p[2], p[2]);
        }
        conversations.markStale(TeamsConversations.personKey(TENANT, FAY), clock.instant());
    }

    /** Two teams Tandem is in, their channels and rosters (a bot among the members of the first). */
    static void teams(ConnectorStub stub, TeamsConversations conversations, MutableClock clock) {
        stub.channel(TEAM_A, TEAM_A, null);
        stub.channel(TEAM_A, ANNOUNCEMENTS, "Announcements");
        stub.channel(TEAM_A, KUDOS_A, "Kudos");
        stub.channel(TEAM_B, TEAM_B, null);
        stub.channel(TEAM_B, KUDOS_B, "Kudos");
        stub.member(TEAM_A, "29:ann", ANN, "Ann Abe", "ann@contoso.example", "ann@contoso.example");
        stub.member(TEAM_A, "28:other-bot", null, "Some Bot", null, null);
        stub.member(TEAM_A, "29:bo", BO, "Bo Chen", "bo@contoso.example", "bo.chen@contoso.example");
        stub.member(TEAM_A, "29:cy", CY, "Cy Diaz", "cy@contoso.example", "cy.upn@contoso.example");
        stub.member(TEAM_B, "29:dee", DEE, "Dee Eto", "dee@contoso.example", "dee@contoso.example");
        conversations.rememberConversation(TENANT, TEAM_A, TEAM_A, "Engineering", reference(stub, TEAM_A, null,
                "channel"), clock.instant());
        conversations.rememberConversation(TENANT, KUDOS_B, TEAM_B, null, reference(stub, KUDOS_B, null, "channel"),
                clock.instant());
    }

    static ConversationReference reference(ConnectorStub stub, String conversation, String user, String type) {
        ConversationReference ref = new ConversationReference();
        ref.setChannelId("msteams");
        ref.setServiceUrl(stub.url());
        ref.setBot(new ChannelAccount("28:bot", "Tandem"));
        if (user != null) {
            ref.setUser(new ChannelAccount(user));
        }
        ConversationAccount c = new ConversationAccount(conversation);
        c.setTenantId(TENANT);
        c.setConversationType(type);
        c.setIsGroup(!"personal".equals(type));
        ref.setConversation(c);
        return ref;
    }

    @AfterEach
    void stop() {
        stub.close();
        graph.close();
    }

    private static ChannelRef channel(String id, String name) {
        return new ChannelRef("teams", TENANT, id, name);
    }

    @Test
    void aChannelIsFoundByItsNameInAnyCaseWithOrWithoutHashByItsIdOrByItsLink() {
        for (String typed : List.of("#Announcements", "announcements", " #ANNOUNCEMENTS ")) {
            assertThat(messenger.channel(SCOPE, typed)).as(typed).contains(channel(ANNOUNCEMENTS, "Announcements"));
        }
        assertThat(messenger.channel(SCOPE, KUDOS_B)).contains(channel(KUDOS_B, "Kudos"));
        assertThat(messenger.channel(SCOPE, "https://teams.microsoft.com/l/channel/19%3akudos-b%40thread.tacv2/Kudos"
                + "?groupId=6f1e&tenantId=" + TENANT)).contains(channel(KUDOS_B, "Kudos"));
        // the General channel has no name in Teams' list: it is "General", or its team's name
        assertThat(messenger.channel(SCOPE, "#Engineering")).contains(channel(TEAM_A, "General"));
    }

    @Test
    void aNameSeveralTeamsHaveAnUnknownNameOrAnotherWorkspaceFindsNoChannel() {
        assertThat(messenger.channel(SCOPE, "#kudos")).as("two teams have a Kudos").isEmpty();
        assertThat(messenger.channel(SCOPE, "General")).as("every team has one").isEmpty();
        assertThat(messenger.channel(SCOPE, "#nowhere")).isEmpty();
        assertThat(messenger.channel(SCOPE, "19:unknown@thread.tacv2")).isEmpty();
        assertThat(messenger.channel(SCOPE, " ")).isEmpty();
        assertThat(messenger.channel(new Scope("teams", "11111111-2222-4333-8444-555555555555"), "#Announcements"))
                .isEmpty();
        assertThat(messenger.channel(new Scope("slack", TENANT), "#Announcements")).isEmpty();
    }

    @Test
    void peopleAreFoundByEmailOrUpnInAnyCaseInTheRostersReadPageAfterPageNamedByTheirEntraObjectId() {
        Map<String, Contact> found = messenger.lookup(SCOPE, List.of("BO@Contoso.example", "cy.upn@contoso.example",
                "dee@contoso.example", "nobody@contoso.example", "not an address"));
        assertThat(found.keySet()).containsExactly("BO@Contoso.example", "cy.upn@contoso.example",
                "dee@contoso.example");
        assertThat(found.get("BO@Contoso.example"))
                .isEqualTo(new Contact(new PersonRef("teams", TENANT, BO), "Bo Chen", true));
        assertThat(found.get("cy.upn@contoso.example"))
                .isEqualTo(new Contact(new PersonRef("teams", TENANT, CY), "Cy Diaz", true));
        assertThat(found.get("dee@contoso.example").person().userId()).isEqualTo(DEE);
        // Cy is on the second page of the first team's roster
        assertThat(stub.reads()).anyMatch(r -> r.contains("pagedmembers") && r.contains("continuationToken=page-2"));

        int reads = stub.reads().size();
        assertThat(messenger.lookup(SCOPE, List.of("ann@contoso.example"))).containsKey("ann@contoso.example");
        assertThat(stub.reads()).as("the rosters read a moment ago are used again").hasSize(reads);
    }

    @Test
    void someoneInNoRosterIsFoundByTheirPersonalChatReachableUnlessTheyRemovedTandem() {
        Map<String, Contact> found = messenger.lookup(SCOPE, List.of("Eve@contoso.example", "fay@contoso.example"));
        assertThat(found.get("Eve@contoso.example"))
                .isEqualTo(new Contact(new PersonRef("teams", TENANT, EVE), "Eve Ito", true));
        assertThat(found.get("fay@contoso.example"))
                .isEqualTo(new Contact(new PersonRef("teams", TENANT, FAY), "Fay Ng", false));
        assertThat(messenger.lookup(new Scope("teams", "11111111-2222-4333-8444-555555555555"),
                List.of("eve@contoso.example", "bo@contoso.example"))).isEmpty();
    }

    @Test
    void aRosterTeamsCannotGiveNowIsReadAgainNextTime() {
        // two tries for the first page of the first team
        stub.failNextReads(503, 503);
        assertThat(messenger.lookup(SCOPE, List.of("bo@contoso.example"))).isEmpty();
        assertThat(messenger.lookup(SCOPE, List.of("bo@contoso.example"))).containsKey("bo@contoso.example");
    }

    @Test
    void aChannelsMembersAreItsTeamsPeopleWithoutBots() {
        assertThat(messenger.members(channel(KUDOS_A, "Kudos"))).containsExactly(
                new Contact(new PersonRef("teams", TENANT, ANN), "Ann Abe", true),
                new Contact(new PersonRef("teams", TENANT, BO), "Bo Chen", true),
                new Contact(new PersonRef("teams", TENANT, CY), "Cy Diaz", true));
        assertThat(messenger.members(channel(KUDOS_B, "Kudos"))).extracting(c -> c.person().userId())
                .containsExactly(DEE);
        assertThat(messenger.members(channel("19:unknown@thread.tacv2", "Elsewhere"))).isEmpty();
    }

    @Test
    void aManagerComesFromGraphWhenTandemCanReachThem() {
        graph.manager(ANN, BO);
        graph.manager(BO, EVE);
        graph.manager(DEE, "0a1b2c3d-0000-4000-8000-000000000999");
        PersonRef ann = new PersonRef("teams", TENANT, ANN);
        assertThat(messenger.manager(ann)).as("without Graph").isEmpty();
        assertThat(graph.graphCalls()).isEmpty();

        messenger.graph(graph.directory());
        assertThat(messenger.manager(ann)).contains(new PersonRef("teams", TENANT, BO));
        assertThat(messenger.manager(new PersonRef("teams", TENANT, BO))).as("a personal chat")
                .contains(new PersonRef("teams", TENANT, EVE));
        assertThat(messenger.manager(new PersonRef("teams", TENANT, DEE))).as("in no roster, no chat").isEmpty();
        assertThat(messenger.manager(new PersonRef("teams", TENANT, CY))).as("reports to no one").isEmpty();
    }
}
