package org.tandem.core.rounds;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.tandem.core.matching.Criterion;
import org.tandem.core.matching.Weights;

/** The {@code match_settings} collection: each programme's matching weights, set by its coordinators. */
final class MatchSettings {

    private final MongoCollection<Document> collection;

    MatchSettings(MongoDatabase db) {
        this.collection = db.getCollection("match_settings");
    }

    Weights weights(String program) {
        Document d = collection.find(eq("_id", program)).first();
        if (d == null) {
            return Weights.defaults();
        }
        Map<Criterion, Integer> points = new EnumMap<>(Criterion.class);
        Document p = d.get("points", Document.class);
        for (Criterion c : Criterion.values()) {
            points.put(c, p.getInteger(c.name(), Weights.defaults().of(c)));
        }
        Set<Criterion> musts = EnumSet.noneOf(Criterion.class);
        d.getList("musts", String.class).forEach(m -> musts.add(Criterion.valueOf(m)));
        return new Weights(points, musts);
    }

    void save(String program, String tenant, Weights weights) {
        Document points = new Document();
        weights.points().forEach((c, w) -> points.append(c.name(), w));
        collection.replaceOne(eq("_id", program), new Document("_id", program).append("tenant", tenant)
                .append("points", points).append("musts", weights.musts().stream().map(Enum::name).toList()),
                new ReplaceOptions().upsert(true));
    }
}
