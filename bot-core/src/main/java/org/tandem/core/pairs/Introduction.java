package org.tandem.core.pairs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.CommandButtons;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
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

    /** At most this many characters of the mentee's hopes are quoted in the introduction. */
    static final int HOPES = 140;

    /**
     * Short enough for a phone screen: who, why this match (two lines at most), the agenda of the first
     * conversation, and a button to see each other's profile (shown privately to whoever presses it).
     */
    static Message message(Texts t, Pair pair, Program program, People people, Enrollments enrollments) {
        String mentee = people.name(pair.mentee());
        String mentor = people.name(pair.mentor());
        Optional<MenteeAnswers> ma = enrollments.find(pair.mentee(), program.id()).flatMap(Enrollment::mentee);
        Optional<MentorAnswers> mo = enrollments.find(pair.mentor(), program.id()).flatMap(Enrollment::mentor);
        Message.Builder m = Message.builder()
                .text(t.rich("intro.title", program.name()))
                .text(t.rich("intro.meet", mentee, mentor));
        List<Rich> why = new ArrayList<>();
        Set<String> shared = new LinkedHashSet<>(ma.map(MenteeAnswers::topics).orElse(List.of()));
        shared.retainAll(new LinkedHashSet<>(mo.map(MentorAnswers::topics).orElse(List.of())));
        if (!shared.isEmpty()) {
            why.add(t.rich("intro.shared", String.join(", ", shared)));
        } else {
            Pairing.drivers(t, pair.reasons()).ifPresent(why::add);
        }
        ma.map(MenteeAnswers::hopes).filter(h -> !h.isBlank())
                .ifPresent(h -> why.add(t.rich("intro.hopes", mentee, shorten(h.strip()))));
        if (!why.isEmpty()) {
            m.context(Rich.join("\n", why));
        }
        List<Rich> agenda = List.of(t.rich("intro.agenda.1"), t.rich("intro.agenda.2", mentee),
                t.rich("intro.agenda.3"), t.rich("intro.agenda.4"));
        return m.text(t.rich("intro.agenda"))
                .text(Rich.join("\n", agenda))
                .buttons(List.of(new Block.Button(IntroFlow.PROFILE, t.get("intro.profile"), pair.id())))
                .build();
    }

    /** The profile of the other one, as the person who pressed the button reads it. */
    static Message profile(Texts t, Pair pair, PersonRef reader, People people, Enrollments enrollments) {
        PersonRef other = pair.other(reader);
        Optional<Enrollment> e = enrollments.find(other, pair.program());
        Message.Builder m = Message.builder().text(t.rich("intro.profile.title", people.name(other)));
        e.flatMap(Enrollment::mentee).ifPresent(a -> m.fields(AnswerFields.mentee(t, a, AnswerFields.Reader.OTHER)));
        e.flatMap(Enrollment::mentor).ifPresent(a -> m.fields(AnswerFields.mentor(t, a, AnswerFields.Reader.OTHER)));
        if (e.isEmpty()) {
            m.text(t.rich("intro.profile.gone"));
        }
        return m.build();
    }

    private static String shorten(String text) {
        String one = text.replaceAll("\\s+", " ");
        return one.length() <= HOPES ? one : one.substring(0, one.lastIndexOf(' ', HOPES - 1) > 0
                ? one.lastIndexOf(' ', HOPES - 1) : HOPES - 1) + "…";
    }

    /**
     * The pair's question after the introduction, a message of its own in their group so that it can turn into its
     * answer: have you met yet?
     */
    static Message question(Texts t, Pair pair) {
        return Message.builder()
                .text(t.rich("intro.after"))
                .buttons(List.of(
                        CommandButtons.keeping(t.get("intro.schedule"), "schedule " + pair.id()),
                        new Block.Button(IntroFlow.MET, t.get("intro.met"), pair.id(), Block.Style.PRIMARY)))
                .build().asking(key(pair), t.locale());
    }

    /** The key of a pair's "have you met" question. */
    static String key(Pair pair) {
        return pair.id() + "|intro";
    }
}
