package org.tandem.core.rounds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.tandem.core.conversation.Block;
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

/**
 * The coordinator's preview of a round: the numbers (the mentors' load, the compromises, the topics one more mentor
 * would serve), each proposal with the criteria that drove it and what is weak in it (compromises and the weakest
 * first, a page at a time), the pool.
 */
final class Preview {

    /** Slack and Teams show about 50 blocks; a preview lists this many lines of each kind, the proposals page on. */
    static final int MAX_LINES = 40;

    private Preview() {
    }

    static Message message(Texts t, Program program, MatchRuns.Run run, Plan plan, int mentees, People people) {
        Message.Builder m = Message.builder().text(t.rich("match.preview", program.name(),
                plan.assignments().size(), mentees, String.format(t.locale(), "%.1f", plan.averageScore()),
                t.get(program.spec().matchingMode().labelKey())));
        List<Rich> numbers = numbers(t, plan);
        if (!numbers.isEmpty()) {
            m.text(Rich.join("\n", numbers));
        }
        if (!plan.assignments().isEmpty()) {
            page(t, run.id(), ordered(plan.assignments()), 0, people, m);
        }
        if (!plan.unmatched().isEmpty()) {
            List<Rich> lines = new ArrayList<>();
            int shown = Math.min(MAX_LINES, plan.unmatched().size());
            for (Unmatched u : plan.unmatched().subList(0, shown)) {
                lines.add(t.rich("match.preview.unmatched", name(people, u.mentee()), u.text(t)));
            }
            if (shown < plan.unmatched().size()) {
                lines.add(t.rich("match.preview.pool.more", plan.unmatched().size() - shown));
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

    /**
     * What the plan says beyond its pairs, one line each: how the mentors' load is spread, how many proposals are
     * compromises, and which topics one more mentor would serve.
     */
    static List<Rich> numbers(Texts t, Plan plan) {
        List<Rich> out = new ArrayList<>();
        List<String> loads = new ArrayList<>();
        for (int k = 0; k < plan.loads().size(); k++) {
            if (plan.loads().get(k) > 0) {
                loads.add(t.get("match.preview.load", plan.loads().get(k), k));
            }
        }
        if (!loads.isEmpty()) {
            out.add(t.rich("match.preview.loads", String.join(" · ", loads)));
        }
        if (plan.compromises() > 0) {
            out.add(t.rich("match.preview.compromises", plan.compromises()));
        }
        for (Plan.Wanted w : plan.wanted()) {
            if (w.waiting() > 0 && w.without() > 0) {
                out.add(t.rich("match.preview.wanted", w.topic(), w.waiting(), w.without()));
            } else if (w.waiting() > 0) {
                out.add(t.rich("match.preview.wanted.waiting", w.topic(), w.waiting()));
            } else if (w.without() > 0) {
                out.add(t.rich("match.preview.wanted.without", w.topic(), w.without()));
            }
        }
        return out;
    }

    /** The proposals as a coordinator should read them: compromises first, then the weakest fits. */
    static List<Assignment> ordered(List<Assignment> all) {
        return all.stream().sorted(Comparator.comparing((Assignment a) -> !compromise(a.score()))
                .thenComparingInt(a -> a.score().total())).toList();
    }

    static boolean compromise(Score score) {
        return score.reasons().stream().anyMatch(Reason::weak);
    }

    /**
     * One page of proposals ({@code from} on, {@link #MAX_LINES} of them), each with what drove it and what is weak,
     * and when more follow, which ones these are and a button for the next page.
     */
    static void page(Texts t, String runId, List<Assignment> ordered, int from, People people, Message.Builder m) {
        page(t, runId, ordered.subList(from, Math.min(ordered.size(), from + MAX_LINES)), from, ordered.size(), people,
                m);
    }

    /**
     * One page of proposals: {@code shown}, the ones at {@code from} on in the preview's order, out of {@code total}
     * (a stored preview reads only these).
     */
    static void page(Texts t, String runId, List<Assignment> shown, int from, int total, People people,
                     Message.Builder m) {
        int to = Math.min(total, from + MAX_LINES);
        List<Rich> lines = new ArrayList<>();
        for (Assignment a : shown) {
            String weak = weaknesses(t, a.score());
            lines.add(t.rich(weak.isEmpty() ? "match.preview.pair" : "match.preview.pair.weak",
                    name(people, a.mentee()), name(people, a.mentor()), a.score().total(), criteria(t, a.score()),
                    weak));
        }
        if (!lines.isEmpty()) {
            m.text(Rich.join("\n", lines));
        }
        if (from > 0 || to < total) {
            m.context(t.rich("match.preview.page", from + 1, to, total));
        }
        if (to < total) {
            m.buttons(List.of(new Block.Button(MatchFlow.PAGE, t.get("match.preview.next",
                    Math.min(MAX_LINES, total - to)), runId + ":" + to)));
        }
    }

    /** "none of the mentee's topics · hardly any working hours in common": what makes a proposal a compromise. */
    static String weaknesses(Texts t, Score score) {
        return String.join(" · ", score.reasons().stream().filter(Reason::weak)
                .map(r -> t.get("match.preview.weak." + r.key().substring("match.reason.".length()))).toList());
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
