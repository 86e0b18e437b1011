package org.tandem.core.pairs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.AnswerFields;
import org.tandem.core.intake.Enrollment;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.intake.MenteeAnswers;
import org.tandem.core.intake.MentorAnswers;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;

/** The introduction of a pair: who each one is, what they share, and an agenda for the first conversation. */
final class Introduction {

    private Introduction() {
    }

    static Message message(Texts t, Pair pair, Program program, People people, Enrollments enrollments) {
        String mentee = people.name(pair.mentee());
        String mentor = people.name(pair.mentor());
        java.util.Optional<MenteeAnswers> ma = enrollments.find(pair.mentee(), program.id()).flatMap(Enrollment::mentee);
        java.util.Optional<MentorAnswers> mo = enrollments.find(pair.mentor(), program.id()).flatMap(Enrollment::mentor);
        Message.Builder m = Message.builder()
                .text(t.rich("intro.title", program.name()))
                .text(t.rich("intro.meet", mentee, mentor));
        ma.ifPresent(a -> m.text(t.rich("intro.about", mentee)).fields(AnswerFields.mentee(t, a, AnswerFields.Reader.OTHER)));
        mo.ifPresent(a -> m.text(t.rich("intro.about", mentor)).fields(AnswerFields.mentor(t, a, AnswerFields.Reader.OTHER)));
        Set<String> shared = new LinkedHashSet<>(ma.map(MenteeAnswers::topics).orElse(List.of()));
        shared.retainAll(new LinkedHashSet<>(mo.map(MentorAnswers::topics).orElse(List.of())));
        if (!shared.isEmpty()) {
            m.text(t.rich("intro.shared", String.join(", ", shared)));
        }
        List<Rich> agenda = new ArrayList<>(List.of(t.rich("intro.agenda.1"), t.rich("intro.agenda.2", mentee),
                t.rich("intro.agenda.3"), t.rich("intro.agenda.4")));
        return m.text(t.rich("intro.agenda"))
                .text(Rich.join("\n", agenda))
                .build();
    }

    /**
     * The pair's question after the introduction, a message of its own in their group so that it can turn into its
     * answer: have you met yet?
     */
    static Message question(Texts t, Pair pair) {
        return Message.builder()
                .text(t.rich("intro.after"))
                .buttons(List.of(
                        new Block.Button(IntroFlow.SCHEDULED, t.get("intro.scheduled"), pair.id()),
                        new Block.Button(IntroFlow.MET, t.get("intro.met"), pair.id(), Block.Style.PRIMARY)))
                .build().asking(key(pair), t.locale());
    }

    /** The key of a pair's "have you met" question. */
    static String key(Pair pair) {
        return pair.id() + "|intro";
    }
}
