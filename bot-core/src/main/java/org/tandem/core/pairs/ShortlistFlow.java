package org.tandem.core.pairs;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.AnswerFields;
import org.tandem.core.intake.Enrollment;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.intake.MentorAnswers;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;

/**
 * The mentee in the driving seat: their shortlist as buttons with reasons, "see the profiles again", and the
 * choice, which asks that mentor. After a decline the rest of the list is offered again.
 */
public final class ShortlistFlow implements Flow {

    static final String ID = "shortlist";
    static final String CHOOSE = ID + ".choose";
    static final String PROFILES = ID + ".profiles";

    private final Shortlists shortlists;
    private final Pairing pairing;
    private final Programs programs;
    private final Enrollments enrollments;
    private final People people;
    private final Messenger messenger;
    private final ShortlistReminders reminders;
    private final Pairs pairs;
    private final Meetings meetings;

    ShortlistFlow(Shortlists shortlists, Pairing pairing, Programs programs, Enrollments enrollments,
                  People people, Messenger messenger, ShortlistReminders reminders, Pairs pairs, Meetings meetings) {
        this.pairs = pairs;
        this.meetings = meetings;
        this.reminders = reminders;
        this.shortlists = shortlists;
        this.pairing = pairing;
        this.programs = programs;
        this.enrollments = enrollments;
        this.people = people;
        this.messenger = messenger;
    }

    @Override
    public String id() {
        return ID;
    }

    /** A mentee's own shortlist: the buttons read and change only the shortlist of whoever clicks. */
    @Override
    public void bind(Bindings on) {
        on.click(CHOOSE, Access.SELF, this::choose).click(PROFILES, Access.SELF, this::profiles);
    }

    /** Sends a mentee the mentors they can still ask; with none left, says they stay in the pool. */
    public void offer(String programId, PersonRef mentee, boolean profiles, String headlineKey) {
        Optional<Shortlist> list = shortlists.find(programId, mentee);
        Optional<Program> program = programs.find(programId);
        Texts t = people.texts(mentee);
        Optional<Message> m = list.isEmpty() || program.isEmpty() ? Optional.empty()
                : view(list.get(), program.get(), t, profiles, headlineKey, Optional.empty());
        if (m.isEmpty()) {
            messenger.send(Address.person(mentee), Message.text(t.rich("shortlist.empty")));
            return;
        }
        // one list at a time: the one before says it was replaced
        pairing.questions().close(key(programId, mentee), Questions.Outcome.of("question.closed.superseded"));
        messenger.send(Address.person(mentee), m.get().asking(key(programId, mentee), t.locale()));
        reminders.offered(list.get());
    }

    /**
     * A mentee's list as it stands: the mentors she can still ask, best first, then why it offers fewer than the
     * programme's size and who it no longer offers; {@code note} goes under the headline (what just changed).
     * Empty when nobody is left to ask.
     */
    Optional<Message> view(Shortlist list, Program program, Texts t, boolean profiles, String headlineKey,
                           Optional<Rich> note) {
        if (list.remaining().isEmpty()) {
            return Optional.empty();
        }
        String programId = program.id();
        Message.Builder m = Message.builder().text(t.rich(headlineKey, program.name(), list.remaining().size()));
        note.ifPresent(m::context);
        List<Block.Button> buttons = new ArrayList<>();
        // best first; the first that is no compromise is the one suggested, a compromise says what it lacks
        List<Shortlist.Candidate> ranked = list.remaining().stream()
                .sorted(Comparator.comparingInt(Shortlist.Candidate::score).reversed()).toList();
        Shortlist.Candidate suggested = ranked.stream().filter(c -> c.reasons().stream().noneMatch(Pair.Reason::weak))
                .findFirst().orElse(null);
        int rank = 0;
        for (Shortlist.Candidate c : ranked) {
            String name = people.name(c.mentor());
            Optional<MentorAnswers> answers = enrollments.find(c.mentor(), programId).flatMap(Enrollment::mentor);
            m.text(t.rich(c == suggested ? "shortlist.candidate.best" : "shortlist.candidate", ++rank, name,
                    answers.map(MentorAnswers::department).orElse("")));
            Pairing.weaknesses(t, c.reasons()).ifPresent(m::context);
            Pairing.reasons(t, c.reasons()).ifPresent(m::context);
            given(t, c.mentor()).ifPresent(m::context);
            if (profiles) {
                answers.ifPresent(a -> m.fields(AnswerFields.mentor(t, a, AnswerFields.Reader.OTHER)));
            } else {
                answers.filter(a -> !a.why().isEmpty()).ifPresent(a -> m.context(Rich.literal("“" + a.why() + "”")));
            }
            buttons.add(new Block.Button(CHOOSE, t.get("shortlist.ask", name), programId + "|" + c.mentor().key(),
                    c == suggested ? Block.Style.PRIMARY : Block.Style.DEFAULT));
        }
        Shortlist.Shortfall shortfall = list.shortfall();
        if (!shortfall.why().isEmpty() && list.candidates().size() < shortfall.size() && t.has(shortfall.why())) {
            m.context(t.rich(shortfall.why(), shortfall.args().toArray()));
        }
        List<String> lost = list.lost().stream().map(c -> people.name(c.mentor())).toList();
        if (!lost.isEmpty()) {
            m.context(t.rich("shortlist.lost", lost.size(), String.join(", ", lost)));
        }
        if (!profiles) {
            buttons.add(new Block.Button(PROFILES, t.get("shortlist.profiles"), programId));
        }
        return Optional.of(m.buttons(buttons).context(t.rich("shortlist.footer")).build());
    }

    /**
     * What a mentor gave, in one line of numbers, only when they consented to mentees seeing it (from their profile)
     * and have accompanied someone: nothing of any reflection, and nothing at all for a mentor who did not consent.
     */
    private Optional<Rich> given(Texts t, PersonRef mentor) {
        if (people.showsGivenSince(mentor).isEmpty()) {
            return Optional.empty();
        }
        Contribution gave = Contribution.of(pairs, meetings, mentor);
        return gave.mentees() == 0 ? Optional.empty()
                : Optional.of(t.rich("profile.gave.line", gave.mentees(), gave.meetings(), gave.thanks()));
    }

    /** Whether a mentee has a request out, or a mentor, in a programme (her list waits meanwhile). */
    boolean asking(PersonRef mentee, String programId) {
        return pairs.of(mentee, PairStatus.OPEN).stream()
                .anyMatch(p -> p.program().equals(programId) && p.mentee().equals(mentee));
    }

    /** The key of a mentee's shortlist in a programme. */
    static String key(String programId, PersonRef mentee) {
        return "shortlist|" + programId + "|" + mentee.key();
    }

    private void profiles(Turn turn, Input.Click click) {
        offer(click.value(), turn.who(), true, "shortlist.title");
    }

    private void choose(Turn turn, Input.Click click) {
        String[] parts = click.value().split("\\|", 2);
        Optional<Shortlist> list = parts.length == 2 ? shortlists.find(parts[0], turn.who()) : Optional.empty();
        Optional<Shortlist.Candidate> chosen = list.flatMap(l -> l.remaining().stream()
                .filter(c -> c.mentor().key().equals(parts[1])).findFirst());
        Optional<Program> program = list.flatMap(l -> programs.find(l.program()));
        if (program.isPresent() && chosen.isEmpty() && list.get().taken().contains(parts[1])) {
            // an old copy of the list, from before that mentor's places were all taken: the list as it is now
            turn.reply("shortlist.taken", people.name(PersonRef.fromKey(parts[1])));
            if (!asking(turn.who(), program.get().id())) {
                offer(program.get().id(), turn.who(), false, "shortlist.others");
            }
            return;
        }
        if (chosen.isEmpty() || program.isEmpty()) {
            turn.reply("shortlist.gone");
            return;
        }
        Optional<Pairs.Refusal> refusal = pairing.request(program.get(), turn.who(), chosen.get().mentor(),
                chosen.get().score(), chosen.get().reasons());
        if (refusal.isEmpty()) {
            shortlists.tried(program.get().id(), turn.who(), chosen.get().mentor());
            reminders.chose(program.get().id(), turn.who());
            String mentor = people.name(chosen.get().mentor());
            turn.answered(key(program.get().id(), turn.who()), t -> t.rich("shortlist.outcome.asked", mentor,
                    t.date(turn.now(), ZoneOffset.UTC)));
        } else if (refusal.get() == Pairs.Refusal.MENTEE_ALREADY_PAIRED) {
            turn.reply("shortlist.already-paired");
        } else {
            shortlists.tried(program.get().id(), turn.who(), chosen.get().mentor());
            turn.reply("shortlist.full", people.name(chosen.get().mentor()));
            offer(program.get().id(), turn.who(), false, "shortlist.others");
        }
    }

    /** After a request expired: the next candidate is asked at once, and the mentee told. */
    public void askNext(String programId, PersonRef mentee) {
        Optional<Shortlist> list = shortlists.find(programId, mentee);
        Optional<Program> program = programs.find(programId);
        if (list.isEmpty() || program.isEmpty()) {
            return;
        }
        for (Shortlist.Candidate c : list.get().remaining()) {
            shortlists.tried(programId, mentee, c.mentor());
            if (pairing.request(program.get(), mentee, c.mentor(), c.score(), c.reasons()).isEmpty()) {
                return;
            }
        }
        pairing.tell(mentee, "shortlist.empty");
    }
}
