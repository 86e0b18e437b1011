package org.tandem.deploy.devclock;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.bson.Document;

/**
 * The system clock plus an offset that only grows. The offset is kept in MongoDB ({@code dev_clock}), so that a
 * restart does not send time backwards behind what was already scheduled and done.
 */
public final class DevClock extends Clock {

    private static final String ID = "offset";

    private final Clock system;
    private final MongoCollection<Document> store;
    private volatile Duration offset;

    DevClock(Clock system, MongoDatabase db) {
        this.system = system;
        this.store = db.getCollection("dev_clock");
        Document saved = store.find(eq("_id", ID)).first();
        this.offset = saved == null ? Duration.ZERO : millis(saved);
    }

    /** Moves time forward by {@code by} (positive) and returns the new time. */
    synchronized Instant advance(Duration by) {
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("the dev clock only moves forward");
        }
        // one atomic $inc: the stored offset is the truth, even with two replicas on one database
        Document after = store.findOneAndUpdate(eq("_id", ID), Updates.inc("millis", by.toMillis()),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        offset = millis(after);
        return instant();
    }

    Duration offset() {
        return offset;
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The core keeps time in UTC (people's zones are theirs, not the clock's): the zone is not changed. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    private static Duration millis(Document d) {
        return Duration.ofMillis(((Number) d.get("millis")).longValue());
    }
}
