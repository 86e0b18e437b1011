package org.tandem.core.intake;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Person;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;

/**
 * What Tandem stores about a person, enrolment by enrolment, with a button to edit each questionnaire; for a mentor,
 * what they gave (numbers only) and whether mentees choosing a mentor may see it.
 */
final class ProfileView {

    private final Programs programs;
    private final Enrollments enrollments;
    private final People people;
    private final MentorFigures figures;

    ProfileView(Programs programs, Enrollments enrollments, People people, MentorFigures figures) {
        this.programs = programs;
        this.enrollments = enrollments;
        this.people = people;
        this.figures = figures;
    }

    /** The profile of the turn's person, as stored now. */
    Message of(Turn turn) {
        Texts t = turn.t();
        Person person = turn.person();
        List<Enrollment> enrolled = enrollments.of(turn.who());
        Message.Builder m = Message.builder().text(t.rich("profile.title"));
        List<Block.Field> about = new ArrayList<>();
        about.add(new Block.Field(t.get("profile.name"), person.displayName()));
        about.add(new Block.Field(t.get("profile.language"), t.get("language.name")));
        if (enrolled.isEmpty()) {
            // enrolled people see the time zone they gave in their answers; others, the platform's
            person.timeZone().ifPresent(z -> about.add(new Block.Field(t.get("profile.time-zone"), z.getId())));
            m.fields(about);
            // someone who mentored and left still sees what they gave
            MentorFigures.Gave gave = figures.of(person.ref());
            if (gave.mentees() > 0) {
                given(m, t, person, gave);
            }
            return m.context(t.rich("profile.not-enrolled")).build();
        }
        m.fields(about);
        ZoneId zone = person.timeZone().orElse(ZoneId.of("UTC"));
        for (Enrollment e : enrolled) {
            Optional<Program> program = programs.find(e.program());
            String name = program.map(Program::name).orElse("?");
            m.text(t.rich("profile.enrolment", name, t.get(e.role().labelKey()), t.date(e.enrolledAt(), zone)));
            List<Block.Button> edit = new ArrayList<>();
            e.mentee().ifPresent(a -> {
                m.fields(AnswerFields.mentee(t, a, AnswerFields.Reader.SELF));
                edit.add(new Block.Button(IntakeFlow.EDIT, t.get("profile.edit.mentee"), e.program() + ":mentee"));
            });
            e.mentor().ifPresent(a -> {
                m.fields(AnswerFields.mentor(t, a, AnswerFields.Reader.SELF));
                edit.add(new Block.Button(IntakeFlow.EDIT, t.get("profile.edit.mentor"), e.program() + ":mentor"));
            });
            m.buttons(edit);
        }
        MentorFigures.Gave gave = figures.of(person.ref());
        if (gave.mentees() > 0) {
            given(m, t, person, gave);
        } else if (enrolled.stream().anyMatch(e -> e.mentor().isPresent())) {
            // a mentor still waiting for their first mentee: a word of thanks, no row of zeros
            m.text(t.rich("profile.gave.title")).context(t.rich("profile.gave.none-yet"));
        }
        return m.context(t.rich("profile.footer")).build();
    }

    /** "What you gave": the numbers, who may see them, and the button that changes it (for this mentor only). */
    private void given(Message.Builder m, Texts t, Person person, MentorFigures.Gave gave) {
        List<String> names = gave.programs().stream().map(programs::find).flatMap(Optional::stream)
                .map(Program::name).toList();
        List<Block.Field> fields = new ArrayList<>(List.of(
                new Block.Field(t.get("profile.gave.mentees"), t.get("profile.gave.count", gave.mentees())),
                new Block.Field(t.get("profile.gave.meetings"), t.get("profile.gave.count", gave.meetings())),
                new Block.Field(t.get("profile.gave.hours"), t.get("profile.gave.about", gave.hours()))));
        if (!names.isEmpty()) {
            fields.add(new Block.Field(t.get("profile.gave.programmes"), String.join(", ", names)));
        }
        fields.add(new Block.Field(t.get("profile.gave.thanks"), t.get("profile.gave.count", gave.thanks())));
        boolean shown = people.showsGivenSince(person.ref()).isPresent();
        m.text(t.rich("profile.gave.title")).fields(fields)
                .context(t.rich(shown ? "profile.gave.shown" : "profile.gave.private"))
                .buttons(List.of(shown
                        ? new Block.Button(ProfileFlow.HIDE_GIVEN, t.get("profile.gave.hide"), person.ref().key())
                        : new Block.Button(ProfileFlow.SHOW_GIVEN, t.get("profile.gave.show"), person.ref().key())));
    }
}
