package org.tandem.core.rhythm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Questions;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.Enrollment;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.pairs.Meetings;
import org.tandem.core.pairs.Pair;
import org.tandem.core.people.People;
import org.tandem.core.program.Cadence;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;
import org.tandem.core.schedule.DueItems;
import org.tandem.core.schedule.Moments;
import org.tandem.core.schedule.WorkingWeek;
import org.tandem.core.settings.Settings;
import org.tandem.core.telemetry.Redacted;

/** What the rhythm's flows share: the stores, the port, the clock, and the small questions they all ask. */
final class Rhythm {

    /** A follow-up not done at once is done by the sweep after this. */
    static final Duration FOLLOW_UP_AFTER = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(Rhythm.class);

    final Programs programs;
    final Enrollments enrollments;
    final People people;
    final Messenger messenger;
    final Clock clock;
    final DueItems due;
    final Courtesy courtesy;
    final Meetings meetings;
    final Reflections reflections;
    final Pauses pauses;
    final Locale adminLocale;
    final Questions questions;
    private final Settings settings;

    Rhythm(Programs programs, Enrollments enrollments, People people, Messenger messenger, Clock clock,
           DueItems due, Courtesy courtesy, Meetings meetings, Reflections reflections, Pauses pauses,
           Settings settings, Questions questions) {
        this.questions = questions;
        this.programs = programs;
        this.enrollments = enrollments;
        this.people = people;
        this.messenger = messenger;
        this.clock = clock;
        this.due = due;
        this.courtesy = courtesy;
        this.meetings = meetings;
        this.reflections = reflections;
        this.pauses = pauses;
        this.adminLocale = settings.adminLocale();
        this.settings = settings;
    }

    /**
     * When the coordinators hear of the rhythm (a pair at risk): at their digest time on the next working day, not
     * at whatever hour a check-in fell due.
     */
    Instant coordinatorsSlot(Instant after) {
        return Moments.forCoordinators(settings, after);
    }

    Instant now() {
        return clock.instant();
    }

    Texts texts(PersonRef p) {
        return people.texts(p);
    }

    String name(PersonRef p) {
        return people.name(p);
    }

    void send(PersonRef to, Message m) {
        messenger.send(Address.person(to), m);
    }

    void tell(PersonRef to, String key, Object... args) {
        send(to, Message.text(texts(to).rich(key, args)));
    }

    void toAdmin(Pair pair, String key, Object... args) {
        Texts t = people.adminTexts(pair.scope(), adminLocale);
        messenger.send(Address.admin(pair.scope()), Message.text(t.rich(key, args)));
    }

    /** The pair's cadence: the one they agreed on, else the programme's. */
    Cadence cadence(Pair pair) {
        Optional<Cadence> agreed = pair.agreement().flatMap(a -> Cadence.parse(a.cadence()));
        return agreed.or(() -> programs.find(pair.program()).map(p -> p.spec().cadence())).orElse(Cadence.BIWEEKLY);
    }

    /** One cadence after {@code from}, on the mentee's calendar (the mentee drives the rhythm). */
    Instant cadenceAfter(Pair pair, Instant from) {
        return cadence(pair).after(from, zone(pair.mentee(), pair.program()));
    }

    /** At most this many nudges a week to one person in this pair's programme. */
    int weeklyCap(Pair pair) {
        return programs.find(pair.program()).flatMap(p -> p.spec().weeklyCap().isPresent()
                ? Optional.of(p.spec().weeklyCap().getAsInt()) : Optional.empty()).orElse(settings.weeklyCap());
    }

    /**
     * Whether a nudge to {@code to} about this pair may go out now (and claims today's slot if so): empty for now,
     * else when to try again. Every proactive prompt of the rhythm asks here: check-ins, reminders, the midpoint
     * and the close count against the same daily and weekly caps.
     */
    Optional<Instant> courtesy(Pair pair, PersonRef to) {
        return courtesy.claim(to, week(pair.program()), zone(to, pair.program()), pauses.personUntil(to), now(),
                weeklyCap(pair));
    }

    /** The programme's working week, which the rhythm speaks in; the usual one when the programme is gone. */
    WorkingWeek week(String programId) {
        return programs.workingWeek(programId);
    }

    Optional<Program> program(Pair pair) {
        return programs.find(pair.program());
    }

    /** A person's time zone: the one they gave in their answers, else the platform's, else UTC. */
    ZoneId zone(PersonRef person, String program) {
        return enrollments.zone(person, program, people);
    }

    /** A date in the reader's language, e.g. "3 March 2026". */
    String date(Texts t, Instant at, ZoneId zone) {
        return t.date(at, zone);
    }

    String date(Texts t, LocalDate d) {
        return t.date(d);
    }

    Optional<Enrollment> enrollment(PersonRef p, String program) {
        return enrollments.find(p, program);
    }

    /**
     * Work that must follow a guarded change of a pair (it became active, its agreement was confirmed): planned as
     * a due item first, a couple of minutes ahead, then done at once. When the work throws, the item stays and the
     * sweep does it (retried, FAILED for the coordinators to see after the last try): never silently half-done. The
     * work must be safe to do twice. Returns whether it was done now.
     */
    boolean followUp(String key, String kind, Pair pair, Map<String, ?> payload, Runnable work) {
        plan(key, kind, pair, payload, now().plus(FOLLOW_UP_AFTER));
        return performPlanned(key, work);
    }

    /** Does planned follow-up work at once; leaves it to the sweep when it throws. */
    boolean performPlanned(String key, Runnable work) {
        try {
            work.run();
            due.cancel(key);
            return true;
        } catch (RuntimeException e) {
            log.warn("{} is finished by the sweep: {}", Redacted.key(key), Redacted.describe(e));
            return false;
        }
    }

    void plan(String key, String kind, Pair pair, Map<String, ?> payload, Instant at) {
        due.schedule(key, kind, pair.scope().platform(), pair.scope().tenant(), payload, at);
    }
}
