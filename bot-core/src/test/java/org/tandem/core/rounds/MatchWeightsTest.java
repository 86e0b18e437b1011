package org.tandem.core.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Scope;
import org.tandem.core.matching.Criterion;
import org.tandem.core.matching.MatchPolicy;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.Seed;

/** {@code match weights}: the policy next to the weights, pre-filled, checked, saved exactly, in both languages. */
class MatchWeightsTest {

    private final Chat chat = new Chat();
    private final Chat.Person carol = chat.coordinator("carol");
    private final MatchSettings settings = new MatchSettings(chat.db());
    private String program;

    @BeforeEach
    void programme() {
        Seed.openProgramme(chat, "Leadership");
        program = chat.core().programs().findByName(new Scope("test", Chat.TENANT), "Leadership").orElseThrow().id();
    }

    private static Map<String, Object> answers(Map<String, Object> policy) {
        Map<String, Object> v = new LinkedHashMap<>(Map.of("topics", "8", "seniority", "0", "department", "2",
                "time-zone", "2", "format", "2"));
        v.putAll(policy);
        return v;
    }

    private static Block.FormInput input(Block.Form form, String id) {
        return form.inputs().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theFormShowsThePolicyAsStoredAndSavesItExactly() {
        Block.Form form = carol.says("match weights Leadership").form();
        assertThat(input(form, "needs").values()).as("every need protected by default")
                .containsExactly("topics", "time-zone", "format");
        assertThat(input(form, "needs").options()).extracting(Block.Option::label).containsExactly(
                "At least one of the mentee's topics", "Working hours in common", "A way of meeting that suits the mentee");
        assertThat(input(form, "needs").hint()).contains("proposed only when there is no other way",
                "marked as a compromise");
        assertThat(input(form, "spread").values()).containsExactly("5");
        assertThat(input(form, "spread").options()).hasSize(11).extracting(Block.Option::label)
                .contains("0 · Best total fit", "5 · Balanced", "10 · Spread mentors' load", "7");
        assertThat(input(form, "shortlist").values()).containsExactly("3");

        String saved = carol.submits("match.weights", answers(Map.of("musts", List.of("topics"),
                "needs", List.of("format"), "spread", "7", "shortlist", "2"))).text();
        assertThat(saved).contains("Matching weights of *Leadership* saved", "Topics: 8 (must)", "Seniority: 0",
                "Protected needs: A way of meeting that suits the mentee",
                "From best total fit (0) to spread mentors' load (10): 7", "Shortlists: 2 mentors");
        assertThat(settings.policy(program)).isEqualTo(new MatchPolicy(Set.of(Criterion.FORMAT), 7, 2));

        form = carol.says("match weights Leadership").form();
        assertThat(input(form, "needs").values()).containsExactly("format");
        assertThat(input(form, "spread").values()).containsExactly("7");
        assertThat(input(form, "shortlist").values()).containsExactly("2");
        assertThat(input(form, "musts").values()).containsExactly("topics");

        assertThat(carol.submits("match.weights", answers(Map.of("spread", "0", "shortlist", "1"))).text())
                .contains("Protected needs: none", "(10): 0 · Best total fit", "Shortlists: 1 mentor");
        assertThat(settings.policy(program)).isEqualTo(new MatchPolicy(Set.of(), 0, 1));
    }

    @Test
    void badValuesBringTheFormBackWithWhatToFixAndSaveNothing() {
        carol.says("match weights Leadership");
        Block.Form again = carol.submits("match.weights", answers(Map.of("needs", List.of("department"),
                "spread", "11", "shortlist", "6"))).form();
        assertThat(input(again, "needs").error()).isEqualTo("Please pick one of the options offered.");
        assertThat(input(again, "spread").error()).isEqualTo("Please pick one of the options offered.");
        assertThat(input(again, "shortlist").error()).isEqualTo("Please give a number from 1 to 5.");
        assertThat(input(again, "topics").values()).as("what was right is kept").containsExactly("8");
        assertThat(settings.of(program)).isEqualTo(MatchSettings.Tuning.defaults());

        again = carol.submits("match.weights", answers(Map.of("spread", "a lot", "shortlist", "0"))).form();
        assertThat(input(again, "spread").error()).isNotNull();
        assertThat(input(again, "shortlist").error()).isEqualTo("Please give a number from 1 to 5.");
        again = carol.submits("match.weights", answers(Map.of())).form();
        assertThat(input(again, "spread").error()).isEqualTo("Please answer this.");
        assertThat(input(again, "shortlist").error()).isEqualTo("Please answer this.");
        assertThat(settings.of(program)).isEqualTo(MatchSettings.Tuning.defaults());
    }

    @Test
    void aFrenchCoordinatorReadsThePolicyInFrench() {
        Chat.Person claire = chat.coordinator("claire").speaking(Locale.FRENCH);
        Block.Form form = claire.says("match poids Leadership").form();
        assertThat(input(form, "needs").label()).isEqualTo("Besoins protégés (ce que les mentorés ont dit attendre)");
        assertThat(input(form, "needs").options()).extracting(Block.Option::label)
                .contains("Au moins un des thèmes du mentoré");
        assertThat(input(form, "needs").hint()).contains("compromis");
        assertThat(input(form, "spread").options()).extracting(Block.Option::label)
                .contains("0 · Meilleure adéquation globale", "5 · Équilibre", "10 · Répartir la charge des mentors");
        assertThat(input(form, "shortlist").label()).isEqualTo("Mentors par liste de choix");
        assertThat(claire.submits("match.weights", answers(Map.of("needs", List.of("topics", "time-zone"),
                "spread", "10", "shortlist", "4"))).text()).contains(
                "Besoins protégés : Au moins un des thèmes du mentoré · Des heures de travail en commun",
                "(10) : 10 · Répartir la charge des mentors", "Listes de choix : 4 mentors");
    }

    @Test
    void aRoundOffersAsManyMentorsAsTheProgrammeSays() {
        Chat.Person alice = chat.person("alice");
        Seed.enrolMentee(alice, Forms.mentee());
        Seed.enrolMentor(chat.person("bob"), Forms.mentor());
        Seed.enrolMentor(chat.person("dora"), Forms.with(Forms.mentor(), "department", "Legal"));
        carol.says("match weights Leadership");
        carol.submits("match.weights", answers(Map.of("spread", "5", "shortlist", "1")));
        carol.says("match");
        int mark = chat.mark();
        carol.clicksButton("Confirm");
        Chat.Replies list = alice.dmsSince(mark);
        assertThat(list.text()).contains("*Your mentor shortlist* for *Leadership*: 1 mentor who fits");
        assertThat(list.buttonLabels()).filteredOn(l -> l.startsWith("Ask ")).hasSize(1);
    }
}
