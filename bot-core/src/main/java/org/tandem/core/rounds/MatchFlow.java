package org.tandem.core.rounds;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.ConversationState;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Questions;
import org.tandem.core.conversation.SubCommands;
import org.tandem.core.conversation.Turn;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.matching.Matcher;
import org.tandem.core.matching.Plan;
import org.tandem.core.pairs.Pairing;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.pairs.ShortlistFlow;
import org.tandem.core.pairs.Shortlists;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.ProgramNames;
import org.tandem.core.program.Programs;
import org.tandem.core.telemetry.Meters;

/**
 * {@code match [programme]}: a preview of the optimal plan (how many matched, the average score, who stays in the
 * pool and why); {@code match confirm}: acts on exactly that preview, once; {@code match weights}: what counts.
 */
public final class MatchFlow implements Flow {

    static final String ID = "match";
    static final String CONFIRM = ID + ".confirm";
    /** The next page of a preview's proposals: {@code runId:from}. */
    static final String PAGE = ID + ".page";
    static final String WEIGHTS_FORM = ID + ".weights";

    /** The steps of a round: its weights are being set. */
    enum Step { WEIGHTS }

    private final Programs programs;
    private final Enrollments enrollments;
    private final Pairs pairs;
    private final MatchRuns runs;
    private final MatchSettings settings;
    private final Confirmation confirmation;
    private final Approvals approvals;

    private final People people;
    private final Meters meters;

    /** With the meters a matching run is timed in ({@link Meters#MATCHING}). */
    public MatchFlow(com.mongodb.client.MongoDatabase db, Programs programs, Enrollments enrollments, Pairs pairs,
                     People people, Pairing pairing, Shortlists shortlists, ShortlistFlow shortlistFlow,
                     Meters meters) {
        this.meters = meters;
        this.programs = programs;
        this.enrollments = enrollments;
        this.pairs = pairs;
        this.people = people;
        this.runs = new MatchRuns(db);
        this.settings = new MatchSettings(db);
        this.approvals = new Approvals(pairs, programs, enrollments, runs, people, pairing);
        this.confirmation = new Confirmation(programs, pairs, enrollments, people, pairing, shortlists, shortlistFlow,
                approvals, settings);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("match", Audience.COORDINATOR, "help.usage.match", "help.about.match"));
    }

    @Override
    public void bind(Bindings on) {
        on.click(CONFIRM, Access.COORDINATORS, this::click);
        on.click(PAGE, Access.COORDINATORS, this::page);
        on.click(Approvals.APPROVE, Access.COORDINATORS, approvals::approve);
        on.click(Approvals.REJECT, Access.COORDINATORS, approvals::reject);
        on.click(Approvals.SWAP, Access.COORDINATORS, approvals::swap);
        on.click(Approvals.SWAP_TO, Access.COORDINATORS, approvals::swapTo);
        on.submit(WEIGHTS_FORM, Access.COORDINATORS, WeightsForm.FIELDS, this::submit);
    }


    @Override
    public void onCommand(Turn turn, Input.Command command) {
        String typed = command.arg(0).orElse("");
        String sub = SubCommands.of("match", typed, List.of("confirm", "weights"));
        boolean known = sub.equals("confirm") || sub.equals("weights");
        String rest = known ? command.rest().substring(typed.length()).strip() : command.rest();
        Optional<Program> program = ProgramNames.resolve(turn, programs, rest, known ? "match " + sub : "match");
        if (program.isEmpty()) {
            return;
        }
        switch (known ? sub : "preview") {
            case "confirm" -> confirm(turn, program.get(), runs.pending(program.get().id()));
            case "weights" -> {
                turn.save(ConversationState.start(ID, Step.WEIGHTS).with("program", program.get().id()));
                turn.reply(Message.of(WeightsForm.form(turn.t(), program.get(),
                        WeightsForm.values(settings.of(program.get().id())), java.util.Map.of())));
            }
            default -> preview(turn, program.get());
        }
    }

    private void preview(Turn turn, Program program) {
        if (!program.state().enrolling()) {
            turn.reply("match.not-enrolling", program.name(), turn.t().get(program.state().labelKey()));
            return;
        }
        Candidates pool = Candidates.of(program.id(), enrollments, pairs);
        Matcher matcher = settings.of(program.id()).matcher(LocalDate.ofInstant(turn.now(), ZoneOffset.UTC),
                program.spec().workingWeek());
        long start = System.nanoTime();
        Plan plan = matcher.plan(pool.mentees(), pool.mentors(), pool.exclusions());
        meters.matched(Duration.ofNanos(System.nanoTime() - start), pool.mentees().size() + pool.mentors().size());
        MatchRuns.Run run = runs.preview(program.id(), program.scope().tenant(), turn.who().userId(), plan, turn.now());
        // a newer preview supersedes the ones before: only one can be confirmed
        turn.answeredAll("preview|" + program.id() + "|", Questions.Outcome.of("question.closed.superseded"));
        turn.reply(Preview.message(turn.t(), program, run, plan, pool.mentees().size(), people)
                .asking("preview|" + program.id() + "|" + run.id(), turn.locale()));
    }

    private void confirm(Turn turn, Program program, Optional<MatchRuns.Run> run) {
        if (run.isEmpty()) {
            turn.reply("match.nothing-to-confirm", program.name());
            return;
        }
        if (!runs.confirm(run.get().id())) {
            turn.reply("match.already-confirmed", program.name());
            return;
        }
        confirmation.confirm(turn, program, run.get());
    }

    private void click(Turn turn, Input.Click click) {
        turn.chosen(click);
        // the round's head says whether it can still be confirmed; only then are its proposals read
        Optional<MatchRuns.Head> head = runs.head(click.value());
        Optional<Program> program = head.flatMap(r -> programs.find(r.program()))
                .filter(p -> p.scope().equals(turn.who().scope()));
        if (program.isEmpty()) {
            turn.reply("match.nothing-to-confirm", "?");
        } else if (!head.get().status().equals("preview")) {
            turn.reply(head.get().status().equals("confirmed") ? "match.already-confirmed" : "match.superseded",
                    program.get().name());
        } else {
            confirm(turn, program.get(), runs.find(click.value()));
        }
    }

    /** More of a preview's proposals, while it can still be confirmed: only that page is read from the store. */
    private void page(Turn turn, Input.Click click) {
        String[] parts = click.value().split(":", 2);
        Optional<MatchRuns.Head> run = runs.head(parts[0]);
        Optional<Program> program = run.flatMap(r -> programs.find(r.program()))
                .filter(p -> p.scope().equals(turn.who().scope()));
        int from;
        try {
            from = parts.length == 2 ? Integer.parseInt(parts[1]) : -1;
        } catch (NumberFormatException e) {
            from = -1;
        }
        if (program.isEmpty() || from < 0 || from >= run.get().counts().assignments()) {
            turn.reply("error.stale-action");
            return;
        }
        if (!run.get().status().equals("preview")) {
            turn.reply(run.get().status().equals("confirmed") ? "match.already-confirmed" : "match.superseded",
                    program.get().name());
            return;
        }
        Message.Builder m = Message.builder().text(turn.t().rich("match.preview.more", program.get().name()));
        Preview.page(turn.t(), run.get().id(), runs.proposals(run.get(), from, Preview.MAX_LINES), from,
                run.get().counts().assignments(), people, m);
        turn.reply(m.build());
    }

    private void submit(Turn turn, Input.Submit submit) {
        Optional<Program> program = turn.state().filter(s -> s.in(ID, Step.WEIGHTS))
                .flatMap(s -> programs.find(s.string("program")));
        if (program.isEmpty()) {
            turn.reply("match.weights.expired");
            return;
        }
        org.tandem.core.conversation.FormCheck check = new org.tandem.core.conversation.FormCheck(submit, turn.t());
        // nothing is saved unless every answer is right: the form comes back with what to fix
        Optional<MatchSettings.Tuning> tuning = WeightsForm.parse(check);
        if (tuning.isEmpty()) {
            turn.reply(Message.of(WeightsForm.form(turn.t(), program.get(), check.submitted(), check.errors())));
            return;
        }
        settings.save(program.get().id(), program.get().scope().tenant(), tuning.get());
        turn.clearState();
        turn.reply(Message.builder().text(turn.t().rich("match.weights.saved", program.get().name()))
                .text(WeightsForm.describe(turn.t(), tuning.get())).build());
    }

    static Block.Button confirmButton(org.tandem.core.conversation.i18n.Texts t, String runId) {
        return new Block.Button(CONFIRM, t.get("match.confirm"), runId, Block.Style.PRIMARY);
    }
}
