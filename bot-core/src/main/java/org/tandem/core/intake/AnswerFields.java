package org.tandem.core.intake;

import java.util.ArrayList;
import java.util.List;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.i18n.Languages;
import org.tandem.core.conversation.i18n.Texts;

/** Intake answers as fields, in the reader's language: one rendering for profiles, requests and introductions. */
public final class AnswerFields {

    private AnswerFields() {
    }

    /** A mentee's answers as label / value pairs, as their profile and their mentor see them. */
    public static List<Block.Field> mentee(Texts t, MenteeAnswers a) {
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

    /** A mentor's answers as label / value pairs, as their profile and mentees choosing see them. */
    public static List<Block.Field> mentor(Texts t, MentorAnswers a) {
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
