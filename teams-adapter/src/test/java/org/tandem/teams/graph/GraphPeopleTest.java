package org.tandem.teams.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Managers through Graph, against the local token endpoint and Graph over real HTTP: the id of whom a person reports
 * to, none for someone who reports to no one (Graph's 404), to an organisational contact, of another tenant or when
 * Graph fails; only the manager's id is asked for.
 */
class GraphPeopleTest {

    private static final String ADA = "0a1b2c3d-0000-4000-8000-00000000000a";
    private static final String BO = "0a1b2c3d-0000-4000-8000-00000000000b";
    private static final String CY = "0a1b2c3d-0000-4000-8000-00000000000c";

    private final GraphStub stub = new GraphStub();
    private final GraphDirectory directory = stub.directory();

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void aPersonsManagerIsTheirEntraObjectIdAndOnlyTheIdIsAskedFor() {
        stub.manager(BO, ADA);
        assertThat(directory.manager(GraphStub.TENANT, BO)).contains(ADA);
        GraphStub.Call call = stub.graphCalls().get(0);
        assertThat(call.path()).isEqualTo("/v1.0/users/" + BO + "/manager");
        assertThat(call.query()).isEqualTo("$select=id");
        assertThat(call.authorization()).startsWith("Bearer token-");
    }

    @Test
    void someoneWhoReportsToNoOneOrToAContactHasNoManager() {
        assertThat(directory.manager(GraphStub.TENANT, ADA)).isEmpty();
        stub.contactManager(CY, "0a1b2c3d-0000-4000-8000-0000000000ff");
        assertThat(directory.manager(GraphStub.TENANT, CY)).isEmpty();
        assertThat(stub.graphCalls()).hasSize(2);
    }

    @Test
    void anotherTenantOrAnIdThatIsNoObjectIdIsNotAskedAbout() {
        stub.manager(BO, ADA);
        assertThat(directory.manager("11111111-2222-4333-8444-555555555555", BO)).isEmpty();
        assertThat(directory.manager(GraphStub.TENANT, "29:teams-id")).isEmpty();
        assertThat(stub.graphCalls()).isEmpty();
    }

    @Test
    void aGraphThatFailsOrRefusesGivesNoManagerAndNoError() {
        stub.manager(BO, ADA);
        stub.failNext(503, null, "ServiceUnavailable");
        assertThat(directory.manager(GraphStub.TENANT, BO)).isEmpty();
        stub.failNext(403, null, "Authorization_RequestDenied");
        assertThat(directory.manager(GraphStub.TENANT, BO)).isEmpty();
        assertThat(directory.manager(GraphStub.TENANT, BO)).as("and again once Graph answers").contains(ADA);
    }
}
