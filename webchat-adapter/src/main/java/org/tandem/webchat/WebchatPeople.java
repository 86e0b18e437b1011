package org.tandem.webchat;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bson.Document;

/**
 * The people the web chat knows ({@code webchat_people}), its directory for inviting people: everyone the page lists
 * (it reads each one's conversations) or who did something, and the coordinators, each with the name the page shows
 * them by (their user id, capitalised) unless they gave another. Who is a bot does not arise: the web chat has none.
 */
final class WebchatPeople {

    /** A person of the web chat: their user id and the name people see. */
    record Person(String user, String name) {}

    private final MongoCollection<Document> people;

    WebchatPeople(MongoDatabase db, List<String> coordinators, Instant at) {
        this.people = db.getCollection("webchat_people");
        coordinators.forEach(c -> seen(c.toLowerCase(Locale.ROOT), null, at));
    }

    /** The page read someone's conversations or they acted: they are known from now on; a name they gave is kept. */
    void seen(String user, String name, Instant at) {
        people.updateOne(eq("_id", user), name == null || name.isBlank()
                ? Updates.setOnInsert("at", Date.from(at))
                : Updates.combine(Updates.setOnInsert("at", Date.from(at)), Updates.set("name", name.strip())),
                new UpdateOptions().upsert(true));
    }

    /** Everyone known, the first known first. */
    List<Person> all() {
        List<Person> out = new ArrayList<>();
        for (Document d : people.find().sort(Sorts.ascending("at", "_id"))) {
            out.add(person(d));
        }
        return out;
    }

    /** A person erased their data: the web chat forgets them (they are known again if the page lists them still). */
    void forget(String user) {
        people.deleteOne(eq("_id", user));
    }

    private static Person person(Document d) {
        String user = d.getString("_id");
        String name = d.getString("name");
        return new Person(user, name != null ? name : shown(user));
    }

    /** How the page names a person it only knows by their user id: {@code alice} is Alice. */
    static String shown(String user) {
        return user.isEmpty() ? user : user.substring(0, 1).toUpperCase(Locale.ROOT) + user.substring(1);
    }
}
