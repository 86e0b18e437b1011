package org.tandem.core.pairs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;

/**
 * A pair's mentoring agreement: 1 to 3 learning objectives (what, and how we will know it is reached), drafted
 * by the mentee, and the expectations both agree on. The mentor confirms or suggests changes.
 *
 * @param version bumped at each draft, so a confirmation applies to the draft that was read, not a newer one
 */
public record Agreement(Status status, List<Objective> objectives, String cadence, String format, String contact,
                        boolean confidential, String suggestion, int version, Optional<Instant> agreedAt) {

    /** Where the agreement stands. */
    public enum Status {
        /** The mentee drafted it; the mentor is asked to confirm. */
        PROPOSED,
        /** The mentor suggested changes; the mentee is asked to edit. */
        CHANGES,
        /** Both agreed. */
        AGREED;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One learning objective. */
    public record Objective(String what, String measure) {}

    public Agreement {
        objectives = List.copyOf(objectives);
    }

    Document toDocument() {
        Document d = new Document("status", status.value())
                .append("objectives", objectives.stream()
                        .map(o -> new Document("what", o.what()).append("measure", o.measure())).toList())
                .append("cadence", cadence).append("format", format).append("contact", contact)
                .append("confidential", confidential).append("suggestion", suggestion).append("version", version);
        agreedAt.ifPresent(a -> d.append("agreedAt", Date.from(a)));
        return d;
    }

    static Agreement from(Document d) {
        List<Objective> objectives = new ArrayList<>();
        for (Document o : d.getList("objectives", Document.class)) {
            objectives.add(new Objective(o.getString("what"), o.getString("measure")));
        }
        return new Agreement(Status.valueOf(d.getString("status").toUpperCase(Locale.ROOT)), objectives,
                d.getString("cadence"), d.getString("format"), d.getString("contact"), d.getBoolean("confidential"),
                d.getString("suggestion"), d.getInteger("version"),
                Optional.ofNullable(d.getDate("agreedAt")).map(Date::toInstant));
    }
}
