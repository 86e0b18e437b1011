package org.tandem.core.rounds;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.Enrollment;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.intake.MentorAnswers;
import org.tandem.core.matching.Assignment;
import org.tandem.core.matching.Shortlist;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairing;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;

/**
 * "Coordinator approves" mode: each proposed pair holds its slot as PROPOSED until a coordinator approves it (the
 * request goes to the mentor), rejects it (never proposed again), or swaps the mentor for an alternative.
 */
final class Approvals {

    static final String APPROVE = MatchFlow.ID + ".approve";
    static final String REJECT = MatchFlow.ID + ".reject";
    static final String SWAP = MatchFlow.ID + ".swap";
    static final String SWAP_TO = MatchFlow.ID + ".swap-to";

    private final Pairs pairs;
    private final Programs programs;
    private final Enrollments enrollments;
    private final MatchRuns runs;
    private final People people;
    private final Pairing pairing;

    Approvals(Pairs pairs, Programs programs, Enrollments enrollments, MatchRuns runs, People people,
              Pairing pairing) {
        this.pairs = pairs;
        this.programs = programs;
        this.enrollments = enrollments;
        this.runs = runs;
        this.people = people;
        this.pairing = pairing;
    }

    /** Holds the proposed pair's slot and posts it for approval. False when the pool changed meanwhile. */
    boolean propose(Turn turn, Program program, Assignment a) {
        return propose(turn, program, PersonRef.fromKey(a.mentee()), PersonRef.fromKey(a.mentor()),
                a.score().total(), Confirmation.reasons(a.score()), Preview.criteria(turn.t(), a.score()));
    }

    private boolean propose(Turn turn, Program program, PersonRef mentee, PersonRef mentor, int score,
                            List<Pair.Reason> reasons, String criteria) {
        int capacity = enrollments.find(mentor, program.id()).flatMap(Enrollment::mentor)
                .map(MentorAnswers::capacity).orElse(0);
        Optional<Pair> pair = pairs.open(program.scope(), program.id(), mentee, mentor, capacity,
                PairStatus.PROPOSED, score, reasons, Optional.empty(), turn.now()).pair();
        pair.ifPresent(p -> turn.reply(Message.builder()
                .text(turn.t().rich("match.proposal", program.name(), people.name(mentee), people.name(mentor),
                        criteria))
                .buttons(List.of(
                        new Block.Button(APPROVE, turn.t().get("match.approve"), p.id(), Block.Style.PRIMARY),
                        new Block.Button(REJECT, turn.t().get("match.reject"), p.id(), Block.Style.DANGER),
                        new Block.Button(SWAP, turn.t().get("match.swap"), p.id())))
                .build()));
        return pair.isPresent();
    }

    /** What a coordinator does with a proposal: each button of it, on the proposal it names. */
    @FunctionalInterface
    private interface OnProposal {
        void handle(Turn turn, Pair proposal, Program program, String rest);
    }

    void approve(Turn turn, Input.Click click) {
        onProposal(turn, click, (t, p, program, rest) -> pairs.approve(p.id(), t.now(),
                        t.now().plus(Pairing.ANSWER_WITHIN))
                .ifPresentOrElse(moved -> {
                    pairing.sendRequest(moved, program);
                    t.reply("match.approved", people.name(p.mentee()), people.name(p.mentor()));
                }, () -> t.reply("match.proposal.gone")));
    }

    void reject(Turn turn, Input.Click click) {
        onProposal(turn, click, (t, p, program, rest) -> t.reply(pairs.reject(p.id(), t.now()).isPresent()
                ? "match.rejected" : "match.proposal.gone", people.name(p.mentee()), people.name(p.mentor())));
    }

    void swap(Turn turn, Input.Click click) {
        onProposal(turn, click, (t, p, program, rest) -> alternatives(t, p, program));
    }

    void swapTo(Turn turn, Input.Click click) {
        onProposal(turn, click, this::swap);
    }

    /** The proposal a click names ({@code pairId} or {@code pairId|mentorKey}), still waiting in this workspace. */
    private void onProposal(Turn turn, Input.Click click, OnProposal action) {
        turn.chosen(click);
        String[] parts = click.value().split("\\|", 2);
        Optional<Pair> pair = pairs.find(parts[0]).filter(p -> p.scope().equals(turn.who().scope()));
        Optional<Program> program = pair.flatMap(p -> programs.find(p.program()));
        if (pair.isEmpty() || program.isEmpty() || pair.get().status() != PairStatus.PROPOSED) {
            turn.reply("match.proposal.gone");
            return;
        }
        action.handle(turn, pair.get(), program.get(), parts.length == 2 ? parts[1] : "");
    }

    private void alternatives(Turn turn, Pair p, Program program) {
        List<Shortlist.Option> others = options(p);
        if (others.isEmpty()) {
            turn.reply("match.swap.none", people.name(p.mentee()));
            return;
        }
        List<Block.Button> buttons = new ArrayList<>();
        for (Shortlist.Option o : others) {
            buttons.add(new Block.Button(SWAP_TO, people.name(PersonRef.fromKey(o.mentor())) + " ("
                    + Preview.criteria(turn.t(), o.score()) + ")", p.id() + "|" + o.mentor()));
        }
        turn.reply(Message.builder().text(turn.t().rich("match.swap.choose", people.name(p.mentee())))
                .buttons(buttons).build());
    }

    private void swap(Turn turn, Pair p, Program program, String mentorKey) {
        Optional<Shortlist.Option> chosen = options(p).stream().filter(o -> o.mentor().equals(mentorKey)).findFirst();
        if (chosen.isEmpty() || pairs.withdrawProposal(p.id(), turn.now()).isEmpty()) {
            turn.reply("match.proposal.gone");
            return;
        }
        Texts t = turn.t();
        if (!propose(turn, program, p.mentee(), PersonRef.fromKey(mentorKey), chosen.get().score().total(),
                Confirmation.reasons(chosen.get().score()), Preview.criteria(t, chosen.get().score()))) {
            turn.reply("match.swap.full", people.name(PersonRef.fromKey(mentorKey)));
        }
    }

    /** The alternatives of the latest confirmed round's shortlist, other than the proposed mentor. */
    /**
     * The mentee's other options from the round, those who still have a free place now: a shortlist may offer a
     * mentor planned for someone else, who is no swap once that place is taken.
     */
    private List<Shortlist.Option> options(Pair p) {
        return runs.confirmedShortlist(p.program(), p.mentee().key())
                .map(s -> s.options().stream().filter(o -> !o.mentor().equals(p.mentor().key()))
                        .filter(o -> hasPlace(p.program(), PersonRef.fromKey(o.mentor()))).toList())
                .orElse(List.of());
    }

    private boolean hasPlace(String program, PersonRef mentor) {
        int capacity = enrollments.find(mentor, program).flatMap(Enrollment::mentor).map(MentorAnswers::capacity)
                .orElse(0);
        return pairs.load(program, mentor) < capacity;
    }
}
