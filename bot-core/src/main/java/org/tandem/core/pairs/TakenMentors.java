package org.tandem.core.pairs;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Questions;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.Enrollment;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.intake.MentorAnswers;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;

/**
 * A mentor accepted a request and has no free place left in the programme: the other mentees' lists that offer them
 * lose them. A mentee choosing from her list sees it change in place (the mentors she can still ask, and who was
 * taken): she has nothing new to act on, so a new message would only be noise, and the list she comes back to is
 * the true one. When nobody is left on it, that is news: the list closes and she is told, kindly, that she stays in
 * the pool. A mentee not choosing right now (a request out, or no list sent) finds the change in her next list.
 */
final class TakenMentors {

    /** The pairs that hold a mentor's place for good: a request or a proposal may still come to nothing. */
    static final Set<PairStatus> COMMITTED = EnumSet.of(PairStatus.ACCEPTED, PairStatus.INTRODUCED,
            PairStatus.ACTIVE);

    private final Shortlists shortlists;
    private final Pairs pairs;
    private final Programs programs;
    private final Enrollments enrollments;
    private final People people;
    private final Pairing pairing;
    private final ShortlistFlow flow;
    private final ShortlistReminders reminders;
    private final Clock clock;

    TakenMentors(Shortlists shortlists, Pairs pairs, Programs programs, Enrollments enrollments, People people,
                 Pairing pairing, ShortlistFlow flow, ShortlistReminders reminders, Clock clock) {
        this.shortlists = shortlists;
        this.pairs = pairs;
        this.programs = programs;
        this.enrollments = enrollments;
        this.people = people;
        this.pairing = pairing;
        this.flow = flow;
        this.reminders = reminders;
        this.clock = clock;
    }

    /** After {@code pair}'s request was accepted: if its mentor is now full there, every other list loses them. */
    void accepted(Pair pair) {
        PersonRef mentor = pair.mentor();
        Optional<Program> program = programs.find(pair.program());
        int capacity = enrollments.find(mentor, pair.program()).flatMap(Enrollment::mentor)
                .map(MentorAnswers::capacity).orElse(0);
        long held = pairs.of(mentor, COMMITTED).stream()
                .filter(p -> p.program().equals(pair.program()) && p.mentor().equals(mentor)).count();
        if (program.isEmpty() || held < capacity) {
            return;
        }
        for (Shortlist list : shortlists.offering(pair.program(), mentor)) {
            // guarded: one acceptance changes a list once, whatever repeats
            if (list.mentee().equals(pair.mentee()) || !shortlists.taken(pair.program(), list.mentee(), mentor)
                    || list.tried().contains(mentor.key())) {
                continue;
            }
            String key = ShortlistFlow.key(pair.program(), list.mentee());
            if (pairing.questions().isOpen(key) && !flow.asking(list.mentee(), pair.program())) {
                shortlists.find(pair.program(), list.mentee()).ifPresent(now -> show(now, program.get(), mentor));
            }
        }
    }

    /** The list she holds, as it is now; or, with nobody left on it, closed and why. */
    private void show(Shortlist list, Program program, PersonRef mentor) {
        String key = ShortlistFlow.key(program.id(), list.mentee());
        String name = people.name(mentor);
        Texts t = people.texts(list.mentee());
        Rich note = t.rich("shortlist.updated", t.date(clock.instant(), ZoneOffset.UTC));
        Optional<Message> now = flow.view(list, program, t, false, "shortlist.title",
                Optional.of(note));
        if (now.isPresent()) {
            pairing.questions().reshow(key, now.get().asking(key, t.locale()));
            return;
        }
        pairing.questions().close(key, Questions.Outcome.of("shortlist.outcome.taken", name));
        reminders.cancel(program.id(), list.mentee());
        pairing.tell(list.mentee(), "shortlist.emptied", name, program.name());
    }
}
