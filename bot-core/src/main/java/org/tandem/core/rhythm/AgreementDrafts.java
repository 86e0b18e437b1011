package org.tandem.core.rhythm;

import static org.tandem.core.rhythm.AgreementFlow.CONFIRM;
import static org.tandem.core.rhythm.AgreementFlow.DRAFT;
import static org.tandem.core.rhythm.AgreementFlow.SUGGEST;
import static org.tandem.core.rhythm.AgreementFlow.SUGGEST_FORM;
import static org.tandem.core.rhythm.AgreementFlow.key;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.FormBuilder;
import org.tandem.core.conversation.FormCheck;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Questions;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.Enrollment;
import org.tandem.core.pairs.Agreement;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.Pairs;

/**
 * The agreement's two forms: the mentee's draft (seeded from their intake hopes the first time), sent to the mentor
 * to review, and the mentor's suggested changes, sent back to the mentee. Each closes the questions it answers.
 */
final class AgreementDrafts {

    private final Rhythm rhythm;
    private final Pairs pairs;

    AgreementDrafts(Rhythm rhythm, Pairs pairs) {
        this.pairs = pairs;
        this.rhythm = rhythm;
    }

    /** The mentor suggested changes to draft {@code version}: the mentee reads them, with a button to edit. */
    void suggested(Turn turn, Pair pair, int version, FormCheck check) {
        String suggestion = check.text("suggestion", true, 1000);
        if (!check.ok()) {
            turn.reply(Message.of(suggestForm(turn.t(), check.submitted(), check.errors())));
            return;
        }
        turn.clearState();
        pairs.answerAgreement(pair.id(), version, Agreement.Status.PROPOSED,
                Agreement.Status.CHANGES, suggestion, turn.now()).ifPresentOrElse(p -> {
                    turn.answered(key(p.id(), version + "|review"), t -> t.rich("agreement.outcome.suggested",
                            t.date(turn.now(), ZoneOffset.UTC)));
                    turn.reply("agreement.suggested", rhythm.name(p.mentee()));
                    Texts t = rhythm.texts(p.mentee());
                    rhythm.send(p.mentee(), Message.builder()
                            .text(t.rich("agreement.changes", rhythm.name(p.mentor())))
                            .text(Rich.literal(suggestion))
                            .buttons(List.of(new Block.Button(DRAFT, t.get("agreement.edit"), p.id(),
                                    Block.Style.PRIMARY)))
                            .build().asking(key(p.id(), version + "|changes"), t.locale()));
                }, () -> turn.reply("agreement.gone"));
    }

    /** The mentee sent a draft: the mentor reviews it, and the card of the draft before reads that it is old. */
    void drafted(Turn turn, Pair pair, FormCheck check) {
        int version = pair.agreement().map(a -> a.version() + 1).orElse(1);
        Optional<Agreement> draft = AgreementForm.parse(check, version);
        if (draft.isEmpty()) {
            turn.reply(Message.of(AgreementForm.form(turn.t(), check.submitted(), check.errors())));
            return;
        }
        Optional<Pair> saved = pairs.draftAgreement(pair.id(), draft.get());
        if (saved.isEmpty()) {
            turn.reply("agreement.conflict");
            return;
        }
        turn.clearState();
        String mentor = rhythm.name(saved.get().mentor());
        Questions.Outcome drafted = t -> t.rich("agreement.outcome.drafted", mentor, t.date(turn.now(), ZoneOffset.UTC));
        turn.answered(key(saved.get().id(), "invite"), drafted);
        turn.answered(key(saved.get().id(), (version - 1) + "|changes"), drafted);
        // the mentor's card for the draft before reads that a newer one came
        rhythm.questions.close(key(saved.get().id(), (version - 1) + "|review"),
                Questions.Outcome.of("question.closed.superseded"));
        turn.reply("agreement.sent", mentor);
        Texts t = rhythm.texts(saved.get().mentor());
        Message.Builder m = Message.builder().text(t.rich("agreement.review", rhythm.name(saved.get().mentee())));
        AgreementForm.view(t, draft.get()).forEach(m::add);
        String v = saved.get().id() + ":" + version;
        rhythm.send(saved.get().mentor(), m.buttons(List.of(
                new Block.Button(CONFIRM, t.get("agreement.confirm"), v, Block.Style.PRIMARY),
                new Block.Button(SUGGEST, t.get("agreement.suggest"), v))).build()
                .asking(key(saved.get().id(), version + "|review"), t.locale()));
    }

    /** The current draft, or a first one seeded from the mentee's intake hopes and the programme's cadence. */
    Map<String, List<String>> values(Pair p) {
        if (p.agreement().isPresent()) {
            return AgreementForm.values(p.agreement().get());
        }
        Map<String, List<String>> v = new LinkedHashMap<>();
        rhythm.enrollment(p.mentee(), p.program()).flatMap(Enrollment::mentee).ifPresent(a -> {
            v.put("goal1", List.of(a.hopes().length() > 300 ? a.hopes().substring(0, 300) : a.hopes()));
            v.put("format", List.of(a.format()));
        });
        rhythm.program(p).ifPresent(prog -> v.put("cadence", List.of(prog.spec().cadence().value())));
        v.put("confidential", List.of("yes"));
        return v;
    }

    static Block.Form suggestForm(Texts t, Map<String, List<String>> values, Map<String, String> errors) {
        return new FormBuilder(SUGGEST_FORM, t.get("agreement.suggest.title"), t, values, errors)
                .textarea("suggestion", "agreement.suggest.what", true, 1000, null)
                .build("agreement.suggest.submit");
    }
}
