package org.tandem.core.rhythm;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.ConversationState;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.FormCheck;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.pairs.Agreement;
import org.tandem.core.pairs.EndFlow;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairAccess;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.schedule.DueHandler;

/**
 * The mentoring agreement, right after both said it clicked: the mentee drafts the objectives (seeded from what
 * they hoped for at intake) and the expectations; the mentor confirms or suggests changes; {@code goals} shows it
 * again. Confirming starts the check-ins.
 */
public final class AgreementFlow implements Flow {

    static final String ID = "agreement";
    static final String DRAFT = ID + ".draft";
    static final String CONFIRM = ID + ".confirm";
    static final String SUGGEST = ID + ".suggest";
    static final String FORM = ID + ".form";
    static final String SUGGEST_FORM = ID + ".suggest-form";
    static final String AGREED = "rhythm.agreed";

    /** The steps of the agreement: the mentee drafts it, the mentor suggests changes. */
    enum Step { DRAFT, SUGGEST }

    private final Rhythm rhythm;
    private final Pairs pairs;
    private final CheckIns checkIns;
    private final AgreementDrafts drafts;

    AgreementFlow(Rhythm rhythm, Pairs pairs, CheckIns checkIns) {
        this.pairs = pairs;
        this.rhythm = rhythm;
        this.checkIns = checkIns;
        this.drafts = new AgreementDrafts(rhythm, pairs);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("goals", Audience.PARTICIPANT, "help.usage.goals", "help.about.goals"));
    }

    /** The mentee drafts (the mentee drives); the mentor confirms or suggests. */
    @Override
    public void bind(Bindings on) {
        on.click(DRAFT, PairAccess.mentee(pairs), (turn, click) -> click(turn, click, Answer.DRAFT))
                .click(CONFIRM, PairAccess.mentor(pairs), (turn, click) -> click(turn, click, Answer.CONFIRM))
                .click(SUGGEST, PairAccess.mentor(pairs), (turn, click) -> click(turn, click, Answer.SUGGEST))
                .submit(FORM, Access.SELF, AgreementForm.FIELDS, (turn, submit) -> submit(turn, submit, false))
                .submit(SUGGEST_FORM, Access.SELF, Set.of("suggestion"), (turn, submit) -> submit(turn, submit, true));
    }


    /** Invites the mentee to draft the agreement, and tells the mentor it is coming. */
    void start(Pair pair) {
        Texts t = rhythm.texts(pair.mentee());
        rhythm.send(pair.mentee(), Message.builder()
                .text(t.rich("agreement.invite", rhythm.name(pair.mentor())))
                .buttons(List.of(new Block.Button(DRAFT, t.get("agreement.draft"), pair.id(), Block.Style.PRIMARY)))
                .build().asking(key(pair.id(), "invite"), t.locale()));
        rhythm.tell(pair.mentor(), "agreement.coming", rhythm.name(pair.mentee()));
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        List<Pair> active = pairs.of(turn.who(), List.of(PairStatus.ACTIVE));
        if (active.isEmpty()) {
            turn.reply("agreement.none");
            return;
        }
        for (Pair p : active) {
            Texts t = turn.t();
            Message.Builder m = Message.builder().text(t.rich("agreement.with", rhythm.name(p.other(turn.who()))));
            if (p.agreement().isEmpty()) {
                m.text(t.rich(p.mentee().equals(turn.who()) ? "agreement.not-yet.mentee" : "agreement.not-yet.mentor"));
            } else {
                AgreementForm.view(t, p.agreement().get()).forEach(m::add);
                m.context(t.rich("agreement.status." + p.agreement().get().status().value()));
            }
            // once both agreed, there is no draft left to edit
            boolean agreed = p.agreement().map(a -> a.status() == Agreement.Status.AGREED).orElse(false);
            List<Block.Button> buttons = new ArrayList<>();
            if (p.mentee().equals(turn.who()) && !agreed) {
                buttons.add(new Block.Button(DRAFT, t.get(p.agreement().isEmpty() ? "agreement.draft"
                        : "agreement.edit"), p.id()));
            }
            buttons.add(EndFlow.button(t, p));
            m.buttons(buttons);
            turn.reply(m.build());
        }
    }

    /** What a button of the agreement does: the mentee drafts it, the mentor confirms it or suggests changes. */
    private enum Answer { DRAFT, CONFIRM, SUGGEST }

    private void click(Turn turn, Input.Click click, Answer answer) {
        String[] parts = click.value().split(":", 2);
        Optional<Pair> pair = pairs.find(parts[0]).filter(p -> p.status() == PairStatus.ACTIVE);
        if (pair.isEmpty()) {
            turn.reply("agreement.gone");
            return;
        }
        Pair p = pair.get();
        if (answer == Answer.DRAFT) {
            turn.save(ConversationState.start(ID, Step.DRAFT).with("pair", p.id()));
            turn.reply(Message.of(AgreementForm.form(turn.t(), drafts.values(p), Map.of())));
            return;
        }
        int version = parts.length == 2 && parts[1].matches("\\d{1,9}") ? Integer.parseInt(parts[1]) : -1;
        boolean current = p.agreement().map(a -> a.version() == version && a.status() == Agreement.Status.PROPOSED)
                .orElse(false);
        if (!current) {
            turn.reply("agreement.gone");
        } else if (answer == Answer.CONFIRM) {
            confirm(turn, p, version);
        } else {
            turn.save(ConversationState.start(ID, Step.SUGGEST).with("pair", p.id()).with("version", version));
            turn.reply(Message.of(AgreementDrafts.suggestForm(turn.t(), Map.of(), Map.of())));
        }
    }

    /**
     * Confirms the draft that was read, in one step: what follows the guarded update (the check-ins, both people
     * told) is planned as a due item before it, and done at once; if that fails, or the process stops, the sweep
     * does it (retried, and FAILED for the coordinators to see after the last try), never left half-done.
     */
    private void confirm(Turn turn, Pair p, int version) {
        // planned before the guarded update, so that a crash right after it still has its follow-up
        String key = AGREED + "|" + p.id() + "|" + version + "|" + turn.eventId();
        rhythm.plan(key, AGREED, p, Map.of("pair", p.id(), "v", version), turn.now().plus(Rhythm.FOLLOW_UP_AFTER));
        Optional<Pair> agreed = pairs.answerAgreement(p.id(), version, Agreement.Status.PROPOSED,
                Agreement.Status.AGREED, "", turn.now());
        if (agreed.isEmpty()) {
            rhythm.due.cancel(key);
            turn.reply("agreement.gone");
            return;
        }
        turn.answered(key(p.id(), version + "|review"), t -> t.rich("agreement.outcome.confirmed",
                t.date(turn.now(), ZoneOffset.UTC)));
        if (!rhythm.performPlanned(key, () -> agreed(agreed.get()))) {
            turn.reply("agreement.agreed.later");
        }
    }

    /** The due item that finishes a confirmation, if it was not finished at once. */
    DueHandler finisher() {
        return DueHandler.of(AGREED, item -> {
            int version = ((Number) item.payload().get("v")).intValue();
            pairs.find(item.payloadString("pair")).filter(p -> p.status() == PairStatus.ACTIVE)
                    .filter(p -> p.agreement().map(a -> a.version() == version
                            && a.status() == Agreement.Status.AGREED).orElse(false))
                    .ifPresent(this::agreed);
        });
    }

    /** The check-ins start (first: they matter most), and both people read what they agreed. */
    private void agreed(Pair pair) {
        checkIns.start(pair);
        for (var who : List.of(pair.mentee(), pair.mentor())) {
            Texts t = rhythm.texts(who);
            Message.Builder m = Message.builder().text(t.rich("agreement.agreed", rhythm.name(pair.other(who))));
            AgreementForm.view(t, pair.agreement().orElseThrow()).forEach(m::add);
            rhythm.send(who, m.context(t.rich("agreement.agreed.next")).build());
        }
    }

    private void submit(Turn turn, Input.Submit submit, boolean suggesting) {
        Optional<ConversationState> state = turn.state().filter(s -> s.flow().equals(ID));
        Optional<Pair> pair = state.flatMap(s -> pairs.find(s.string("pair")))
                .filter(p -> p.status() == PairStatus.ACTIVE);
        if (pair.isEmpty()) {
            turn.reply("agreement.gone");
            return;
        }
        FormCheck check = new FormCheck(submit, turn.t());
        if (suggesting) {
            // only the dialogue of a suggestion knows which draft it is about
            String version = state.get().string("version");
            if (!state.get().in(ID, Step.SUGGEST) || !version.matches("\\d{1,9}")) {
                turn.reply("agreement.gone");
                return;
            }
            drafts.suggested(turn, pair.get(), Integer.parseInt(version), check);
        } else {
            drafts.drafted(turn, pair.get(), check);
        }
    }

    /** The key of one of a pair's agreement questions: the invitation, a draft's review or its changes. */
    static String key(String pairId, String what) {
        return pairId + "|agreement|" + what;
    }
}
