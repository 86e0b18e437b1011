package org.tandem.core.admin;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.bson.Document;
import org.tandem.core.conversation.FileAttachment;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Scope;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.program.Program;

/**
 * The weekly digest's one small chart: meetings logged week by week, and pairs at risk, over the last eight weeks
 * of a workspace's live programmes. Meetings are counted from their log; pairs at risk are what each digest saw, kept
 * per workspace and week ({@code digest_trends}, numbers only), so the line starts with the first digest. A week
 * whose pairs under way hold fewer people than the smallest group shows no bar.
 */
final class DigestTrend {

    static final int WEEKS = 8;

    private final MongoCollection<Document> trends;
    private final Pairs pairs;
    private final RhythmFigures rhythm;
    private final Results.Gate gate;
    private final ZoneId zone;

    DigestTrend(MongoDatabase db, Pairs pairs, RhythmFigures rhythm, Results.Gate gate, ZoneId zone) {
        this.trends = db.getCollection("digest_trends");
        this.pairs = pairs;
        this.rhythm = rhythm;
        this.gate = gate;
        this.zone = zone;
    }

    /** The chart and its numbers as text, once meetings are logged at all; keeps this week's pairs at risk. */
    Optional<ResultsReport.Chart> of(Texts t, Scope scope, List<Program> live, Instant until, int atRiskNow) {
        if (!rhythm.measures() || live.isEmpty()) {
            return Optional.empty();
        }
        ZonedDateTime end = until.atZone(zone);
        trends.replaceOne(eq("_id", key(scope, end)), new Document("_id", key(scope, end))
                .append("tenant", scope.tenant()).append("atRisk", atRiskNow), new ReplaceOptions().upsert(true));
        List<Pair> all = new ArrayList<>();
        live.forEach(p -> all.addAll(pairs.inProgram(p.id(), EnumSet.allOf(PairStatus.class))));
        List<String> weeks = new ArrayList<>();
        List<Double> met = new ArrayList<>();
        List<Double> risk = new ArrayList<>();
        List<Rich> lines = new ArrayList<>();
        boolean hidden = false;
        for (int i = WEEKS - 1; i >= 0; i--) {
            ZonedDateTime to = end.minusWeeks(i);
            Instant from = to.minusWeeks(1).toInstant();
            String label = t.dayMonth(LocalDate.ofInstant(from, zone));
            weeks.add(label);
            int people = peopleUnderWay(all, from, to.toInstant());
            if (people > 0 && !gate.shows(people)) {
                hidden = true;
                met.add(null);
                risk.add(null);
                lines.add(t.rich("report.line", label, Rich.literal(t.get("report.few.people", gate.min()))));
                continue;
            }
            int n = 0;
            for (Program p : live) {
                OptionalInt between = rhythm.meetingsBetween(p.id(), from, to.toInstant());
                n += between.orElse(0);
            }
            Document kept = trends.find(eq("_id", key(scope, to))).first();
            Integer atRisk = kept == null ? null : kept.getInteger("atRisk");
            met.add((double) n);
            risk.add(atRisk == null ? null : atRisk.doubleValue());
            lines.add(atRisk == null ? t.rich("weekly.chart.line", label, n)
                    : t.rich("weekly.chart.line.risk", label, n, atRisk));
        }
        String title = t.get("weekly.chart.title");
        byte[] png = Charts.trend(title, hidden ? t.get("report.chart.hidden", gate.min()) : null, weeks,
                new Charts.Series(t.get("weekly.chart.meetings"), met), new Charts.Series(t.get("weekly.chart.risk"),
                        risk));
        Message caption = Message.builder().text(Rich.markup("*").append(Rich.literal(title)).append(Rich.markup("*")))
                .text(Rich.join("\n", lines)).build();
        String day = LocalDate.ofInstant(until, zone).toString();
        return Optional.of(new ResultsReport.Chart(new FileAttachment("digest-" + day + ".png", "image/png", png),
                caption));
    }

    /** The people of the pairs under way at some time in {@code [from, to)}. */
    private static int peopleUnderWay(List<Pair> all, Instant from, Instant to) {
        Set<String> people = new HashSet<>();
        for (Pair p : all) {
            Optional<Instant> active = p.rhythm().activeAt();
            if (active.isEmpty() || !active.get().isBefore(to)) {
                continue;
            }
            boolean over = !p.status().open();
            // a closed pair counts for the weeks before it closed, as far as its record tells
            if (over && p.rhythm().endsAt().map(e -> e.isBefore(from)).orElse(false)) {
                continue;
            }
            people.add(p.mentee().key());
            people.add(p.mentor().key());
        }
        return people.size();
    }

    private static String key(Scope scope, ZonedDateTime week) {
        return scope.key() + "|" + week.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + week.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}
