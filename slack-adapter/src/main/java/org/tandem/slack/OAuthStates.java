package org.tandem.slack;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.slack.api.bolt.service.OAuthStateService;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;

/**
 * Bolt's OAuth state store in MongoDB ({@code slack_oauth_states}): the state of each install started, checked
 * once on the way back (with the browser cookie Bolt sets), valid ten minutes. Any replica can finish an install
 * another began.
 */
final class OAuthStates implements OAuthStateService {

    private final MongoCollection<Document> collection;
    private final Clock clock;

    OAuthStates(MongoDatabase db, Clock clock) {
        this.collection = db.getCollection("slack_oauth_states");
        this.clock = clock;
    }

    @Override
    public void addNewStateToDatastore(String state) {
        collection.deleteMany(lt("at", Date.from(clock.instant().minus(lifetime()))));
        collection.insertOne(new Document("_id", state).append("at", Date.from(clock.instant())));
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        return collection.find(and(eq("_id", state), gt("at", Date.from(clock.instant().minus(lifetime())))))
                .first() != null;
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        collection.deleteOne(eq("_id", state));
    }

    private Duration lifetime() {
        return Duration.ofSeconds(getExpirationInSeconds());
    }
}
