package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Place;
import org.tandem.core.testing.TestMongo;

/** The admin channel is each workspace's, and the admin place is a coordinator's only. */
class PlacesTest {

    private final MongoDatabase db = TestMongo.freshDatabase();
    private final AdminChannels admins = new AdminChannels(db, "CDEFAULT");

    @Test
    void eachWorkspaceHasItsOwnAdminChannelAndTheConfiguredOneIsTheDefault() {
        admins.set("T2", "CADM2", "UCAROL", Instant.EPOCH);
        Places anyone = new Places(admins, List.of());
        assertThat(anyone.of("T1", "UEVE", "CDEFAULT", "admins")).isEqualTo(Place.ADMIN);
        assertThat(anyone.of("T2", "UEVE", "CADM2", "admins")).isEqualTo(Place.ADMIN);
        assertThat(anyone.of("T2", "UEVE", "CDEFAULT", "admins")).as("T1's channel is not T2's").isEqualTo(Place.DIRECT);
        assertThat(anyone.of("T1", "UEVE", "G1", "mpdm-eve--bob-1")).isEqualTo(Place.group("G1"));
        assertThat(anyone.of("T1", "UEVE", "CGENERAL", "general")).isEqualTo(Place.DIRECT);
        assertThat(new AdminChannels(db, null).of("T3")).isEmpty();
    }

    @Test
    void withCoordinatorsListedOthersInTheAdminChannelAreInAGroupPlace() {
        Places listed = new Places(admins, List.of("UCAROL"));
        assertThat(listed.of("T1", "UCAROL", "CDEFAULT", "admins")).isEqualTo(Place.ADMIN);
        assertThat(listed.of("T1", "UEVE", "CDEFAULT", "admins")).isEqualTo(Place.group("CDEFAULT"));
        assertThat(listed.ofModal("T1", "UEVE", "admin")).as("a modal opened for the admin channel, submitted by Eve")
                .isEqualTo(Place.group("CDEFAULT"));
        assertThat(listed.ofModal("T1", "UCAROL", "admin")).isEqualTo(Place.ADMIN);
        assertThat(listed.ofModal("T1", "UEVE", "group:G1")).isEqualTo(Place.group("G1"));
    }

    @Test
    void aForgottenPersonIsNoLongerNamedAsWhoChoseTheChannel() {
        admins.set("T2", "CADM2", "UCAROL", Instant.EPOCH);
        admins.forget("T2", "UCAROL");
        assertThat(db.getCollection("slack_admin_channels").find().first()).doesNotContainKey("setBy")
                .containsEntry("channel", "CADM2");
    }
}
