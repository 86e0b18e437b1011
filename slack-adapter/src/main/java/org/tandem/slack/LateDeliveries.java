package org.tandem.slack;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * Messages Slack took only on a later try ({@code slack_late}): the core was given their kept reference
 * ({@link SlackRef.Parked}) before they went out, so where each one landed is remembered, both ways: an update of
 * that reference becomes a {@code chat.update} of the message, and a click on the message names the reference the
 * core knows. No content is kept; two months, as long as the core answers a late click on a question.
 */
final class LateDeliveries {

    static final Duration KEEP = Duration.ofDays(60);

    private final MongoCollection<Document> collection;
    private final Clock clock;

    LateDeliveries(MongoDatabase db, Clock clock) {
        this.collection = db.getCollection("slack_late");
        this.clock = clock;
    }

    /** The message kept under {@code parkedId} (for {@code to}) went out as {@code posted}. */
    void delivered(String parkedId, String to, SlackRef.Posted posted) {
        collection.insertOne(new Document("_id", parkedId).append("tenant", posted.tenant()).append("to", to)
                .append("channel", posted.channel()).append("ts", posted.ts())
                .append("at", Date.from(clock.instant())));
    }

    Optional<SlackRef.Posted> find(String tenant, String parkedId) {
        Document d = collection.find(and(eq("_id", parkedId), eq("tenant", tenant))).first();
        return d == null ? Optional.empty()
                : Optional.of(new SlackRef.Posted(tenant, d.getString("channel"), d.getString("ts")));
    }

    /** The kept reference of a message Slack shows, when it went out late. */
    Optional<SlackRef.Parked> keptAs(SlackRef.Posted posted) {
        Document d = collection.find(and(eq("tenant", posted.tenant()), eq("channel", posted.channel()),
                eq("ts", posted.ts()))).first();
        return Optional.ofNullable(d).map(x -> new SlackRef.Parked(posted.tenant(), x.getString("_id"),
                x.getString("to")));
    }

    /** A person who erased their data: where their messages went is not kept either. */
    void forget(String tenant, String to) {
        collection.deleteMany(and(eq("tenant", tenant), eq("to", to)));
    }

    void purge() {
        collection.deleteMany(lt("at", Date.from(clock.instant().minus(KEEP))));
    }
}
