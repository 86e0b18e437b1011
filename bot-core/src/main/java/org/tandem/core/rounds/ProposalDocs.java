package org.tandem.core.rounds;

import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.tandem.core.matching.Assignment;
import org.tandem.core.matching.Criterion;
import org.tandem.core.matching.Objective;
import org.tandem.core.matching.Plan;
import org.tandem.core.matching.Reason;
import org.tandem.core.matching.Score;
import org.tandem.core.matching.Shortlist;
import org.tandem.core.matching.Unmatched;
import org.tandem.core.rounds.Proposals.Kind;

/**
 * How a round is written down: a run document ({@link MatchRuns.Head}) and its proposals, one document each. The
 * shapes are those rounds had before proposals were chunked, so that older rounds still read.
 */
final class ProposalDocs {

    private ProposalDocs() {
    }

    static Document head(MatchRuns.Head h) {
        MatchRuns.Counts c = h.counts();
        Objective o = h.objective();
        Document chunks = new Document();
        h.chunks().forEach((kind, starts) -> chunks.append(kind.value, starts));
        return new Document("_id", h.id()).append("program", h.program()).append("at", Date.from(h.at()))
                .append("status", h.status())
                .append("counts", new Document("assignments", c.assignments()).append("shortlists", c.shortlists())
                        .append("unmatched", c.unmatched()).append("compromises", c.compromises()))
                .append("objective", new Document("matched", o.matched()).append("failedNeeds", o.failedNeeds())
                        .append("totalScore", o.totalScore()).append("loadCost", o.loadCost()))
                .append("loads", h.loads())
                .append("wanted", h.wanted().stream().map(w -> new Document("topic", w.topic())
                        .append("waiting", w.waiting()).append("without", w.without())).toList())
                .append("chunks", chunks);
    }

    /** A run document; one stored before proposals were chunked counts what it holds inline. */
    static MatchRuns.Head head(Document d) {
        Document c = d.get("counts", Document.class);
        MatchRuns.Counts counts = c == null
                ? new MatchRuns.Counts(size(d, "assignments"), size(d, "shortlists"), size(d, "unmatched"), 0)
                : new MatchRuns.Counts(c.getInteger("assignments"), c.getInteger("shortlists"),
                        c.getInteger("unmatched"), c.getInteger("compromises"));
        Document o = d.get("objective", Document.class);
        Objective objective = o == null ? new Objective(counts.assignments(), 0)
                : new Objective(o.getInteger("matched"), o.getInteger("failedNeeds"),
                        ((Number) o.get("totalScore")).longValue(), ((Number) o.get("loadCost")).longValue());
        List<Plan.Wanted> wanted = d.getList("wanted", Document.class, List.of()).stream()
                .map(w -> new Plan.Wanted(w.getString("topic"), w.getInteger("waiting"), w.getInteger("without")))
                .toList();
        return new MatchRuns.Head(d.getString("_id"), d.getString("program"), d.getString("status"),
                d.getDate("at").toInstant(), counts, objective, d.getList("loads", Integer.class, List.of()), wanted,
                chunks(d));
    }

    /** Where a run's chunks of each kind start; empty for a round whose proposals are inline or gone. */
    static Map<Kind, List<Integer>> chunks(Document run) {
        Map<Kind, List<Integer>> out = new EnumMap<>(Kind.class);
        Document chunks = run.get("chunks", Document.class);
        if (chunks != null) {
            for (Kind kind : Kind.values()) {
                List<Integer> starts = chunks.getList(kind.value, Integer.class);
                if (starts != null) {
                    out.put(kind, starts);
                }
            }
        }
        return out;
    }

    private static int size(Document d, String list) {
        return d.getList(list, Document.class, List.of()).size();
    }

    static Document assignment(Assignment a) {
        return new Document("mentee", a.mentee()).append("mentor", a.mentor()).append("score", score(a.score()));
    }

    static Assignment assignment(Document a) {
        return new Assignment(a.getString("mentee"), a.getString("mentor"), score(a.get("score", Document.class)));
    }

    static Document shortlist(Shortlist s) {
        return new Document("mentee", s.mentee())
                .append("options", s.options().stream().map(o -> new Document("mentor", o.mentor())
                        .append("score", score(o.score())).append("planned", o.planned())).toList())
                .append("why", s.why()).append("whyArgs", s.whyArgs());
    }

    static Shortlist shortlist(Document s) {
        List<Shortlist.Option> options = new ArrayList<>();
        for (Document o : s.getList("options", Document.class)) {
            options.add(new Shortlist.Option(o.getString("mentor"), score(o.get("score", Document.class)),
                    o.getBoolean("planned")));
        }
        return new Shortlist(s.getString("mentee"), options, s.get("why", ""),
                s.getList("whyArgs", String.class, List.of()));
    }

    static Document unmatched(Unmatched u) {
        return new Document("mentee", u.mentee()).append("key", u.key()).append("args", u.args());
    }

    static Unmatched unmatched(Document u) {
        return new Unmatched(u.getString("mentee"), u.getString("key"), u.getList("args", String.class));
    }

    private static Document score(Score s) {
        return new Document("total", s.total()).append("reasons", s.reasons().stream()
                .map(r -> new Document("criterion", r.criterion().name()).append("points", r.points())
                        .append("key", r.key()).append("args", r.args())).toList());
    }

    private static Score score(Document d) {
        List<Reason> reasons = new ArrayList<>();
        for (Document r : d.getList("reasons", Document.class)) {
            reasons.add(new Reason(Criterion.valueOf(r.getString("criterion")), r.getInteger("points"),
                    r.getString("key"), r.getList("args", String.class)));
        }
        return new Score(d.getInteger("total"), reasons);
    }
}
