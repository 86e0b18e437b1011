package org.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.schema.Serialization;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Rich;

/** A stored card carries a person's words as people read them: escaped, split into lines, in a link, any case. */
class NeedlesTest {

    private final Needles needles = Needles.of(new Messenger.Forgotten(new PersonRef("teams", "T1", "aad-ann"),
            "Ann *Star*", Set.of("Sail the Hebrides\nat dawn", "Anne")), List.of("29:ann"));

    @Test
    void aRenderedCardCarriesTheNameAndTheWordsAsTheyWereTyped() throws Exception {
        Message card = Message.builder().text(Rich.markup("From ").append(Rich.literal("Ann *Star*")))
                .text(Rich.literal("- Sail the Hebrides\nat dawn")).build();
        String json = Serialization.toString(TeamsMessenger.activity(card, Locale.ENGLISH, c -> { })
                .getAttachments().get(0).getContent());
        assertThat(json).as("escaped in the card").contains("Ann \\\\*Star\\\\*").doesNotContain("Ann *Star*");
        assertThat(needles.in(Serialization.jsonToTree(json))).isTrue();
        assertThat(needles.in(Serialization.jsonToTree("{\"text\":\"SAIL THE HEBRIDES AT DAWN\"}"))).isTrue();
        assertThat(needles.in(Serialization.jsonToTree(
                "{\"url\":\"https://teams.microsoft.com/l/chat/0/0?topicName=Mentoring%3A+Ann+*Star*+and+Bo\"}")))
                .as("in a deep link").isTrue();
        assertThat(needles.in("\"29:ann\",Leadership,mentee")).as("an id in a CSV").isTrue();
    }

    @Test
    void onlyWholeWordsCount() throws Exception {
        assertThat(needles.in("A team in Annecy")).isFalse();
        assertThat(needles.in("Annex B: Anne's notes")).isTrue();
        assertThat(needles.in(Serialization.jsonToTree("{\"text\":\"Here is what you can do\"}"))).isFalse();
    }
}
