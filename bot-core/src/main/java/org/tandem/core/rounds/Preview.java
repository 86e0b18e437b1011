package org.tandem.core.rounds;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.matching.Assignment;
import org.tandem.core.matching.Plan;
import org.tandem.core.matching.Reason;
import org.tandem.core.matching.Score;
import org.tandem.core.matching.Unmatched;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;

/** The coordinator's preview of a round: the numbers, each proposal with the criteria that drove it, the pool. */
final class Preview {

    /** Slack and Teams show about 50 blocks; a preview lists at most this many lines of each kind. */
    static final int MAX_LINES = 40;

    private Preview() {
    }

    static Message message(Texts t, Program program, MatchRuns.Run run, Plan plan, int mentees, People people) {
        Message.Builder m = Message.builder().text(t.rich("match.preview", program.name(),
                plan.assignments().size(), mentees, String.format(t.locale(), "%.1f", plan.averageScore()),
                t.get(program.spec().matchingMode().labelKey())));
        if (!plan.assignments().isEmpty()) {
            List<Rich> lines = new ArrayList<>();
            for (Assignment a : plan.assignments().subList(0, Math.min(MAX_LINES, plan.assignments().size()))) {
                lines.add(t.rich("match.preview.pair", name(people, a.mentee()), name(people, a.mentor()),
                        a.score().total(), criteria(t, a.score())));
            }
            m.text(Rich.join("\n", lines));
        }
        if (!plan.unmatched().isEmpty()) {
            List<Rich> lines = new ArrayList<>();
            for (Unmatched u : plan.unmatched().subList(0, Math.min(MAX_LINES, plan.unmatched().size()))) {
                lines.add(t.rich("match.preview.unmatched", name(people, u.mentee()), u.text(t)));
            }
            m.text(t.rich("match.preview.pool", plan.unmatched().size())).text(Rich.join("\n", lines));
        }
        if (plan.assignments().isEmpty()) {
            return m.context(t.rich("match.preview.nobody")).build();
        }
        return m.buttons(List.of(MatchFlow.confirmButton(t, run.id())))
                .context(t.rich("match.preview.footer", program.name()))
                .build();
    }

    /** "Topics 10 · Seniority 4": which criteria drove a proposal, strongest first. */
    static String criteria(Texts t, Score score) {
        List<String> parts = new ArrayList<>();
        score.reasons().stream().filter(r -> r.points() > 0)
                .sorted((a, b) -> Integer.compare(b.points(), a.points()))
                .forEach(r -> parts.add(label(t, r) + " " + r.points()));
        return parts.isEmpty() ? "—" : String.join(" · ", parts);
    }

    private static String label(Texts t, Reason r) {
        return t.get("criterion." + r.criterion().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    static String name(People people, String key) {
        return people.name(PersonRef.fromKey(key));
    }
}
