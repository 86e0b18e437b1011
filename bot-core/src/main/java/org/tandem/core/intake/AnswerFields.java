package org.tandem.core.intake;

import java.util.ArrayList;
import java.util.List;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.i18n.Languages;
import org.tandem.core.conversation.i18n.Texts;

/** Intake answers as fields, in the reader's language: one rendering for profiles, requests and introductions. */
public final class AnswerFields {

    /**
     * Who reads the answers: the person who gave them (their profile: the form's own questions, "What do you hope
     * to achieve?") or someone else (a request, a shortlist, an introduction: words about them, "Hopes for this
     * mentoring"; what only matters to the person, such as how many mentees a mentor takes, is left out).
     */
    public enum Reader { SELF, OTHER }

    private AnswerFields() {
    }

    /** A mentee's answers as label / value pairs, as their profile and their mentor see them. */
    public static List<Block.Field> mentee(Texts t, MenteeAnswers a, Reader reader) {
        boolean self = reader == Reader.SELF;
        List<String> topics = new ArrayList<>(a.topics());
        if (!a.other().isEmpty()) {
            topics.add(t.get("profile.other", a.other()));
        }
        List<Block.Field> f = new ArrayList<>();
        f.add(new Block.Field(t.get("profile.mentee.topics"), String.join(" > ", topics)));
        f.add(new Block.Field(t.get(self ? "intake.hopes" : "about.hopes"), a.hopes()));
        common(t, f, self, a.languages(), a.timeZone(), a.department(), a.seniority(), a.format(), a.location());
        Choices.parse(Choices.Preference.class, a.preference()).filter(p -> p != Choices.Preference.NONE)
                .ifPresent(p -> f.add(new Block.Field(t.get(self ? "intake.preference" : "about.preference"),
                        Choices.label(t, p))));
        return f;
    }

    /** A mentor's answers as label / value pairs, as their profile and mentees choosing see them. */
    public static List<Block.Field> mentor(Texts t, MentorAnswers a, Reader reader) {
        boolean self = reader == Reader.SELF;
        List<Block.Field> f = new ArrayList<>();
        f.add(new Block.Field(t.get(self ? "intake.expertise" : "about.expertise"), String.join(", ", a.topics())
                + (a.other().isEmpty() ? "" : " (" + a.other() + ")")));
        f.add(new Block.Field(t.get("intake.years"), Integer.toString(a.years())));
        common(t, f, self, a.languages(), a.timeZone(), a.department(), a.seniority(), a.format(), a.location());
        if (self) {
            f.add(new Block.Field(t.get("intake.capacity"), Integer.toString(a.capacity())));
        }
        if (!a.why().isEmpty()) {
            f.add(new Block.Field(t.get(self ? "intake.why" : "about.why"), a.why()));
        }
        return f;
    }

    private static void common(Texts t, List<Block.Field> f, boolean self, List<String> languages, String zone,
                               String department, String seniority, String format, String location) {
        f.add(new Block.Field(t.get(self ? "intake.languages" : "about.languages"),
                Languages.labels(languages, t.locale())));
        f.add(new Block.Field(t.get("intake.time-zone"), zone));
        f.add(new Block.Field(t.get("intake.department"), department));
        Choices.parse(Choices.Seniority.class, seniority)
                .ifPresent(s -> f.add(new Block.Field(t.get("intake.seniority"), Choices.label(t, s))));
        Choices.parse(Choices.Format.class, format).ifPresent(x -> f.add(new Block.Field(t.get("intake.format"),
                Choices.label(t, x) + (location.isEmpty() ? "" : " — " + location))));
    }
}
