package org.tandem.core.pairs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Scope;
import org.tandem.core.matching.Shortlist.Option;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.Seed;

/** A list with fewer mentors than the programme offers says why, under the mentors, in the mentee's language. */
class ShortlistWhyTest {

    private static final String FEW = org.tandem.core.matching.Shortlist.FEW;
    private static final String BUSY = org.tandem.core.matching.Shortlist.BUSY;

    private final Chat chat = new Chat();
    private final Chat.Person bob = chat.person("bob");
    private final Chat.Person cleo = chat.person("cleo");
    private final Shortlists lists = new Shortlists(chat.db());
    private String program;

    @BeforeEach
    void enrol() {
        Seed.openProgramme(chat, "Leadership");
        Seed.enrolMentor(bob, Forms.mentor());
        Seed.enrolMentor(cleo, Forms.with(Forms.mentor(), "department", "Legal"));
        program = chat.core().programs().findByName(new Scope("test", Chat.TENANT), "Leadership").orElseThrow().id();
    }

    private String offered(Chat.Person mentee, int size, String why, List<String> args, Chat.Person... mentors) {
        Seed.enrolMentee(mentee, Forms.mentee());
        List<Shortlist.Candidate> candidates = java.util.Arrays.stream(mentors)
                .map(m -> new Shortlist.Candidate(m.ref(), 40, List.of())).toList();
        lists.put(new Shortlist(program, mentee.ref(), candidates, List.of(), chat.clock().instant(), List.of(),
                new Shortlist.Shortfall(size, why, args)));
        return mentee.clicks("shortlist.profiles", program).text();
    }

    @Test
    void fewMentorsFit() {
        String text = offered(chat.person("alice"), 3, FEW, List.of("2"), bob, cleo);
        assertThat(text).contains("Only 2 mentors with a free place fit what you asked for.");
        assertThat(text.indexOf("Only 2 mentors")).as("under the mentors").isGreaterThan(text.indexOf("*Cleo*"));
        assertThat(offered(chat.person("ahmed"), 3, FEW, List.of("1"), bob))
                .contains("Only one mentor with a free place fits what you asked for.");
    }

    @Test
    void othersAreOfferedToOthersAlready() {
        assertThat(offered(chat.person("alice"), 3, BUSY, List.of(), bob, cleo)).contains(
                "Other mentors who fit are already offered to as many mentees as their places allow.");
    }

    @Test
    void inFrench() {
        Chat.Person amelie = chat.person("amelie", "Amélie", Locale.FRENCH);
        assertThat(offered(amelie, 3, FEW, List.of("2"), bob, cleo)).contains(
                "Seuls 2 mentors disposant d'une place libre correspondent à ce que vous avez demandé.");
        Chat.Person basile = chat.person("basile", "Basile", Locale.FRENCH);
        assertThat(offered(basile, 3, BUSY, List.of(), bob)).contains("Les autres mentors qui vous correspondent "
                + "sont déjà proposés à autant de mentorés que leurs places le permettent.");
    }

    @Test
    void aFullListSaysNothingOfTheKind() {
        String text = offered(chat.person("alice"), 2, "", List.of(), bob, cleo);
        assertThat(text).contains("[Ask Bob]", "[Ask Cleo]").doesNotContain("Only", "already offered");
    }
}
