package org.tandem.core.rhythm;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.schedule.Moments;
import org.tandem.core.schedule.WorkingWeek;
import org.tandem.core.store.Inserts;

/**
 * The bot never becomes the one people mute: nudges arrive within each person's working hours on working days
 * (their programme's working week, in their time zone), at most one a day (the day is claimed with a unique key,
 * so two replicas cannot both send), at most a few a week, and not while the person or the programme is paused.
 */
final class Courtesy {

    private final MongoCollection<Document> log;

    Courtesy(MongoDatabase db) {
        this.log = db.getCollection("nudge_log");
        this.log.createIndex(Indexes.ascending("person", "at"), new IndexOptions().name("person_at"));
    }

    /**
     * When a nudge to this person may go out: empty for now, else the moment to try again. Claims today's slot
     * when it answers now, so call it only when about to send.
     */
    Optional<Instant> claim(PersonRef person, WorkingWeek week, ZoneId zone, Optional<Instant> pausedUntil,
                            Instant now, int weeklyCap) {
        if (pausedUntil.isPresent() && pausedUntil.get().isAfter(now)) {
            return Optional.of(nextSlot(week, zone, pausedUntil.get()));
        }
        Instant slot = nextSlot(week, zone, now);
        if (slot.isAfter(now)) {
            return Optional.of(slot);
        }
        if (log.countDocuments(and(eq("person", person.key()), gte("at", Date.from(now.minus(Duration.ofDays(7))))))
                >= weeklyCap) {
            return Optional.of(nextSlot(week, zone, now.plus(Duration.ofDays(1))));
        }
        LocalDate day = now.atZone(zone).toLocalDate();
        if (Inserts.once(log, new Document("_id", person.key() + "|" + day).append("tenant", person.tenant())
                .append("person", person.key()).append("at", Date.from(now)))) {
            return Optional.empty();
        }
        return Optional.of(nextSlot(week, zone, day.plusDays(1).atTime(week.start()).atZone(zone).toInstant()));
    }

    /** Forgets when a person was nudged. */
    void forget(PersonRef person) {
        log.deleteMany(eq("person", person.key()));
    }

    /** The first moment at or after {@code at} inside {@code week}, in that time zone. */
    static Instant nextSlot(WorkingWeek week, ZoneId zone, Instant at) {
        return Moments.forPerson(week, zone, at);
    }
}
