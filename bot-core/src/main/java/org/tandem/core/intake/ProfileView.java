package org.tandem.core.intake;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Person;
import org.tandem.core.conversation.i18n.Texts;
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
        ZoneId zone = person.timeZone().orElse(ZoneId.of("UTC"));
        for (Enrollment e : enrollments) {
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
        return m.context(t.rich("profile.footer")).build();
    }
}
