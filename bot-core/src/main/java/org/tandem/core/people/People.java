package org.tandem.core.people;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.tandem.core.conversation.Actor;
import org.tandem.core.conversation.Person;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Persons;
import org.tandem.core.conversation.Scope;
import org.tandem.core.conversation.i18n.Texts;

/** The {@code people} collection: one document per person, keyed by {@link PersonRef#key()}. */
public final class People implements Persons {

    private static final String STAND_IN = "erased-";
    /** When a mentor consented to mentees seeing what they gave; absent while they do not. */
    private static final String SHOWS_GIVEN = "showsGivenSince";
    /** People named per query by {@link #names}: a filter of a thousand keys stays small on any server. */
    private static final int NAMES_AT_ONCE = 1000;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final MongoCollection<Document> collection;

    public People(MongoDatabase db) {
        this.collection = db.getCollection("people");
        collection.createIndex(Indexes.ascending("tenant"), new IndexOptions().name("tenant"));
    }

    /** Records what the platform says about a person now (name, language, time zone) and returns them. */
    @Override
    public Person touch(Actor actor, Instant now) {
        PersonRef ref = actor.person();
        List<Bson> updates = new ArrayList<>(List.of(
                // a platform that names nobody (the web chat without a name): "alice" becomes "Alice"
                actor.displayName() == null ? Updates.setOnInsert("displayName",
                        ref.userId().substring(0, 1).toUpperCase(Locale.ROOT) + ref.userId().substring(1))
                        : Updates.set("displayName", actor.displayName()),
                Updates.set("platformLocale", actor.locale().toLanguageTag()),
                Updates.set("lastSeen", Date.from(now)),
                Updates.setOnInsert("tenant", ref.tenant()),
                Updates.setOnInsert("platform", ref.platform()),
                Updates.setOnInsert("userId", ref.userId()),
                Updates.setOnInsert("firstSeen", Date.from(now))));
        actor.timeZone().ifPresent(z -> updates.add(Updates.set("timeZone", z.getId())));
        actor.email().ifPresent(e -> updates.add(Updates.set("email", e)));
        Document d = collection.findOneAndUpdate(eq("_id", ref.key()), Updates.combine(updates),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return toPerson(d);
    }

    public Optional<Person> find(PersonRef ref) {
        return Optional.ofNullable(collection.find(eq("_id", ref.key())).first()).map(People::toPerson);
    }

    /** The texts in a person's language (English for someone never seen). */
    public org.tandem.core.conversation.i18n.Texts texts(PersonRef ref) {
        return org.tandem.core.conversation.i18n.Texts.of(find(ref).map(Person::locale).orElse(Locale.ENGLISH));
    }

    /** A person's display name, or their user id when never seen; a dash for a stand-in (see {@link #standIn}). */
    public String name(PersonRef ref) {
        if (isStandIn(ref)) {
            return "—";
        }
        return find(ref).map(Person::displayName).orElse(ref.userId());
    }

    /**
     * The display names of many people at once, as {@link #name} gives each (a dash for a stand-in, the user id for
     * someone never seen): one query per thousand people, for lists and exports that name a whole programme.
     */
    public Map<PersonRef, String> names(Collection<PersonRef> refs) {
        Map<PersonRef, String> out = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (PersonRef ref : new LinkedHashSet<>(refs)) {
            out.put(ref, isStandIn(ref) ? "—" : ref.userId());
            if (!isStandIn(ref)) {
                keys.add(ref.key());
            }
        }
        for (int from = 0; from < keys.size(); from += NAMES_AT_ONCE) {
            for (Document d : collection.find(in("_id", keys.subList(from, Math.min(keys.size(),
                    from + NAMES_AT_ONCE))))) {
                Person p = toPerson(d);
                out.put(p.ref(), p.displayName());
            }
        }
        return out;
    }

    /** Whether an identity is a {@link #standIn}. */
    public static boolean isStandIn(PersonRef ref) {
        return ref.userId().startsWith(STAND_IN);
    }

    /**
     * A new identity that stands for nobody, to keep a record's shape (a pair still has two sides) once the person
     * it was about erased their data.
     */
    public static PersonRef standIn(org.tandem.core.conversation.Scope scope) {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return new PersonRef(scope.platform(), scope.tenant(), STAND_IN + java.util.HexFormat.of().formatHex(random));
    }

    /** Everyone the bot has met in a workspace. */
    public java.util.List<PersonRef> inScope(org.tandem.core.conversation.Scope scope) {
        java.util.List<PersonRef> out = new java.util.ArrayList<>();
        for (Document d : collection.find(com.mongodb.client.model.Filters.and(eq("platform", scope.platform()),
                eq("tenant", scope.tenant())))) {
            out.add(PersonRef.fromKey(d.getString("_id")));
        }
        return out;
    }

    /**
     * Notes that the person was welcomed; true the first time only (two replicas told of one arrival welcome once).
     */
    public boolean welcome(PersonRef ref, Instant now) {
        return once(ref, "welcomed", now);
    }

    /** The same for the coordinators' channel: a coordinator is shown where to begin there once. */
    public boolean welcomeCoordinator(PersonRef ref, Instant now) {
        return once(ref, "welcomedAsCoordinator", now);
    }

    private boolean once(PersonRef ref, String field, Instant now) {
        return collection.updateOne(and(eq("_id", ref.key()), exists(field, false)),
                Updates.set(field, Date.from(now))).getModifiedCount() == 1;
    }

    /**
     * Notes, the first time, that a person acted as a coordinator (a coordinator command, button or form in the admin
     * channel): their language counts in {@link #adminTexts}. Written once (guard: not noted yet), so that acting
     * again changes nothing stored; it goes with the person (forget-me erases it).
     */
    public void sawCoordinator(PersonRef ref, Instant now) {
        collection.updateOne(and(eq("_id", ref.key()), exists("coordinatorSince", false)),
                Updates.set("coordinatorSince", Date.from(now)));
    }

    /** The people who acted as coordinators in a workspace's admin channel. */
    public List<Person> coordinators(Scope scope) {
        List<Person> out = new ArrayList<>();
        for (Document d : collection.find(and(eq("platform", scope.platform()), eq("tenant", scope.tenant()),
                exists("coordinatorSince", true)))) {
            out.add(toPerson(d));
        }
        return out;
    }

    /**
     * The texts of what Tandem posts on its own in a workspace's admin channel (notices, digests): one message for
     * everyone there, so in the language most of its known coordinators speak; {@code setting} (the channel's
     * {@code tandem.admin.locale}) breaks a tie and speaks while no coordinator is known.
     */
    public Texts adminTexts(Scope scope, Locale setting) {
        Map<Locale, Integer> votes = new HashMap<>();
        coordinators(scope).forEach(p -> votes.merge(p.locale(), 1, Integer::sum));
        Locale chosen = Texts.supported(setting);
        for (Locale l : Texts.SUPPORTED) {
            if (votes.getOrDefault(l, 0) > votes.getOrDefault(chosen, 0)) {
                chosen = l;
            }
        }
        return Texts.of(chosen);
    }

    /**
     * A mentor's consent that mentees choosing a mentor see what they gave (in numbers), or its withdrawal. Off until
     * they give it; it goes with the person (forget-me erases it). Returns whether anything changed (guard: the
     * consent was not given yet, or was), so that a second click on an old button says so instead of acting twice.
     */
    public boolean showGiven(PersonRef ref, boolean on, Instant now) {
        return collection.updateOne(and(eq("_id", ref.key()), exists(SHOWS_GIVEN, !on)),
                on ? Updates.set(SHOWS_GIVEN, Date.from(now)) : Updates.unset(SHOWS_GIVEN)).getModifiedCount() == 1;
    }

    /** Since when a mentor lets mentees choosing a mentor see what they gave; empty when they do not. */
    public Optional<Instant> showsGivenSince(PersonRef ref) {
        return Optional.ofNullable(collection.find(eq("_id", ref.key())).projection(new Document(SHOWS_GIVEN, 1))
                .first()).map(d -> d.getDate(SHOWS_GIVEN)).map(Date::toInstant);
    }

    /** Remembers the language a person chose. */
    public void chooseLocale(PersonRef ref, Locale locale) {
        collection.updateOne(eq("_id", ref.key()), Updates.set("chosenLocale", locale.toLanguageTag()));
    }

    /** Forgets a person entirely. */
    public void erase(PersonRef ref) {
        collection.deleteOne(eq("_id", ref.key()));
    }

    private static Person toPerson(Document d) {
        String chosen = d.getString("chosenLocale");
        String zone = d.getString("timeZone");
        return new Person(PersonRef.fromKey(d.getString("_id")), d.getString("displayName"),
                Locale.forLanguageTag(d.getString("platformLocale")),
                Optional.ofNullable(chosen).map(Locale::forLanguageTag),
                Optional.ofNullable(zone).map(ZoneId::of),
                d.getDate("firstSeen").toInstant(), Optional.ofNullable(d.getString("email")));
    }
}
