package org.tandem.core.intake;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;
import org.tandem.core.people.People;
import org.tandem.core.store.Inserts;

/** The {@code enrollments} collection: one document per person and programme (the _id says so). */
public final class Enrollments {

    private final MongoCollection<Document> collection;

    public Enrollments(MongoDatabase db) {
        this.collection = db.getCollection("enrollments");
        collection.createIndex(Indexes.ascending("program", "role"), new IndexOptions().name("program_role"));
        collection.createIndex(Indexes.ascending("person"), new IndexOptions().name("person"));
        collection.createIndex(Indexes.ascending("tenant", "enrolledAt"), new IndexOptions().name("tenant_enrolled"));
    }

    /**
     * Stores an enrolment unless the person is already enrolled in that programme (guard: the unique _id). Returns
     * false when they were: a double click or a retry changes nothing.
     */
    public boolean enroll(PersonRef person, String program, Role role, Optional<MenteeAnswers> mentee,
                          Optional<MentorAnswers> mentor, Instant now) {
        Document doc = new Document("_id", id(person, program))
                .append("platform", person.platform())
                .append("tenant", person.tenant())
                .append("person", person.key())
                .append("program", program)
                .append("role", role.value())
                .append("consentAt", Date.from(now))
                .append("enrolledAt", Date.from(now))
                .append("version", 1L);
        mentee.ifPresent(m -> doc.append("mentee", m.toDocument()));
        mentor.ifPresent(m -> doc.append("mentor", m.toDocument()));
        return Inserts.once(collection, doc);
    }

    /** Replaces the mentee answers if nobody changed the enrolment since it was read (guard: version). */
    public boolean updateMentee(Enrollment e, MenteeAnswers answers) {
        return update(e, "mentee", answers.toDocument());
    }

    public boolean updateMentor(Enrollment e, MentorAnswers answers) {
        return update(e, "mentor", answers.toDocument());
    }

    public Optional<Enrollment> find(PersonRef person, String program) {
        return Optional.ofNullable(collection.find(eq("_id", id(person, program))).first())
                .map(Enrollments::toEnrollment);
    }

    /**
     * A person's time zone in a programme: the one they answered at intake, else the platform's, else UTC. Every
     * date and time Tandem says to them, or plans for them, is on this zone's calendar.
     */
    public ZoneId zone(PersonRef person, String program, People people) {
        Optional<String> answered = find(person, program).flatMap(e -> e.mentee().map(m -> m.timeZone())
                .or(() -> e.mentor().map(m -> m.timeZone())));
        try {
            if (answered.isPresent() && !answered.get().isBlank()) {
                return ZoneId.of(answered.get());
            }
        } catch (DateTimeException e) {
            // the platform's, then
        }
        return people.find(person).flatMap(p -> p.timeZone()).orElse(ZoneOffset.UTC);
    }

    /** A person's enrolments, oldest first. */
    public List<Enrollment> of(PersonRef person) {
        return collection.find(eq("person", person.key())).sort(Sorts.ascending("enrolledAt"))
                .map(Enrollments::toEnrollment).into(new ArrayList<>());
    }

    /** Everyone enrolled in a programme. */
    public List<Enrollment> inProgram(String program) {
        return collection.find(eq("program", program)).sort(Sorts.ascending("enrolledAt"))
                .map(Enrollments::toEnrollment).into(new ArrayList<>());
    }

    /** A place in a programme, as counts need it: who, in which role, and how many mentees a mentor takes. */
    public record Place(PersonRef person, Role role, int capacity) {
        public boolean mentors() {
            return role != Role.MENTEE;
        }

        public boolean mentored() {
            return role != Role.MENTOR;
        }
    }

    /** The places of a programme, reading only those fields (not the answers): for aggregates of a whole programme. */
    public List<Place> places(String program) {
        List<Place> out = new ArrayList<>();
        for (Document d : collection.find(eq("program", program))
                .projection(com.mongodb.client.model.Projections.include("person", "role", "mentor.capacity"))) {
            Document mentor = d.get("mentor", Document.class);
            out.add(new Place(PersonRef.fromKey(d.getString("person")), Role.parse(d.getString("role")).orElseThrow(),
                    mentor == null ? 0 : mentor.getInteger("capacity", 0)));
        }
        return out;
    }

    /** How many mentees (index 0) and mentors (index 1) a programme has; a "both" counts in each. */
    public int[] menteesAndMentors(String program) {
        int mentees = (int) collection.countDocuments(and(eq("program", program), in("role", "mentee", "both")));
        int mentors = (int) collection.countDocuments(and(eq("program", program), in("role", "mentor", "both")));
        return new int[] {mentees, mentors};
    }

    /** Enrolments of a workspace made in {@code [from, to)}. */
    public List<Enrollment> enrolledBetween(Scope scope, Instant from, Instant to) {
        return collection.find(and(eq("platform", scope.platform()), eq("tenant", scope.tenant()),
                        gte("enrolledAt", Date.from(from)), lt("enrolledAt", Date.from(to))))
                .sort(Sorts.ascending("enrolledAt")).map(Enrollments::toEnrollment).into(new ArrayList<>());
    }

    /** Withdraws a person from a programme: their answers are deleted. False when they were not enrolled. */
    public boolean withdraw(PersonRef person, String program) {
        return collection.deleteOne(eq("_id", id(person, program))).getDeletedCount() == 1;
    }

    /** Deletes every enrolment of a person, with their answers (they erased their data). */
    public long forget(PersonRef person) {
        return collection.deleteMany(eq("person", person.key())).getDeletedCount();
    }

    /** Deletes every enrolment of a programme, with the answers (retention of a closed programme). */
    public long eraseProgram(String program) {
        return collection.deleteMany(eq("program", program)).getDeletedCount();
    }

    private boolean update(Enrollment e, String field, Document answers) {
        return collection.updateOne(and(eq("_id", id(e.person(), e.program())), eq("version", e.version())),
                Updates.combine(Updates.set(field, answers), Updates.inc("version", 1L))).getModifiedCount() == 1;
    }

    private static String id(PersonRef person, String program) {
        return person.key() + "|" + program;
    }

    private static Enrollment toEnrollment(Document d) {
        return new Enrollment(PersonRef.fromKey(d.getString("person")), d.getString("program"),
                Role.parse(d.getString("role")).orElseThrow(),
                Optional.ofNullable(d.get("mentee", Document.class)).map(MenteeAnswers::from),
                Optional.ofNullable(d.get("mentor", Document.class)).map(MentorAnswers::from),
                d.getDate("consentAt").toInstant(), d.getDate("enrolledAt").toInstant(), d.getLong("version"));
    }
}
