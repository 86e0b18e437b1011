package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.bson.Document;

/**
 * What the scheduling tests of each surface share: an invite read as a calendar reads it (valid by ical4j's RFC 5545
 * and iTIP rules, of the method expected), and Tandem's stored state once the turns under way are done with it.
 */
final class CalendarFiles {

    private CalendarFiles() {
    }

    /** The invite's event, after checking the file is valid and of {@code method}. */
    static VEvent event(String ics, String method) {
        try {
            Calendar c = new CalendarBuilder().build(new StringReader(ics));
            assertThat(c.validate().getEntries()).as(ics).isEmpty();
            assertThat(c.getProperty("METHOD").orElseThrow().getValue()).isEqualTo(method);
            return (VEvent) c.getComponent("VEVENT").orElseThrow();
        } catch (Exception e) {
            throw new AssertionError(ics, e);
        }
    }

    static Instant start(VEvent e) {
        return Instant.from(e.getDateTimeStart().getDate());
    }

    static Instant end(VEvent e) {
        return Instant.from(e.getDateTimeEnd().getDate());
    }

    static String prop(VEvent e, String name) {
        return e.getProperty(name).orElseThrow().getValue();
    }

    /** The collections' documents once nothing changed for 300 ms (a second click's turn is done). */
    static Map<String, List<String>> settled(MongoDatabase db, List<String> collections) {
        Map<String, List<String>> last = state(db, collections);
        for (int i = 0; i < 30; i++) {
            RunningApp.pause(300);
            Map<String, List<String>> now = state(db, collections);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("Tandem's state kept changing");
    }

    private static Map<String, List<String>> state(MongoDatabase db, List<String> collections) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : collections) {
            List<String> docs = new ArrayList<>();
            db.getCollection(name).find().sort(new Document("_id", 1)).forEach(d -> docs.add(d.toJson()));
            out.put(name, docs);
        }
        return out;
    }
}
