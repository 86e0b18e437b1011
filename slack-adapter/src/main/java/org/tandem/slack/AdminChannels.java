package org.tandem.slack;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * Each workspace's admin channel ({@code slack_admin_channels}, one document per workspace): the private channel
 * where {@code admin here} was typed, or else, with one configured workspace, {@code tandem.slack.admin-channel}.
 * Read on each use (an id lookup), so that every replica sees a change at once.
 */
final class AdminChannels {

    private final MongoCollection<Document> collection;
    private final String configured;

    /** {@code configured}: the default channel of the one configured workspace (null with OAuth installs). */
    AdminChannels(MongoDatabase db, String configured) {
        this.collection = db.getCollection("slack_admin_channels");
        this.configured = configured;
    }

    /** The workspace's admin channel, if it has one. */
    Optional<String> of(String tenant) {
        Document d = collection.find(eq("_id", tenant)).first();
        return d != null ? Optional.ofNullable(d.getString("channel")) : Optional.ofNullable(configured);
    }

    /** Whether this channel is the workspace's admin channel. */
    boolean is(String tenant, String channel) {
        return channel != null && of(tenant).map(channel::equals).orElse(false);
    }

    /** Makes a channel the workspace's admin channel (one atomic upsert; the last {@code admin here} wins). */
    void set(String tenant, String channel, String by, Instant at) {
        collection.updateOne(eq("_id", tenant), Updates.combine(Updates.set("channel", channel),
                Updates.set("setBy", by), Updates.set("at", Date.from(at))), new UpdateOptions().upsert(true));
    }

    /** A person who erased their data is no longer named as who set the channel. */
    void forget(String tenant, String userId) {
        collection.updateMany(and(eq("_id", tenant), eq("setBy", userId)), Updates.unset("setBy"));
    }
}
