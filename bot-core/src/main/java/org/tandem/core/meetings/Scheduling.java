package org.tandem.core.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Questions;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.module.Events;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.people.People;
import org.tandem.core.program.Programs;
import org.tandem.core.schedule.DueItems;
import org.tandem.core.schedule.WorkingWeek;

/** What the scheduling flows share: the stores, the port, the clock, and the small questions they all ask. */
final class Scheduling {

    /** A pair schedules while introduced (the first conversation) and while active. */
    static final List<PairStatus> SCHEDULING = List.of(PairStatus.INTRODUCED, PairStatus.ACTIVE);

    final MeetingPlans plans;
    final Pairs pairs;
    final People people;
    final Enrollments enrollments;
    final Programs programs;
    final Messenger messenger;
    final Questions questions;
    final DueItems due;
    final Events events;
    final OnlineCalendar calendar;
    final Locale adminLocale;
    private final Clock clock;

    Scheduling(MeetingPlans plans, Pairs pairs, People people, Enrollments enrollments, Programs programs,
               Messenger messenger, Questions questions, DueItems due, Events events, OnlineCalendar calendar,
               Locale adminLocale, Clock clock) {
        this.plans = plans;
        this.pairs = pairs;
        this.people = people;
        this.enrollments = enrollments;
        this.programs = programs;
        this.messenger = messenger;
        this.questions = questions;
        this.due = due;
        this.events = events;
        this.calendar = calendar;
        this.adminLocale = adminLocale;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** The pair, while it may schedule. */
    Optional<Pair> pair(String id) {
        return pairs.find(id).filter(p -> SCHEDULING.contains(p.status()));
    }

    ZoneId zone(PersonRef person, String program) {
        return enrollments.zone(person, program, people);
    }

    /** The programme's working week: the hours meetings are proposed in, the rhythm's own. */
    WorkingWeek week(String program) {
        return programs.workingWeek(program);
    }

    Texts texts(PersonRef person) {
        return people.texts(person);
    }

    String name(PersonRef person) {
        return people.name(person);
    }

    MeetingPlans.Parties parties(Pair p) {
        return new MeetingPlans.Parties(p.id(), p.scope().tenant(), p.program(), p.mentee(), p.mentor());
    }

    void send(PersonRef to, Message m) {
        messenger.send(Address.person(to), m);
    }
}
