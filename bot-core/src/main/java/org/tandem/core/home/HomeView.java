package org.tandem.core.home;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tandem.core.conversation.Actor;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Person;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.Enrollment;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;

/**
 * A person's home, as a neutral message: their enrolments and pairs, the next step, and buttons for help, join
 * and profile. Platforms with a home surface (Slack's App Home) show it; it reads only, it changes nothing.
 */
public final class HomeView {

    private final People people;
    private final Programs programs;
    private final Enrollments enrollments;
    private final Pairs pairs;

    public HomeView(People people, Programs programs, Enrollments enrollments, Pairs pairs) {
        this.people = people;
        this.programs = programs;
        this.enrollments = enrollments;
        this.pairs = pairs;
    }

    /** The home of the person behind {@code actor}, in their language (the platform's, until they chose one). */
    public Message of(Actor actor) {
        PersonRef who = actor.person();
        Texts t = Texts.of(people.find(who).map(Person::locale).orElse(actor.locale()));
        List<Enrollment> mine = enrollments.of(who);
        List<Program> open = programs.enrolling(who.scope()).stream()
                .filter(p -> mine.stream().noneMatch(e -> e.program().equals(p.id()))).toList();

        Message.Builder m = Message.builder().text(t.rich("home.title"));
        if (mine.isEmpty()) {
            m.text(t.rich("home.not-enrolled"));
            m.text(t.rich(open.isEmpty() ? "home.next.wait" : "home.next.join"));
        }
        List<Pair> myPairs = pairs.of(who, PairStatus.OPEN);
        for (Enrollment e : mine) {
            String name = programs.find(e.program()).map(Program::name).orElse("?");
            m.text(t.rich("home.enrolment", name, t.get(e.role().labelKey())));
            List<Pair> here = myPairs.stream().filter(p -> p.program().equals(e.program())).toList();
            if (here.isEmpty()) {
                m.context(t.rich(e.mentored() ? "home.pair.none-mentee" : "home.pair.none-mentor"));
            }
            for (Pair p : here) {
                status(who, p).ifPresent(key -> m.context(t.rich(key, people.name(p.other(who)))));
            }
        }
        List<Block.Button> buttons = new ArrayList<>();
        buttons.add(new Block.Button(HomeFlow.RUN, t.get("home.button.help"), "help"));
        if (!open.isEmpty()) {
            buttons.add(new Block.Button(HomeFlow.RUN, t.get("home.button.join"), "join", Block.Style.PRIMARY));
        }
        buttons.add(new Block.Button(HomeFlow.RUN, t.get("home.button.profile"), "profile"));
        return m.buttons(buttons).context(t.rich("home.footer")).build();
    }

    /** The sentence that says where a pair stands, from this person's side. */
    private static Optional<String> status(PersonRef who, Pair p) {
        boolean mentee = p.mentee().equals(who);
        return switch (p.status()) {
            case PROPOSED -> Optional.of("home.pair.proposed");
            case REQUESTED -> Optional.of(mentee ? "home.pair.requested-mentee" : "home.pair.requested-mentor");
            case ACCEPTED, INTRODUCED -> Optional.of("home.pair.introduced");
            case ACTIVE -> Optional.of("home.pair.active");
            default -> Optional.empty();
        };
    }
}
