package org.tandem.core.admin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.FileAttachment;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.i18n.Texts;

/**
 * A programme's report, as coordinators receive it: a summary in words and numbers, three charts each with its
 * numbers as text (for screen readers, and for whoever reads rather than looks), and a CSV of the same aggregates.
 * What counts fewer people than the smallest group (zero aside: nobody is no one's answer) reads "fewer than N".
 */
final class ResultsReport {

    /** The report's pieces, in the order they are posted. */
    record Pieces(Message summary, List<Chart> charts, FileAttachment csv) {}

    /** A chart and the message that goes with it: its title and its numbers. */
    record Chart(FileAttachment png, Message caption) {}

    private final Texts t;
    private final Results.Of now;
    private final Optional<Results.Of> before;
    private final Results.Gate gate;
    // whether the chart being drawn left a bar out for a group too small to show (its note then says so)
    private boolean gated;

    private ResultsReport(Texts t, Results.Of now, Optional<Results.Of> before, Results.Gate gate) {
        this.t = t;
        this.now = now;
        this.before = before;
        this.gate = gate;
    }

    static Pieces of(Texts t, Results.Of now, Optional<Results.Of> before, Results.Gate gate, LocalDate day) {
        return new ResultsReport(t, now, before, gate).pieces(day);
    }

    private Pieces pieces(LocalDate day) {
        String slug = now.program().name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        String base = "report-" + (slug.isEmpty() ? "programme" : slug.substring(0, Math.min(40, slug.length())))
                + "-" + day;
        return new Pieces(summary(), List.of(funnel(base), meetings(base), objectives(base)),
                new FileAttachment(base + ".csv", "text/csv", csv()));
    }

    private Message summary() {
        Message.Builder m = Message.builder().text(t.rich("report.title", now.program().name(),
                t.get(now.program().state().labelKey())));
        before.ifPresentOrElse(b -> m.context(t.rich("report.compared", b.program().name())),
                () -> m.context(t.rich("report.first")));
        List<Block.Field> funnel = new ArrayList<>();
        for (Results.Stage s : Results.Stage.values()) {
            now.at(s).ifPresent(n -> funnel.add(new Block.Field(stage(s),
                    withBefore(people((int) n), before.map(b -> b.at(s)).filter(OptionalLong::isPresent)
                            .map(x -> people((int) x.getAsLong()))))));
        }
        m.text(t.rich("report.funnel")).fields(funnel);
        m.text(t.rich("report.dropped")).fields(List.of(
                new Block.Field(t.get("report.waiting"), people(now.waiting())),
                new Block.Field(t.get("report.no-click"), pairs(now.noClick())),
                new Block.Field(t.get("report.rematched"), people(now.rematched())),
                new Block.Field(t.get("report.ended-early"), pairs(now.endedEarly()))));
        int metPeople = now.funnel().getOrDefault(Results.Stage.MET, 0);
        m.text(t.rich("report.given")).fields(List.of(
                new Block.Field(t.get("report.meetings"), withBefore(gated(metPeople, Integer.toString(now.meetings())),
                        before.map(b -> gated(b.funnel().getOrDefault(Results.Stage.MET, 0),
                                Integer.toString(b.meetings()))))),
                new Block.Field(t.get("report.hours"), withBefore(gated(metPeople, hours(now.minutes())),
                        before.map(b -> gated(b.funnel().getOrDefault(Results.Stage.MET, 0), hours(b.minutes()))))),
                new Block.Field(t.get("report.per-pair"), withBefore(perPair(now), before.map(this::perPair))),
                new Block.Field(t.get("report.thanks"), withBefore(people(now.thanks()),
                        before.map(b -> people(b.thanks()))))));
        m.text(t.rich("report.answers")).fields(List.of(
                new Block.Field(t.get("report.objectives"), withBefore(outcomes(now.outcomes()),
                        before.map(b -> outcomes(b.outcomes())))),
                new Block.Field(t.get("report.satisfaction"), withBefore(average(now.satisfaction()),
                        before.map(b -> average(b.satisfaction())))),
                new Block.Field(t.get("report.progress"), withBefore(average(now.progress()),
                        before.map(b -> average(b.progress()))))));
        return m.context(t.rich("report.footer", gate.min())).build();
    }

    private Chart funnel(String base) {
        List<String> categories = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> previous = new ArrayList<>();
        List<Rich> lines = new ArrayList<>();
        for (Results.Stage s : Results.Stage.values()) {
            OptionalLong n = now.at(s);
            if (n.isEmpty()) {
                continue;
            }
            categories.add(stage(s));
            values.add(cell((int) n.getAsLong()));
            previous.add(before.map(b -> b.at(s)).filter(OptionalLong::isPresent)
                    .map(x -> cell((int) x.getAsLong())).orElse(null));
            lines.add(t.rich("report.line", stage(s), people((int) n.getAsLong())));
        }
        String title = t.get("report.chart.funnel");
        byte[] png = Charts.bars(title, note(), t.get("report.chart.people"), categories,
                series(values, previous), false, t.locale());
        return chart(base + "-funnel.png", png, title, lines);
    }

    private Chart meetings(String base) {
        int months = Math.max(now.months().size(), before.map(b -> b.months().size()).orElse(0));
        List<String> categories = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> previous = new ArrayList<>();
        List<Rich> lines = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            categories.add(t.get("report.chart.month", i + 1));
            Optional<Results.Month> m = i < now.months().size() ? Optional.of(now.months().get(i)) : Optional.empty();
            values.add(m.map(this::perPairCell).orElse(null));
            int index = i;
            previous.add(before.filter(b -> index < b.months().size())
                    .map(b -> perPairCell(b.months().get(index))).orElse(null));
            m.ifPresent(x -> lines.add(t.rich("report.line", t.get("report.chart.month", x.index()),
                    monthText(x))));
        }
        String title = t.get("report.chart.meetings");
        byte[] png = Charts.columns(title, note(), t.get("report.chart.per-pair"), categories,
                series(values, previous), t.locale());
        return chart(base + "-meetings.png", png, title, lines);
    }

    private Chart objectives(String base) {
        List<String> categories = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> previous = new ArrayList<>();
        List<Rich> lines = new ArrayList<>();
        for (String o : RhythmFigures.OUTCOMES) {
            categories.add(t.get("reflection.outcome." + o));
            values.add(share(now.outcomes(), o));
            previous.add(before.map(b -> share(b.outcomes(), o)).orElse(null));
            lines.add(t.rich("report.line", t.get("reflection.outcome." + o), shareText(now.outcomes(), o)));
        }
        String title = t.get("report.chart.objectives");
        byte[] png = Charts.bars(title, note(), t.get("report.chart.share"), categories,
                series(values, previous), true, t.locale());
        return chart(base + "-objectives.png", png, title, lines);
    }

    /** Why bars are missing, when a group too small to show left some out (and starts the next chart afresh). */
    private String note() {
        boolean hidden = gated;
        gated = false;
        return hidden ? t.get("report.chart.hidden", gate.min()) : null;
    }

    private Chart chart(String name, byte[] png, String title, List<Rich> lines) {
        Message.Builder caption = Message.builder().text(Rich.markup("*").append(Rich.literal(title))
                .append(Rich.markup("*")));
        caption.text(lines.isEmpty() ? t.rich("report.chart.empty") : Rich.join("\n", lines));
        return new Chart(new FileAttachment(name, "image/png", png), caption.build());
    }

    private List<Charts.Series> series(List<Double> values, List<Double> previous) {
        List<Charts.Series> out = new ArrayList<>(List.of(new Charts.Series(now.program().name(), values)));
        before.ifPresent(b -> out.add(new Charts.Series(b.program().name(), previous)));
        return out;
    }

    /** The aggregates as a table: a row per figure, this run and the previous one. */
    private byte[] csv() {
        Csv csv = new Csv().row(before.isPresent()
                ? List.of(t.get("report.csv.figure"), now.program().name(), before.get().program().name())
                : List.of(t.get("report.csv.figure"), now.program().name()));
        for (Results.Stage s : Results.Stage.values()) {
            if (now.at(s).isPresent()) {
                row(csv, stage(s), r -> r.at(s).isPresent() ? people((int) r.at(s).getAsLong()) : "");
            }
        }
        row(csv, t.get("report.waiting"), r -> people(r.waiting()));
        row(csv, t.get("report.no-click"), r -> pairs(r.noClick()));
        row(csv, t.get("report.rematched"), r -> people(r.rematched()));
        row(csv, t.get("report.ended-early"), r -> pairs(r.endedEarly()));
        row(csv, t.get("report.meetings"), r -> gated(r.funnel().getOrDefault(Results.Stage.MET, 0),
                Integer.toString(r.meetings())));
        row(csv, t.get("report.hours"), r -> gated(r.funnel().getOrDefault(Results.Stage.MET, 0), hours(r.minutes())));
        row(csv, t.get("report.per-pair"), this::perPair);
        row(csv, t.get("report.thanks"), r -> people(r.thanks()));
        for (String o : RhythmFigures.OUTCOMES) {
            row(csv, t.get("report.objectives") + ": " + t.get("reflection.outcome." + o), r -> shareText(r.outcomes(), o));
        }
        row(csv, t.get("report.satisfaction"), r -> average(r.satisfaction()));
        row(csv, t.get("report.progress"), r -> average(r.progress()));
        for (Results.Month m : now.months()) {
            row(csv, t.get("report.per-pair") + " — " + t.get("report.chart.month", m.index()),
                    r -> m.index() <= r.months().size() ? monthText(r.months().get(m.index() - 1)) : "");
        }
        return csv.bytes();
    }

    private void row(Csv csv, String figure, Function<Results.Of, String> value) {
        List<String> cells = new ArrayList<>(Arrays.asList(figure, value.apply(now)));
        before.ifPresent(b -> cells.add(value.apply(b)));
        csv.row(cells);
    }

    private String stage(Results.Stage s) {
        return t.get("report.stage." + s.name().toLowerCase(Locale.ROOT));
    }

    private String withBefore(String value, Optional<String> previous) {
        return previous.map(p -> t.get("report.value.before", value, p)).orElse(value);
    }

    /** A count of people, or "fewer than N" for a small one. */
    private String people(int n) {
        return n == 0 || gate.shows(n) ? t.get("report.people", n) : t.get("report.few.people", gate.min());
    }

    /** A count of pairs (two people each). */
    private String pairs(int n) {
        return n == 0 || gate.shows(2 * n) ? t.get("report.pairs", n) : t.get("report.few.people", gate.min());
    }

    private String gated(int people, String value) {
        return people == 0 || gate.shows(people) ? value : t.get("report.few.people", gate.min());
    }

    private String hours(long minutes) {
        return t.get("report.hours.value", Math.round(minutes / 60.0));
    }

    /** Meetings per pair per month over the whole run: logged meetings over pair-months of activity. */
    private String perPair(Results.Of r) {
        int pairMonths = r.months().stream().mapToInt(Results.Month::pairs).sum();
        int people = r.months().stream().mapToInt(Results.Month::people).max().orElse(0);
        if (pairMonths == 0) {
            return t.get("report.not-yet");
        }
        return gate.shows(people) ? t.get("report.decimal", (double) r.meetings() / pairMonths)
                : t.get("report.few.people", gate.min());
    }

    private Double perPairCell(Results.Month m) {
        if (m.pairs() > 0 && !gate.shows(m.people())) {
            gated = true;
            return null;
        }
        return m.perPair().stream().boxed().findFirst().orElse(null);
    }

    private String monthText(Results.Month m) {
        if (m.pairs() == 0) {
            return t.get("report.not-yet");
        }
        return gate.shows(m.people()) ? t.get("report.month.value", m.perPair().getAsDouble(), m.meetings(), m.pairs())
                : t.get("report.few.people", gate.min());
    }

    private Double cell(int people) {
        if (people == 0 || gate.shows(people)) {
            return (double) people;
        }
        gated = true;
        return null;
    }

    private Double share(Results.Answers a, String outcome) {
        if (a.people() > 0 && !gate.shows(a.people())) {
            gated = true;
            return null;
        }
        return a.total() > 0 ? (double) a.counts().getOrDefault(outcome, 0) / a.total() : null;
    }

    private String shareText(Results.Answers a, String outcome) {
        if (a.people() == 0) {
            return t.get("report.no-answers");
        }
        if (!gate.shows(a.people())) {
            return t.get("report.few", gate.min());
        }
        return t.get("report.share", (double) a.counts().getOrDefault(outcome, 0) / a.total());
    }

    private String outcomes(Results.Answers a) {
        if (a.people() == 0) {
            return t.get("report.no-answers");
        }
        if (!gate.shows(a.people())) {
            return t.get("report.few", gate.min());
        }
        Map<String, Integer> c = a.counts();
        double total = a.total();
        return t.get("report.outcomes.value", c.getOrDefault("achieved", 0) / total, c.getOrDefault("partly", 0) / total,
                c.getOrDefault("not-yet", 0) / total, a.people());
    }

    private String average(Results.Answers a) {
        OptionalDouble v = a.average();
        if (a.people() == 0 || v.isEmpty()) {
            return t.get("report.no-answers");
        }
        return gate.shows(a.people()) ? t.get("report.average", v.getAsDouble(), a.people())
                : t.get("report.few", gate.min());
    }
}
