package org.tandem.core.intake;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.i18n.Languages;
import org.tandem.core.i18n.Texts;
import org.tandem.core.people.Person;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;

/** What Tandem stores about a person, enrolment by enrolment, with a button to edit each questionnaire. */
final class ProfileView {

    private ProfileView() {
    }

    static Message render(Texts t, Person person, List<Enrollment> enrollments, Programs programs) {
        Message.Builder m = Message.builder().text(t.rich("profile.title"));
        List<Block.Field> about = new ArrayList<>();
        about.add(new Block.Field(t.get("profile.name"), person.displayName()));
        about.add(new Block.Field(t.get("profile.language"), t.get("language.name")));
        if (enrollments.isEmpty()) {
            // enrolled people see the time zone they gave in their answers; others, the platform's
            person.timeZone().ifPresent(z -> about.add(new Block.Field(t.get("profile.time-zone"), z.getId())));
            return m.fields(about).context(t.rich("profile.not-enrolled")).build();
        }
        m.fields(about);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(t.locale())
                .withZone(person.timeZone().orElse(ZoneId.of("UTC")));
        for (Enrollment e : enrollments) {
            Optional<Program> program = programs.find(e.program());
            String name = program.map(Program::name).orElse("?");
            m.text(t.rich("profile.enrolment", name, t.get(e.role().labelKey()), date.format(e.enrolledAt())));
            List<Block.Button> edit = new ArrayList<>();
            e.mentee().ifPresent(a -> {
                m.fields(mentee(t, a));
                edit.add(new Block.Button(IntakeFlow.EDIT, t.get("profile.edit.mentee"), e.program() + ":mentee"));
            });
            e.mentor().ifPresent(a -> {
                m.fields(mentor(t, a));
                edit.add(new Block.Button(IntakeFlow.EDIT, t.get("profile.edit.mentor"), e.program() + ":mentor"));
            });
            m.buttons(edit);
        }
        return m.context(t.rich("profile.footer")).build();
    }

    private static List<Block.Field> mentee(Texts t, MenteeAnswers a) {
        List<String> topics = new ArrayList<>(a.topics());
        if (!a.other().isEmpty()) {
            topics.add(t.get("profile.other", a.other()));
        }
        List<Block.Field> f = new ArrayList<>();
        f.add(new Block.Field(t.get("profile.mentee.topics"), String.join(" > ", topics)));
        f.add(new Block.Field(t.get("intake.hopes"), a.hopes()));
        common(t, f, a.languages(), a.timeZone(), a.department(), a.seniority(), a.format(), a.location());
        Choices.parse(Choices.Preference.class, a.preference()).filter(p -> p != Choices.Preference.NONE)
                .ifPresent(p -> f.add(new Block.Field(t.get("intake.preference"), Choices.label(t, p))));
        return f;
    }

    private static List<Block.Field> mentor(Texts t, MentorAnswers a) {
        List<Block.Field> f = new ArrayList<>();
        f.add(new Block.Field(t.get("intake.expertise"), String.join(", ", a.topics())
                + (a.other().isEmpty() ? "" : " (" + a.other() + ")")));
        f.add(new Block.Field(t.get("intake.years"), Integer.toString(a.years())));
        common(t, f, a.languages(), a.timeZone(), a.department(), a.seniority(), a.format(), a.location());
        f.add(new Block.Field(t.get("intake.capacity"), Integer.toString(a.capacity())));
        if (!a.why().isEmpty()) {
            f.add(new Block.Field(t.get("intake.why"), a.why()));
        }
        return f;
    }

    private static void common(Texts t, List<Block.Field> f, List<String> languages, String zone, String department,
                               String seniority, String format, String location) {
        f.add(new Block.Field(t.get("intake.languages"), Languages.labels(languages, t.locale())));
        f.add(new Block.Field(t.get("intake.time-zone"), zone));
        f.add(new Block.Field(t.get("intake.department"), department));
        Choices.parse(Choices.Seniority.class, seniority)
                .ifPresent(s -> f.add(new Block.Field(t.get("intake.seniority"), Choices.label(t, s))));
        Choices.parse(Choices.Format.class, format).ifPresent(x -> f.add(new Block.Field(t.get("intake.format"),
                Choices.label(t, x) + (location.isEmpty() ? "" : " — " + location))));
    }
}
