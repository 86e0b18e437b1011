package org.tandem.deploy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.bson.Document;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.intake.Enrollment;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.intake.MentorAnswers;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.rhythm.Reflections;
import org.tandem.core.schedule.DueItems;

/**
 * Six months of a programme's life over its enrolled people: pairs at every stage, the meetings the active and the
 * completed ones logged (one a fortnight), their check-ins (where each pair's tick is, the question open for some,
 * at risk for some), their agreements and reflections. Pairs and meetings are written in batches, with the fields
 * and values {@link Pairs} and {@code Meetings} write for the same life (opened, then each move); reflections
 * through {@link Reflections}. Seeded random: the same seed gives the same history.
 */
final class ProgrammeHistory {

    /** Of the mentees, in enrolment order, how many are in each stage (the rest wait for a mentor). */
    private static final Map<PairStatus, Double> SHARES = new EnumMap<>(Map.of(
            PairStatus.ACTIVE, 0.30, PairStatus.INTRODUCED, 0.03, PairStatus.ACCEPTED, 0.0125,
            PairStatus.REQUESTED, 0.03, PairStatus.PROPOSED, 0.025, PairStatus.COMPLETED, 0.09,
            PairStatus.ENDED, 0.025, PairStatus.NO_CLICK, 0.0125, PairStatus.DECLINED, 0.0125));
    /** Of the active pairs, one in this many is at risk (half for want of answers, half quiet). */
    private static final int AT_RISK_ONE_IN = 10;
    private static final Duration FORTNIGHT = Duration.ofDays(14);

    private final MongoDatabase db;
    private final String program;
    private final Random random;
    private final Instant now;
    private final MongoCollection<Document> pairs;
    private final MongoCollection<Document> meetings;
    private final MongoCollection<Document> reflections;
    private final List<Document> reflectionBatch = new ArrayList<>();
    private final List<String> active = new ArrayList<>();
    private final Map<String, Integer> checkIn = new HashMap<>();

    ProgrammeHistory(MongoDatabase db, String program, long seed, Instant now) {
        this.db = db;
        this.program = program;
        this.random = new Random(seed);
        this.now = now;
        new Pairs(db);
        this.pairs = db.getCollection("pairs");
        this.meetings = db.getCollection("meetings");
        new Reflections(db);
        this.reflections = db.getCollection("reflections");
    }

    /** What was seeded, and the person whose own data the benchmark asks for and erases. */
    final class Seeded {
        private final Map<PairStatus, Integer> stages;
        private final int meetingCount;
        private final int reflectionCount;
        private final int atRisk;
        private final PersonRef person;

        Seeded(Map<PairStatus, Integer> stages, int meetingCount, int reflectionCount, int atRisk, PersonRef person) {
            this.stages = stages;
            this.meetingCount = meetingCount;
            this.reflectionCount = reflectionCount;
            this.atRisk = atRisk;
            this.person = person;
        }

        PersonRef person() {
            return person;
        }

        /** Plans every active pair's next check-in tick at {@code at}, as the rhythm plans it; how many. */
        int scheduleTicks(DueItems due, Instant at) {
            int n = 0;
            for (String id : active) {
                int tick = checkIn.get(id);
                n += due.schedule("rhythm.checkin|" + id + "|" + tick, "rhythm.checkin",
                        DemoConfiguration.WEBCHAT.platform(), DemoConfiguration.WEBCHAT.tenant(),
                        Map.of("pair", id, "n", tick), at) ? 1 : 0;
            }
            return n;
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("pairs");
            stages.forEach((k, v) -> s.append(' ').append(k.value()).append(' ').append(String.format(Locale.ROOT,
                    "%,d", v)));
            return s + String.format(Locale.ROOT, " (%d active at risk); %,d meetings, %,d reflections; the person is"
                    + " %s", atRisk, meetingCount, reflectionCount, person.userId());
        }
    }

    Seeded seed() {
        List<Enrollment> enrolled = new Enrollments(db).inProgram(program);
        List<Enrollment> mentees = enrolled.stream().filter(e -> e.role() != org.tandem.core.intake.Role.MENTOR)
                .toList();
        List<Enrollment> mentors = enrolled.stream().filter(Enrollment::mentors).toList();
        // free slots of each mentor: an open pair holds one (slotKey program|mentor|k)
        Map<String, Integer> used = new HashMap<>();
        Map<String, Integer> capacity = new HashMap<>();
        for (Enrollment m : mentors) {
            capacity.put(m.person().key(), m.mentor().map(MentorAnswers::capacity).orElse(1));
        }
        Map<PairStatus, Integer> stages = new EnumMap<>(PairStatus.class);
        List<Document> batch = new ArrayList<>();
        List<Document> meetingBatch = new ArrayList<>();
        int index = 0;
        int mentor = 0;
        int meetingCount = 0;
        int reflectionCount = 0;
        int atRisk = 0;
        PersonRef person = null;
        for (Map.Entry<PairStatus, Double> share : SHARES.entrySet()) {
            PairStatus status = share.getKey();
            int count = (int) Math.round(share.getValue() * mentees.size());
            for (int i = 0; i < count && index < mentees.size(); i++, index++) {
                PersonRef mentee = mentees.get(index).person();
                // the next mentor with a free slot (closed pairs hold none); skip the mentee's own enrolment
                String mentorKey = null;
                int slot = 0;
                for (int tries = 0; tries < mentors.size(); tries++) {
                    Enrollment m = mentors.get(mentor % mentors.size());
                    mentor++;
                    String k = m.person().key();
                    if (k.equals(mentee.key())) {
                        continue;
                    }
                    if (!status.open()) {
                        mentorKey = k;
                        break;
                    }
                    int u = used.getOrDefault(k, 0);
                    if (u < capacity.get(k)) {
                        used.put(k, u + 1);
                        mentorKey = k;
                        slot = u + 1;
                        break;
                    }
                }
                if (mentorKey == null) {
                    break;
                }
                String id = String.format(Locale.ROOT, "prbench%06d", index);
                Life life = life(id, mentee, PersonRef.fromKey(mentorKey), status, slot);
                boolean risk = status == PairStatus.ACTIVE && random.nextInt(AT_RISK_ONE_IN) == 0;
                if (status == PairStatus.ACTIVE || status == PairStatus.COMPLETED) {
                    Instant until = status == PairStatus.ACTIVE ? now : life.closed;
                    if (risk) {
                        // a quiet pair: nothing logged for more than two cadences
                        until = now.minus(Duration.ofDays(45));
                    }
                    meetingCount += meetings(life, until, meetingBatch);
                    reflectionCount += reflections(life, until);
                    rhythm(life, status, risk);
                    atRisk += risk ? 1 : 0;
                    if (person == null && status == PairStatus.ACTIVE && !risk) {
                        person = mentee;
                    }
                }
                batch.add(life.doc);
                stages.merge(status, 1, Integer::sum);
                if (status == PairStatus.ACTIVE) {
                    active.add(id);
                }
                if (batch.size() == 500) {
                    pairs.insertMany(batch);
                    batch.clear();
                }
                if (meetingBatch.size() >= 1000) {
                    meetings.insertMany(meetingBatch);
                    meetingBatch.clear();
                }
                if (reflectionBatch.size() >= 1000) {
                    reflections.insertMany(reflectionBatch);
                    reflectionBatch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            pairs.insertMany(batch);
        }
        if (!meetingBatch.isEmpty()) {
            meetings.insertMany(meetingBatch);
        }
        if (!reflectionBatch.isEmpty()) {
            reflections.insertMany(reflectionBatch);
        }
        return new Seeded(stages, meetingCount, reflectionCount, atRisk, person);
    }

    /** A pair's document and dates, as {@code Pairs.open} and the moves to {@code status} leave it. */
    private record Life(String id, PersonRef mentee, PersonRef mentor, Document doc, Instant created,
                        Instant active, Instant closed) {}

    private Life life(String id, PersonRef mentee, PersonRef mentor, PairStatus status, int slot) {
        // the pair began between one and six months ago (proposals and requests: days ago)
        Instant created = status == PairStatus.PROPOSED || status == PairStatus.REQUESTED
                ? now.minus(Duration.ofHours(6 + random.nextInt(24 * 6)))
                : now.minus(Duration.ofDays(30 + random.nextInt(150)));
        Instant accepted = created.plus(Duration.ofHours(4 + random.nextInt(48)));
        Instant introduced = accepted.plus(Duration.ofMinutes(2));
        Instant activeAt = introduced.plus(Duration.ofDays(3 + random.nextInt(10)));
        Instant closed = null;
        Document d = new Document("_id", id)
                .append("platform", DemoConfiguration.WEBCHAT.platform())
                .append("tenant", DemoConfiguration.WEBCHAT.tenant())
                .append("program", program)
                .append("mentee", mentee.key()).append("mentor", mentor.key())
                .append("slotKey", program + "|" + mentor.key() + "|" + Math.max(slot, 1))
                .append("menteeKey", program + "|" + mentee.key())
                .append("status", PairStatus.PROPOSED.value())
                .append("score", 20 + random.nextInt(40))
                .append("reasons", List.of(new Document("key", "match.reason.topics")
                        .append("args", List.of("leadership")).append("points", 10)))
                .append("createdAt", Date.from(created))
                .append("clicks", new Document())
                .append("clickRounds", 0)
                .append("clickAsked", 0)
                .append("version", 1L);
        long version = 1;
        Instant changed = created;
        switch (status) {
            case PROPOSED -> {
            }
            case REQUESTED -> {
                d.append("respondBy", Date.from(created.plus(Duration.ofDays(7))));
                version++;
            }
            case DECLINED -> {
                d.append("respondBy", Date.from(created.plus(Duration.ofDays(7))));
                d.append("declineReason", "capacity");
                changed = accepted;
                closed = accepted;
                version += 2;
            }
            default -> {
                d.append("respondBy", Date.from(created.plus(Duration.ofDays(7))));
                d.append("acceptedAt", Date.from(accepted));
                changed = accepted;
                version += 2;
                if (status != PairStatus.ACCEPTED) {
                    d.append("group", "bench-" + id).append("introducedAt", Date.from(introduced));
                    d.append("clickAsked", 1);
                    changed = introduced;
                    version++;
                }
                if (status == PairStatus.NO_CLICK) {
                    d.put("clicks", new Document("mentee", "yes").append("mentor", "no"));
                    closed = activeAt;
                    version += 3;
                }
                if (status == PairStatus.ACTIVE || status == PairStatus.COMPLETED || status == PairStatus.ENDED) {
                    d.put("clicks", new Document("mentee", "yes").append("mentor", "yes"));
                    d.append("activeAt", Date.from(activeAt));
                    d.append("endsAt", Date.from(activeAt.plus(Duration.ofDays(182))));
                    changed = activeAt;
                    version += 3;
                }
                if (status == PairStatus.COMPLETED) {
                    closed = Instant.ofEpochMilli(Math.min(now.minus(Duration.ofDays(1)).toEpochMilli(),
                            activeAt.plus(Duration.ofDays(90 + random.nextInt(90))).toEpochMilli()));
                    version++;
                }
                if (status == PairStatus.ENDED) {
                    closed = activeAt.plus(Duration.ofDays(7 + random.nextInt(20)));
                    d.append("endedBy", random.nextBoolean() ? "mentee" : "coordinator");
                    version++;
                }
            }
        }
        if (closed != null) {
            d.put("slotKey", "closed|" + id);
            d.put("menteeKey", "closed|" + id);
            d.append("closedAt", Date.from(closed));
            changed = closed;
        }
        d.put("status", status.value());
        if (version > 1) {
            d.append("changedAt", Date.from(changed));
        }
        d.put("version", version);
        return new Life(id, mentee, mentor, d, created, activeAt, closed);
    }

    /** A meeting a fortnight from the click until {@code until}, logged by either side; how many. */
    private int meetings(Life life, Instant until, List<Document> out) {
        int n = 0;
        Instant first = null;
        Instant last = null;
        for (Instant at = life.active.minus(Duration.ofDays(2)); at.isBefore(until); at = at.plus(FORTNIGHT)) {
            LocalDate date = LocalDate.ofInstant(at, ZoneOffset.UTC);
            PersonRef by = random.nextBoolean() ? life.mentee : life.mentor;
            out.add(new Document("_id", life.id + "|" + date).append("tenant", DemoConfiguration.WEBCHAT.tenant())
                    .append("program", program).append("pair", life.id).append("date", date.toString())
                    .append("by", by.key()).append("loggedAt", Date.from(at.plus(Duration.ofHours(3)))));
            first = first == null ? at : first;
            last = at;
            n++;
        }
        if (n > 0) {
            life.doc.append("meetings", n).append("metAt", Date.from(first)).append("lastMetAt", Date.from(last))
                    .append("unanswered", 0).append("atRisk", false);
        }
        return n;
    }

    /** A reflection a month by the mentee, and one by the mentor every other month; how many. */
    private int reflections(Life life, Instant until) {
        int n = 0;
        int month = 0;
        for (Instant at = life.active.plus(Duration.ofDays(30)); at.isBefore(until); at = at.plus(Duration.ofDays(30))) {
            List<PersonRef> authors = month % 2 == 0 ? List.of(life.mentee, life.mentor) : List.of(life.mentee);
            for (PersonRef author : authors) {
                String kind = month == 2 ? "midpoint" : "meeting";
                String ref = kind + ":" + LocalDate.ofInstant(at, ZoneOffset.UTC);
                reflectionBatch.add(new Document("_id", author.key() + "|" + life.id + "|" + ref)
                        .append("tenant", author.tenant()).append("pair", life.id).append("program", program)
                        .append("author", author.key()).append("kind", kind)
                        .append("answers", new Document("learned", "Asking for feedback early")
                                .append("next", "Prepare the talk"))
                        .append("progress", List.of(1 + random.nextInt(5), 1 + random.nextInt(5)))
                        .append("satisfaction", 1 + random.nextInt(5)).append("at", Date.from(at))
                        .append("on", LocalDate.ofInstant(at.minus(Duration.ofDays(1)), ZoneOffset.UTC).toString()));
                n++;
            }
            month++;
        }
        return n;
    }

    /** The agreement, and where the check-ins are: a tick a fortnight since the click; open, missed, at risk. */
    private void rhythm(Life life, PairStatus status, boolean risk) {
        Instant agreed = life.active.plus(Duration.ofDays(2));
        life.doc.append("agreement", new Document("status", "agreed")
                .append("objectives", List.of(new Document("what", "Give a talk at the all-hands")
                                .append("measure", "I gave the talk"),
                        new Document("what", "Lead a project").append("measure", "A project shipped")))
                .append("cadence", "biweekly").append("format", "video").append("contact", "A chat message")
                .append("confidential", true).append("suggestion", "").append("version", 1)
                .append("agreedAt", Date.from(agreed)));
        int ticks = (int) Math.max(1, Duration.between(agreed, status == PairStatus.ACTIVE ? now : life.closed)
                .toDays() / 14);
        life.doc.append("checkIn", ticks + 1);
        checkIn.put(life.id, ticks + 1);
        if (status != PairStatus.ACTIVE) {
            return;
        }
        if (risk && random.nextBoolean()) {
            Instant asked = now.minus(Duration.ofDays(30));
            life.doc.append("pendingCheckIn", ticks - 1).append("checkInAskedAt", Date.from(asked))
                    .append("asked", new Document("mentee", ticks - 1).append("mentor", ticks - 1))
                    .append("unanswered", Pair.Rhythm.UNANSWERED_LIMIT).append("atRisk", true)
                    .append("atRiskReason", Pair.Rhythm.UNANSWERED)
                    .append("atRiskToldAt", Date.from(now.minus(Duration.ofDays(3))));
        } else if (risk) {
            life.doc.put("atRisk", true);
            life.doc.append("atRiskReason", Pair.Rhythm.QUIET)
                    .append("atRiskToldAt", Date.from(now.minus(Duration.ofDays(5))));
        } else if (random.nextInt(3) == 0) {
            // a question asked this cadence, not answered yet
            life.doc.append("pendingCheckIn", ticks).append("checkInAskedAt", Date.from(now.minus(Duration.ofDays(3))))
                    .append("asked", new Document("mentee", ticks));
        }
    }
}
