package org.tandem.core.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Actor;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;
import org.tandem.core.pairs.Pair;
import org.tandem.core.program.Program;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.Render;
import org.tandem.core.testing.Seed;

/** The home view through the core, and its buttons running the commands they stand for. */
class HomeViewTest {

    private final Chat chat = new Chat();
    private final Chat.Person alice = chat.person("alice");

    private Message home(Chat.Person p, Locale platformLocale) {
        return chat.core().home(new Actor(p.ref(), null, platformLocale));
    }

    @Test
    void aStrangerIsToldTheNextStepInTheirPlatformsLanguage() {
        assertThat(Render.text(home(alice, Locale.ENGLISH)))
                .contains("not joined a mentoring programme", "No programme is open", "[Help] [My profile]")
                .doesNotContain("[Join]");
        Seed.openProgramme(chat, "Leadership");
        assertThat(Render.text(home(alice, Locale.FRENCH)))
                .contains("Prochaine étape", "[Aide] [Rejoindre] [Mon profil]");
    }

    @Test
    void theButtonsRunTheirCommands() {
        Seed.openProgramme(chat, "Leadership");
        Block.Button join = home(alice, Locale.ENGLISH).blocks().stream()
                .filter(Block.Buttons.class::isInstance).map(Block.Buttons.class::cast)
                .flatMap(b -> b.buttons().stream()).filter(b -> b.value().equals("join")).findFirst().orElseThrow();
        assertThat(alice.clicks(join.actionId(), join.value()).buttonLabels()).contains("Mentee", "Mentor", "Both");
        assertThat(alice.clicks(HomeFlow.RUN, "leave").text()).contains("no longer active");
    }

    @Test
    void anEnrolledMenteeSeesTheirRequest() {
        Seed.openProgramme(chat, "Leadership");
        Chat.Person bob = chat.person("bob");
        Seed.enrolMentee(alice, Forms.mentee());
        Seed.enrolMentor(bob, Forms.mentor());
        assertThat(Render.text(home(alice, Locale.ENGLISH))).contains("*Leadership*: Mentee", "looking for a mentor");
        Program program = chat.core().programs().findByName(new Scope("test", Chat.TENANT), "Leadership")
                .orElseThrow();
        chat.core().pairing().request(program, alice.ref(), bob.ref(), 1, List.<Pair.Reason>of());
        assertThat(Render.text(home(alice, Locale.ENGLISH))).contains("I have asked Bob to be your mentor");
        assertThat(Render.text(home(bob, Locale.ENGLISH))).contains("Alice would like you as their mentor");
        assertThat(chat.core().locale(new PersonRef("test", Chat.TENANT, "nobody"))).isEqualTo(Locale.ENGLISH);
    }
}
