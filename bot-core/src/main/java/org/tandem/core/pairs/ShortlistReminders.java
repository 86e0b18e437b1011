package org.tandem.core.pairs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Questions;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.Enrollment;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.ProgramState;
import org.tandem.core.program.Programs;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItem;
import org.tandem.core.schedule.DueItems;
import org.tandem.core.schedule.Moments;
import org.tandem.core.settings.Settings;

/**
 * A mentee who does not choose from their shortlist is reminded once, three days after it was offered (in their
 * working hours, with its buttons to ask a mentor right there), and if they still have not chosen three days later
 * the coordinators are told, once, at their digest time on a working day, with a button to remind them again and
 * one to say they reach out themselves. Both are planned for the shortlist as it was offered (its date, and how
 * many mentors were asked from it): a newer list, a choice, leaving the programme or an erasure leaves nothing to
 * say, and what was planned for an older list goes.
 */
final class ShortlistReminders implements Flow {

    static final String ID = "choosing";
    static final String REMIND_AGAIN = ID + ".remind";
    static final String REACH_OUT = ID + ".reach-out";
    static final String REMIND = "shortlist.remind";
    static final String TELL = "shortlist.tell";
    static final Duration REMIND_AFTER = Duration.ofDays(3);
    static final Duration TELL_AFTER = Duration.ofDays(3);

    private final Shortlists shortlists;
    private final Pairs pairs;
    private final Programs programs;
    private final Enrollments enrollments;
    private final People people;
    private final Messenger messenger;
    private final Questions questions;
    private final DueItems due;
    private final Clock clock;
    private final Settings settings;

    ShortlistReminders(Shortlists shortlists, Pairs pairs, Programs programs, Enrollments enrollments, People people,
                       Messenger messenger, Questions questions, DueItems due, Clock clock, Settings settings) {
        this.shortlists = shortlists;
        this.pairs = pairs;
        this.programs = programs;
        this.enrollments = enrollments;
        this.people = people;
        this.messenger = messenger;
        this.questions = questions;
        this.due = due;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void bind(Bindings on) {
        on.click(REMIND_AGAIN, Access.COORDINATORS, this::remindAgain).click(REACH_OUT, Access.COORDINATORS,
                this::reachOut);
    }

    List<DueHandler> handlers() {
        return List.of(DueHandler.of(REMIND, this::remind), DueHandler.of(TELL, this::tell));
    }

    /** A shortlist was offered: its reminder is planned, unless it already is (the profiles shown again). */
    void offered(Shortlist list) {
        String key = key(REMIND, list);
        if (due.find(key).isPresent()) {
            return;
        }
        // an older list's reminders have nothing left to say
        cancel(list.program(), list.mentee());
        Instant at = Moments.forPerson(programs.workingWeek(list.program()), zone(list.mentee(), list.program()),
                clock.instant().plus(REMIND_AFTER));
        plan(key, REMIND, list, Map.of(), at);
    }

    /** The mentee asked a mentor from their list: nothing more is planned, and a notice about it says so. */
    void chose(String program, PersonRef mentee) {
        cancel(program, mentee);
        Instant now = clock.instant();
        questions.close(noticeKey(program, mentee), t -> t.rich("shortlist.admin.outcome.chose",
                t.date(now, ZoneOffset.UTC)));
    }

    /** Drops what is planned for a mentee's list in a programme (they left, or it was replaced). */
    void cancel(String program, PersonRef mentee) {
        due.cancelWaiting(REMIND, "shortlist", id(program, mentee));
        due.cancelWaiting(TELL, "shortlist", id(program, mentee));
    }

    private void remind(DueItem item) {
        waiting(item).ifPresent(list -> {
            send(list, "shortlist.reminder.footer");
            Instant at = Moments.forCoordinators(settings, clock.instant().plus(TELL_AFTER));
            plan(key(TELL, list), TELL, list, Map.of("remindedAt", clock.instant().toString()), at);
        });
    }

    /**
     * The reminder, in the mentee's conversation: the mentors they can ask, as on the list itself; {@code footer} says
     * what comes next (the coordinators hear of it, or nothing: they asked for this one).
     */
    private void send(Shortlist list, String footer) {
        Texts t = people.texts(list.mentee());
        String name = programs.find(list.program()).map(Program::name).orElse("?");
        List<Block.Button> buttons = new ArrayList<>();
        for (Shortlist.Candidate c : list.remaining()) {
            buttons.add(new Block.Button(ShortlistFlow.CHOOSE, t.get("shortlist.ask", people.name(c.mentor())),
                    list.program() + "|" + c.mentor().key(), Block.Style.PRIMARY));
        }
        buttons.add(new Block.Button(ShortlistFlow.PROFILES, t.get("shortlist.profiles"), list.program()));
        // it asks what the list asks: a choice on either turns both into what was chosen
        messenger.send(Address.person(list.mentee()), Message.builder()
                .text(t.rich("shortlist.reminder", name)).buttons(buttons)
                .context(t.rich(footer))
                .build().asking(ShortlistFlow.key(list.program(), list.mentee()), t.locale()));
    }

    private void tell(DueItem item) {
        Optional<Shortlist> waiting = waiting(item);
        Optional<Program> program = programs.find(item.payloadString("program"));
        if (waiting.isEmpty() || program.isEmpty()) {
            return;
        }
        Shortlist list = waiting.get();
        Texts t = people.adminTexts(program.get().scope(), settings.adminLocale());
        String mentee = people.name(list.mentee());
        String value = list.program() + "|" + list.mentee().key();
        questions.close(noticeKey(list.program(), list.mentee()), Questions.Outcome.of("question.closed.superseded"));
        messenger.send(Address.admin(program.get().scope()), Message.builder()
                .text(t.rich("shortlist.admin.not-chosen", mentee, program.get().name(),
                        t.date(list.createdAt(), settings.digestZone()),
                        t.date(Instant.parse(item.payloadString("remindedAt")), settings.digestZone())))
                .buttons(List.of(new Block.Button(REMIND_AGAIN, t.get("shortlist.admin.remind"), value),
                        new Block.Button(REACH_OUT, t.get("shortlist.admin.reach-out"), value)))
                .context(t.rich("shortlist.admin.footer", program.get().name()))
                .build().asking(noticeKey(list.program(), list.mentee()), t.locale()));
    }

    /** A coordinator has the reminder sent once more (and nothing further is planned). */
    private void remindAgain(Turn turn, Input.Click click) {
        Optional<Shortlist> list = clicked(turn, click);
        if (list.isEmpty()) {
            return;
        }
        String coordinator = turn.person().displayName();
        turn.answered(noticeKey(list.get().program(), list.get().mentee()), t -> t.rich(
                "shortlist.admin.outcome.reminded", coordinator, t.date(turn.now(), ZoneOffset.UTC)));
        send(list.get(), "shortlist.reminder.footer.again");
        turn.reply("shortlist.admin.reminded", people.name(list.get().mentee()));
    }

    private void reachOut(Turn turn, Input.Click click) {
        Optional<Shortlist> list = clicked(turn, click);
        if (list.isEmpty()) {
            return;
        }
        String coordinator = turn.person().displayName();
        turn.answered(noticeKey(list.get().program(), list.get().mentee()), t -> t.rich(
                "shortlist.admin.outcome.reaching-out", coordinator, t.date(turn.now(), ZoneOffset.UTC)));
        turn.reply("shortlist.admin.reaching-out", people.name(list.get().mentee()));
    }

    /** The list a coordinator's button is about, while its mentee still has to choose from it. */
    private Optional<Shortlist> clicked(Turn turn, Input.Click click) {
        String[] parts = click.value().split("\\|", 2);
        Optional<PersonRef> mentee = Optional.empty();
        if (parts.length == 2) {
            try {
                mentee = Optional.of(PersonRef.fromKey(parts[1])).filter(p -> p.scope().equals(turn.who().scope()));
            } catch (IllegalArgumentException e) {
                // not a person's key: a forged value, answered as a stale one
            }
        }
        Optional<Shortlist> list = mentee.flatMap(m -> shortlists.find(parts[0], m)).filter(this::stillChoosing);
        if (list.isEmpty()) {
            mentee.ifPresent(m -> turn.answered(noticeKey(parts[0], m),
                    t -> t.rich("shortlist.admin.outcome.gone")));
            turn.reply("shortlist.admin.gone");
        }
        return list;
    }

    /** The item's list, if it is still the one offered and its mentee still has to choose from it. */
    private Optional<Shortlist> waiting(DueItem item) {
        PersonRef mentee = PersonRef.fromKey(item.payloadString("person"));
        return shortlists.find(item.payloadString("program"), mentee)
                .filter(l -> l.createdAt().toString().equals(item.payloadString("createdAt")))
                .filter(l -> ((Number) item.payload().get("tried")).intValue() == l.tried().size())
                .filter(this::stillChoosing);
    }

    /** Mentors left to ask, still enrolled as a mentee, no pair under way there, the programme not closed. */
    private boolean stillChoosing(Shortlist l) {
        boolean live = programs.find(l.program()).map(p -> p.state() != ProgramState.CLOSED).orElse(false);
        boolean enrolled = enrollments.find(l.mentee(), l.program()).map(Enrollment::mentored).orElse(false);
        boolean paired = pairs.of(l.mentee(), PairStatus.OPEN).stream().anyMatch(p -> p.program().equals(l.program()));
        return live && enrolled && !paired && !l.remaining().isEmpty();
    }

    private void plan(String key, String kind, Shortlist list, Map<String, Object> more, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>(Map.of("program", list.program(),
                "person", list.mentee().key(), "shortlist", id(list.program(), list.mentee()),
                "createdAt", list.createdAt().toString(), "tried", list.tried().size()));
        payload.putAll(more);
        due.schedule(key, kind, list.mentee().platform(), list.mentee().tenant(), payload, at);
    }

    /** The mentee's time zone: the one they answered, else the platform's, else UTC. */
    private ZoneId zone(PersonRef mentee, String program) {
        return enrollments.zone(mentee, program, people);
    }

    private static String key(String kind, Shortlist list) {
        return kind + "|" + id(list.program(), list.mentee()) + "|" + list.createdAt() + "|" + list.tried().size();
    }

    private static String id(String program, PersonRef mentee) {
        return program + "|" + mentee.key();
    }

    /** The key of the coordinators' notice about a mentee who has not chosen. */
    static String noticeKey(String program, PersonRef mentee) {
        return "shortlist-notice|" + program + "|" + mentee.key();
    }
}
