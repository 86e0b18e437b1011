package org.tandem.core.meetings;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Questions;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.module.Events;
import org.tandem.core.module.Feature;
import org.tandem.core.module.PersonalData;
import org.tandem.core.pairs.PairClosed;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.people.People;
import org.tandem.core.program.Programs;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItems;
import org.tandem.core.settings.Settings;

/**
 * Scheduling, assembled: the {@code schedule} flow, the answers about a meeting, what follows an agreed one, and its
 * part in people's data. The one entry type of the feature.
 */
public final class MeetingsModule implements Feature {

    private final Scheduling s;
    private final FollowUps followUps;
    private final List<Flow> flows;

    public MeetingsModule(MongoDatabase db, Events events, Pairs pairs, People people, Enrollments enrollments,
                          Programs programs, Messenger messenger, Questions questions, Clock clock, DueItems due,
                          Settings settings, OnlineCalendar calendar) {
        this.s = new Scheduling(new MeetingPlans(db), pairs, people, enrollments, programs, messenger, questions, due,
                events, calendar, settings.adminLocale(), clock);
        Invitations invitations = new Invitations(s);
        Calendars calendars = new Calendars(s, new CalendarNotices(db));
        this.followUps = new FollowUps(s, invitations);
        this.flows = List.of(new ScheduleFlow(s, calendars),
                new MeetingFlow(s, invitations, calendars, followUps));
        // a pair that closed meets no more: a meeting still ahead is called off in both calendars
        events.on(PairClosed.class, e -> {
            followUps.cancel(e.pair());
            s.plans.callOff(e.pair().id(), s.now()).filter(p -> p.start().isPresent())
                    .filter(p -> p.start().get().isAfter(s.now())).ifPresent(plan -> {
                        invitations.cancelled(e.pair(), plan, calendars.cancel(e.pair(), plan));
                    });
        });
    }

    /** The pairs' meetings, for the rhythm (no nudge while one is planned) and the coordinators' figures. */
    public MeetingPlans plans() {
        return s.plans;
    }

    @Override
    public String name() {
        return "meetings";
    }

    @Override
    public List<Flow> flows() {
        return flows;
    }

    @Override
    public List<DueHandler> handlers() {
        return followUps.handlers();
    }

    /** A person's meetings: when, how long, where each stands; erased with them (the other has no use for half). */
    @Override
    public List<PersonalData> personalData() {
        return List.of(new PersonalData() {
            @Override
            public String section() {
                return "schedule";
            }

            @Override
            public Optional<Object> export(PersonRef person) {
                List<Map<String, Object>> mine = s.plans.of(person).stream().map(p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("pair", p.pair());
                    m.put("status", p.status().name().toLowerCase(Locale.ROOT));
                    p.start().ifPresent(x -> m.put("start", x));
                    m.put("minutes", p.length().toMinutes());
                    m.put("proposedTimes", p.slots());
                    m.put("proposedByYou", p.proposedBy().equals(person));
                    p.eventId().ifPresent(x -> m.put("calendarEvent", x));
                    m.put("updatedAt", p.updatedAt());
                    return m;
                }).toList();
                return mine.isEmpty() ? Optional.empty() : Optional.of(mine);
            }

            @Override
            public void erase(PersonRef person, PersonRef standIn) {
                s.plans.forget(person);
            }

            @Override
            public void eraseProgram(String programId) {
                s.plans.eraseProgram(programId);
            }
        });
    }
}
