package org.tandem.core.rounds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Turn;
import org.tandem.core.intake.Enrollment;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.matching.Assignment;
import org.tandem.core.matching.Score;
import org.tandem.core.matching.Shortlist;
import org.tandem.core.matching.Unmatched;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairing;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.pairs.ShortlistFlow;
import org.tandem.core.pairs.Shortlists;
import org.tandem.core.people.People;
import org.tandem.core.program.MatchingMode;
import org.tandem.core.program.Program;
import org.tandem.core.program.ProgramState;
import org.tandem.core.program.Programs;

/**
 * What {@code match confirm} does, by the programme's matching mode: shortlists to the mentees (they choose),
 * proposals to the coordinators (they approve), or requests straight to the mentors (automatic). Mentees left in
 * the pool are told why, kindly. Whatever changed since the preview is skipped and counted, never forced.
 */
final class Confirmation {

    private final Programs programs;
    private final Pairs pairs;
    private final Enrollments enrollments;
    private final People people;
    private final Pairing pairing;
    private final Shortlists shortlists;
    private final ShortlistFlow shortlistFlow;
    private final Approvals approvals;
    private final MatchSettings settings;

    Confirmation(Programs programs, Pairs pairs, Enrollments enrollments, People people, Pairing pairing,
                 Shortlists shortlists, ShortlistFlow shortlistFlow, Approvals approvals, MatchSettings settings) {
        this.settings = settings;
        this.programs = programs;
        this.pairs = pairs;
        this.enrollments = enrollments;
        this.people = people;
        this.pairing = pairing;
        this.shortlists = shortlists;
        this.shortlistFlow = shortlistFlow;
        this.approvals = approvals;
    }

    void confirm(Turn turn, Program program, MatchRuns.Run run) {
        int done = 0;
        int skipped = 0;
        MatchingMode mode = program.spec().matchingMode();
        int size = settings.policy(program.id()).shortlist();
        for (Shortlist s : run.shortlists().values()) {
            if (!s.options().isEmpty()) {
                shortlists.put(toShortlist(program.id(), s, size, turn.now()));
            }
        }
        if (mode == MatchingMode.MENTEE_CHOOSES) {
            for (Shortlist s : run.shortlists().values()) {
                if (s.options().isEmpty() || paired(program, s.mentee())) {
                    skipped += s.options().isEmpty() ? 0 : 1;
                    continue;
                }
                shortlistFlow.offer(program.id(), PersonRef.fromKey(s.mentee()), false, "shortlist.title");
                done++;
            }
        } else {
            for (Assignment a : run.assignments()) {
                boolean ok = mode == MatchingMode.AUTOMATIC ? request(program, a) : approvals.propose(turn, program, a);
                if (ok) {
                    done++;
                } else {
                    skipped++;
                }
            }
        }
        for (Unmatched u : run.unmatched()) {
            PersonRef mentee = PersonRef.fromKey(u.mentee());
            turn.messenger().send(Address.person(mentee), Message.text(people.texts(mentee).rich("match.pool",
                    program.name(), u.text(people.texts(mentee)))));
        }
        programs.transition(program.id(), EnumSet.of(ProgramState.OPEN), ProgramState.RUNNING);
        turn.reply(switch (mode) {
            case MENTEE_CHOOSES -> "match.confirmed.shortlists";
            case COORDINATOR_APPROVES -> "match.confirmed.proposals";
            case AUTOMATIC -> "match.confirmed.requests";
        }, program.name(), done, run.unmatched().size(), skipped);
    }

    private boolean request(Program program, Assignment a) {
        PersonRef mentee = PersonRef.fromKey(a.mentee());
        PersonRef mentor = PersonRef.fromKey(a.mentor());
        if (enrollments.find(mentor, program.id()).flatMap(Enrollment::mentor).isEmpty()) {
            return false;
        }
        boolean sent = pairing.request(program, mentee, mentor, a.score().total(), reasons(a.score())).isEmpty();
        if (sent) {
            shortlists.tried(program.id(), mentee, mentor);
        }
        return sent;
    }

    private boolean paired(Program program, String mentee) {
        return !pairs.of(PersonRef.fromKey(mentee), PairStatus.OPEN).stream()
                .filter(p -> p.program().equals(program.id())).toList().isEmpty();
    }

    /**
     * The plan's shortlist as the mentee's list: at most {@code size} mentors (the programme's size now, which a
     * coordinator may have lowered since the preview), and why it has fewer, for the mentee to read under them.
     */
    static org.tandem.core.pairs.Shortlist toShortlist(String program, Shortlist s, int size, Instant now) {
        List<org.tandem.core.pairs.Shortlist.Candidate> candidates = new ArrayList<>();
        // the plan's own choice always stays: it is the one every other list was made feasible with
        long others = size - s.options().stream().filter(Shortlist.Option::planned).count();
        for (Shortlist.Option o : s.options()) {
            if (o.planned() || others-- > 0) {
                candidates.add(new org.tandem.core.pairs.Shortlist.Candidate(PersonRef.fromKey(o.mentor()),
                        o.score().total(), reasons(o.score())));
            }
        }
        org.tandem.core.pairs.Shortlist.Shortfall shortfall = candidates.size() < size && !s.why().isEmpty()
                ? new org.tandem.core.pairs.Shortlist.Shortfall(size, s.why(), s.whyArgs())
                : org.tandem.core.pairs.Shortlist.Shortfall.none(size);
        return new org.tandem.core.pairs.Shortlist(program, PersonRef.fromKey(s.mentee()), candidates, List.of(), now,
                List.of(), shortfall);
    }

    static List<Pair.Reason> reasons(Score score) {
        return score.reasons().stream().map(r -> new Pair.Reason(r.key(), r.args(), r.points())).toList();
    }

    Optional<Program> program(String id) {
        return programs.find(id);
    }
}
