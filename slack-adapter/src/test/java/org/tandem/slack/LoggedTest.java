package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.PersonRef;

/** Where a Slack message goes, as a log line says it: a group or a channel by id, a person's DM never. */
class LoggedTest {

    @Test
    void aDmIsADmWhateverItIsKnownBy() {
        assertThat(Logged.to(new Destination.Person(new PersonRef("slack", "T1", "U0PELICAN")))).isEqualTo("a DM");
        assertThat(Logged.to("dm:U0PELICAN")).isEqualTo("a DM");
        assertThat(Logged.channel("D0PELICAN")).isEqualTo("a DM");
        assertThat(Logged.channel("U0PELICAN")).isEqualTo("a DM");
        assertThat(Logged.channel("W0PELICAN")).isEqualTo("a DM");
    }

    @Test
    void groupsChannelsAndTheAdminChannelAreNamedAsTheyAre() {
        assertThat(Logged.to(new Destination.Group("T1", "G123"))).isEqualTo("group:G123");
        assertThat(Logged.to(new Destination.Channel("T1", "C123"))).isEqualTo("channel:C123");
        assertThat(Logged.to(new Destination.Admin("T1"))).isEqualTo("admin");
        assertThat(Logged.channel("C123")).isEqualTo("C123");
    }
}
