package org.tandem.core.rounds;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.tandem.core.matching.Criterion;
import org.tandem.core.matching.MatchPolicy;
import org.tandem.core.matching.Matcher;
import org.tandem.core.matching.Weights;
import org.tandem.core.schedule.WorkingWeek;

/**
 * The {@code match_settings} collection: each programme's matching weights and policy, set by its coordinators.
 * A document from before the policy existed, or a field of it that is missing or out of range, reads as
 * {@link MatchPolicy#defaults()}: a round never fails on what a coordinator could not have set.
 */
final class MatchSettings {

    /** What a programme's coordinators set: what counts, and how the round is shaped beyond that. */
    record Tuning(Weights weights, MatchPolicy policy) {

        static Tuning defaults() {
            return new Tuning(Weights.defaults(), MatchPolicy.defaults());
        }

        /** The matcher that plans with these settings, in the programme's week on {@code day}'s time-zone offsets. */
        Matcher matcher(LocalDate day, WorkingWeek week) {
            return new Matcher(weights, policy, day, week);
        }
    }

    private final MongoCollection<Document> collection;

    MatchSettings(MongoDatabase db) {
        this.collection = db.getCollection("match_settings");
    }

    Tuning of(String program) {
        Document d = collection.find(eq("_id", program)).first();
        return d == null ? Tuning.defaults() : new Tuning(weights(d), policy(d.get("policy", Document.class)));
    }

    MatchPolicy policy(String program) {
        return of(program).policy();
    }

    void save(String program, String tenant, Tuning tuning) {
        Document points = new Document();
        tuning.weights().points().forEach((c, w) -> points.append(c.name(), w));
        MatchPolicy p = tuning.policy();
        collection.replaceOne(eq("_id", program), new Document("_id", program).append("tenant", tenant)
                .append("points", points)
                .append("musts", tuning.weights().musts().stream().map(Enum::name).toList())
                .append("policy", new Document("needs", p.needs().stream().map(Enum::name).toList())
                        .append("spread", p.spread()).append("shortlist", p.shortlist())),
                new ReplaceOptions().upsert(true));
    }

    private static Weights weights(Document d) {
        Map<Criterion, Integer> points = new EnumMap<>(Criterion.class);
        Document p = d.get("points", Document.class);
        for (Criterion c : Criterion.values()) {
            points.put(c, p == null ? Weights.defaults().of(c) : p.getInteger(c.name(), Weights.defaults().of(c)));
        }
        Set<Criterion> musts = EnumSet.noneOf(Criterion.class);
        criteria(d.getList("musts", String.class)).forEach(musts::add);
        return new Weights(points, musts);
    }

    private static MatchPolicy policy(Document p) {
        MatchPolicy defaults = MatchPolicy.defaults();
        if (p == null) {
            return defaults;
        }
        List<String> stored = p.getList("needs", String.class);
        Set<Criterion> needs = EnumSet.noneOf(Criterion.class);
        criteria(stored).stream().filter(MatchPolicy.NEEDABLE::contains).forEach(needs::add);
        int spread = p.getInteger("spread", defaults.spread());
        int shortlist = p.getInteger("shortlist", defaults.shortlist());
        return new MatchPolicy(stored == null ? defaults.needs() : needs,
                spread < 0 || spread > MatchPolicy.SPREAD_MAX ? defaults.spread() : spread,
                shortlist < MatchPolicy.SHORTLIST_MIN || shortlist > MatchPolicy.SHORTLIST_MAX
                        ? defaults.shortlist() : shortlist);
    }

    /** The criteria named in a stored list, leaving out a name no criterion has (any more). */
    private static List<Criterion> criteria(List<String> names) {
        if (names == null) {
            return List.of();
        }
        return names.stream().filter(n -> EnumSet.allOf(Criterion.class).stream().anyMatch(c -> c.name().equals(n)))
                .map(Criterion::valueOf).toList();
    }
}
