package org.tandem.core.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.tandem.core.matching.Criterion;
import org.tandem.core.matching.MatchPolicy;
import org.tandem.core.matching.Weights;
import org.tandem.core.testing.TestMongo;

/** A programme's weights and policy come back as they were saved; what an older Tandem stored reads as defaults. */
class MatchSettingsTest {

    private final MongoDatabase db = TestMongo.freshDatabase();
    private final MatchSettings settings = new MatchSettings(db);

    @Test
    void weightsAndPolicyComeBackExactly() {
        MatchSettings.Tuning saved = new MatchSettings.Tuning(
                Weights.defaults().with(Criterion.TOPICS, 9).withMust(Criterion.FORMAT, true),
                new MatchPolicy(Set.of(Criterion.TOPICS), 7, 2));
        settings.save("p1", "T1", saved);
        assertThat(settings.of("p1")).isEqualTo(saved);
        assertThat(settings.policy("p1").spread()).as("a step between the named ones stays exact").isEqualTo(7);

        MatchSettings.Tuning relaxed = new MatchSettings.Tuning(Weights.defaults(), new MatchPolicy(Set.of(), 0, 5));
        settings.save("p1", "T1", relaxed);
        assertThat(settings.of("p1")).as("no need protected is a choice, not a missing value").isEqualTo(relaxed);
        assertThat(settings.of("p2")).as("a programme nobody tuned").isEqualTo(MatchSettings.Tuning.defaults());
    }

    @Test
    void aDocumentFromBeforeThePolicyReadsAsTheDefaultPolicy() {
        db.getCollection("match_settings").insertOne(new Document("_id", "old").append("tenant", "T1")
                .append("points", new Document("TOPICS", 8).append("SENIORITY", 1))
                .append("musts", List.of("TOPICS")));
        MatchSettings.Tuning read = settings.of("old");
        assertThat(read.policy()).isEqualTo(MatchPolicy.defaults());
        assertThat(read.weights().of(Criterion.TOPICS)).isEqualTo(8);
        assertThat(read.weights().of(Criterion.DEPARTMENT)).isEqualTo(Weights.defaults().of(Criterion.DEPARTMENT));
        assertThat(read.weights().must(Criterion.TOPICS)).isTrue();
    }

    @Test
    void aPolicyFieldMissingOrOutOfRangeReadsAsItsDefault() {
        db.getCollection("match_settings").insertOne(new Document("_id", "odd").append("tenant", "T1")
                .append("points", new Document()).append("musts", List.of())
                .append("policy", new Document("spread", 42).append("shortlist", 2)
                        .append("needs", List.of("TOPICS", "DEPARTMENT", "NO_SUCH"))));
        MatchPolicy read = settings.policy("odd");
        assertThat(read.spread()).isEqualTo(MatchPolicy.SPREAD_DEFAULT);
        assertThat(read.shortlist()).isEqualTo(2);
        assertThat(read.needs()).as("only what can be a need").containsExactly(Criterion.TOPICS);

        db.getCollection("match_settings").insertOne(new Document("_id", "half").append("tenant", "T1")
                .append("points", new Document()).append("musts", List.of())
                .append("policy", new Document("shortlist", 0)));
        assertThat(settings.policy("half")).isEqualTo(MatchPolicy.defaults());
    }
}
