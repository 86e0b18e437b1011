package org.tandem.deploy;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tandem.core.conversation.Actor;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.intake.MenteeAnswers;
import org.tandem.core.intake.MentorAnswers;
import org.tandem.core.intake.Role;
import org.tandem.core.people.People;

/**
 * Mentees and mentors of one programme in the web chat's workspace, stored through the core's own {@link People} and
 * {@link Enrollments} as the intake does, with answers the intake forms accept: so that {@code match} reads them
 * exactly as it reads people who enrolled through the chat, in a fraction of the time. Seeded random, shaped like
 * bot-core's {@code RandomProgramme}: English for most, French for some, a few rare languages; a few popular topics
 * and a long tail; juniors looking for seniors; eight time zones; a few offices; one mentee in twenty also a mentor.
 */
final class SeededEnrolments {

    /** The programme's topics, as the coordinator types them into the programme form. */
    static final List<String> TOPICS = List.of("leadership", "public speaking", "career growth", "negotiation",
            "product management", "data science", "architecture", "testing", "security", "design", "sales",
            "finance");
    /** The programme's languages: every language a seeded person may speak. */
    static final List<String> LANGUAGES = List.of("en", "fr", "de", "es", "pt", "ja");

    private static final List<String> DEPARTMENTS = List.of("Engineering", "Sales", "Marketing", "Finance", "HR",
            "Operations", "Legal", "Support");
    private static final List<String> ZONES = List.of("Europe/Paris", "Europe/London", "Europe/Berlin",
            "America/New_York", "America/Los_Angeles", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney");
    private static final List<String> CITIES = List.of("Paris", "Lyon", "London", "New York", "Bangalore");
    private static final List<String> FORMATS = List.of("video", "in-person", "either");
    private static final List<String> PREFERENCES = List.of("none", "other-department", "same-department");
    private static final List<String> SENIORITY = List.of("junior", "mid", "senior", "lead", "executive");
    private static final List<String> FIRST = List.of("Amara", "Bruno", "Chen", "Dolores", "Erik", "Fatima",
            "Gabriel", "Hana", "Inès", "Jonas", "Kofi", "Léa", "Marco", "Nadia", "Oscar", "Priya", "Quentin", "Rosa",
            "Sami", "Tess", "Ugo", "Valérie", "Wei", "Xavier", "Yasmin", "Zoé", "Aiko", "Ben", "Camille", "Diego");
    private static final List<String> LAST = List.of("Okafor", "Lefèvre", "Wei", "Ruiz", "Johansson", "Zahra",
            "Martin", "Sato", "Moreau", "Weber", "Mensah", "Dubois", "Rossi", "Haddad", "Lindqvist", "Nair", "Roux",
            "García", "Benali", "Okoye", "Bernard", "Petit", "Smith", "Jones", "Müller", "Schmidt", "Tanaka",
            "Kumar", "Silva", "Nguyen");
    private static final List<String> HOPES = List.of("Lead my first team well.", "Speak up in meetings.",
            "Find my next step.", "Move into product.", "Grow into a senior role.");
    private static final List<String> WHY = List.of("I grew thanks to mentors; now it's my turn.",
            "Curious minds make great teams.", "Small steps, every week.", "");

    private final People people;
    private final Enrollments enrollments;
    private final String program;
    private final Random random;
    private final Scope scope;
    private final String prefix;

    SeededEnrolments(MongoDatabase db, String program, long seed) {
        this(db, program, seed, DemoConfiguration.WEBCHAT, "");
    }

    /** The same in another workspace, each user id {@code prefix} + {@code e<n>} (a mentee) or {@code r<n>}. */
    SeededEnrolments(MongoDatabase db, String program, long seed, Scope scope, String prefix) {
        this.scope = scope;
        this.prefix = prefix;
        this.people = new People(db);
        this.enrollments = new Enrollments(db);
        this.program = program;
        this.random = new Random(seed);
    }

    /** What was seeded: people, how many enrolled as mentor and mentee both, the mentors' places. */
    record Seeded(int people, int both, int places) {}

    /** One person's enrolment, drawn before anything is written, so that the same seed gives the same people. */
    private record Enrolee(Actor actor, Role role, Optional<MenteeAnswers> mentee, Optional<MentorAnswers> mentor,
                           Instant at) {}

    /**
     * Enrols {@code mentees} mentees and {@code mentors} mentors (capacities 1 to 3), each person once, on
     * {@code threads} connections at a time (the embedded server handles each on a worker of its own).
     */
    Seeded seed(int mentees, int mentors, Instant now, int threads) {
        List<MentorAnswers> mentorAnswers = new ArrayList<>();
        int places = 0;
        for (int m = 0; m < mentors; m++) {
            mentorAnswers.add(mentor());
            places += mentorAnswers.get(m).capacity();
        }
        // one mentee in twenty is a mentor too, as in a real programme: the same person on both sides
        Map<Integer, Integer> both = new HashMap<>();
        List<MenteeAnswers> menteeAnswers = new ArrayList<>();
        for (int i = 0; i < mentees; i++) {
            menteeAnswers.add(mentee());
            int m = mentors > 0 && random.nextInt(20) == 0 ? random.nextInt(mentors) : -1;
            if (m >= 0) {
                both.putIfAbsent(m, i);
            }
        }
        List<Enrolee> enrolees = new ArrayList<>();
        Instant at = now.minusSeconds(mentees + mentors);
        for (int m = 0; m < mentors; m++) {
            if (!both.containsKey(m)) {
                MentorAnswers a = mentorAnswers.get(m);
                enrolees.add(new Enrolee(actor("r" + m, a.timeZone()), Role.MENTOR, Optional.empty(), Optional.of(a),
                        at));
            }
            at = at.plusSeconds(1);
        }
        Map<Integer, Integer> mentorOf = new HashMap<>();
        both.forEach((m, i) -> mentorOf.put(i, m));
        for (int i = 0; i < mentees; i++) {
            Integer m = mentorOf.get(i);
            if (m == null) {
                MenteeAnswers a = menteeAnswers.get(i);
                enrolees.add(new Enrolee(actor("e" + i, a.timeZone()), Role.MENTEE, Optional.of(a), Optional.empty(),
                        at));
            } else {
                MentorAnswers as = mentorAnswers.get(m);
                enrolees.add(new Enrolee(actor("r" + m, as.timeZone()), Role.BOTH,
                        Optional.of(sameSpeaker(menteeAnswers.get(i), as)), Optional.of(as), at));
            }
            at = at.plusSeconds(1);
        }
        write(enrolees, threads);
        return new Seeded(enrolees.size(), both.size(), places);
    }

    private void write(List<Enrolee> enrolees, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int part = t;
                parts.add(pool.submit(() -> {
                    for (int i = part; i < enrolees.size(); i += threads) {
                        Enrolee e = enrolees.get(i);
                        people.touch(e.actor(), e.at());
                        enrollments.enroll(e.actor().person(), program, e.role(), e.mentee(), e.mentor(), e.at());
                    }
                }));
            }
            for (Future<?> f : parts) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("seeding failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A person as the web chat would first see them: a name, a language, a time zone. */
    private Actor actor(String userId, String zone) {
        PersonRef ref = new PersonRef(scope.platform(), scope.tenant(), prefix + userId);
        Locale locale = random.nextInt(4) == 0 ? Locale.FRENCH : Locale.ENGLISH;
        return new Actor(ref, pick(FIRST) + " " + pick(LAST), locale, Optional.of(ZoneId.of(zone)));
    }

    /** A mentor's answers as a mentee: one person speaks the same languages and lives in the same zone on both. */
    private static MenteeAnswers sameSpeaker(MenteeAnswers a, MentorAnswers as) {
        return new MenteeAnswers(a.topics(), a.other(), a.hopes(), as.languages(), as.timeZone(), as.department(),
                a.seniority(), a.format(), a.location(), a.preference());
    }

    private MenteeAnswers mentee() {
        // nine in ten pick one to three of the programme's topics; the others only a topic of their own
        int count = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3);
        LinkedHashSet<String> topics = new LinkedHashSet<>();
        while (topics.size() < count) {
            topics.add(TOPICS.get(skewed(TOPICS.size())));
        }
        String other = topics.isEmpty() || random.nextInt(8) == 0 ? "Writing" : "";
        String format = pick(FORMATS);
        return new MenteeAnswers(List.copyOf(topics), other, pick(HOPES), languages(), ZONES.get(skewed(ZONES.size())),
                pick(DEPARTMENTS), SENIORITY.get(random.nextInt(3)), format, location(format), pick(PREFERENCES));
    }

    private MentorAnswers mentor() {
        Set<String> topics = new LinkedHashSet<>();
        int count = 1 + random.nextInt(4);
        while (topics.size() < count) {
            topics.add(pick(TOPICS));
        }
        String format = pick(FORMATS);
        return new MentorAnswers(List.copyOf(topics), "", SENIORITY.get(1 + random.nextInt(4)), random.nextInt(30),
                pick(DEPARTMENTS), languages(), ZONES.get(skewed(ZONES.size())), format, location(format),
                1 + random.nextInt(3), pick(WHY));
    }

    private String location(String format) {
        return format.equals("video") ? "" : pick(CITIES);
    }

    private List<String> languages() {
        LinkedHashSet<String> languages = new LinkedHashSet<>();
        if (random.nextInt(10) < 8) {
            languages.add("en");
        }
        if (random.nextInt(10) < 3) {
            languages.add("fr");
        }
        if (random.nextInt(10) == 0) {
            languages.add(List.of("de", "es", "ja").get(random.nextInt(3)));
        }
        if (random.nextInt(100) == 0 || languages.isEmpty()) {
            languages.add(random.nextBoolean() ? "pt" : "es");
        }
        return List.copyOf(languages);
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Earlier entries are more common: a few popular topics and time zones, a long tail. */
    private int skewed(int n) {
        return Math.min(random.nextInt(n), random.nextInt(n));
    }
}
