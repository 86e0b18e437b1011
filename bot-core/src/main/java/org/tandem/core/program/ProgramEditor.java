package org.tandem.core.program;

import static org.tandem.core.program.ProgramFlow.CREATE_FORM;
import static org.tandem.core.program.ProgramFlow.EDIT_FORM;
import static org.tandem.core.program.ProgramFlow.ID;
import static org.tandem.core.program.ProgramFlow.TEMPLATE;
import static org.tandem.core.program.ProgramFlow.summary;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.ConversationState;
import org.tandem.core.conversation.FormCheck;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;

/**
 * The programme form: created blank or from a template, edited, checked and saved. A submission with errors shows
 * the form again with them; a name already taken is one of them.
 */
final class ProgramEditor {

    /** The steps of a programme's dialogue: its form is being edited. */
    enum Step { EDIT }

    private final Programs programs;

    ProgramEditor(Programs programs) {
        this.programs = programs;
    }

    void template(Turn turn, Input.Click click) {
        turn.chosen(click);
        Optional<ProgramTemplate> template = ProgramTemplate.find(click.value(), turn.t());
        turn.reply(Message.of(ProgramForm.form(CREATE_FORM, "program.form.title.create", turn.t(),
                template.map(x -> ProgramForm.values(x.draft(turn.t()))).orElse(ProgramForm.blank()), Map.of())));
    }

    void submit(Turn turn, Input.Submit submit, boolean editing) {
        FormCheck check = new FormCheck(submit, turn.t());
        Optional<ProgramDraft> draft = ProgramForm.parse(check);
        Optional<Program> edited = Optional.empty();
        if (editing) {
            Optional<ConversationState> state = turn.state().filter(s -> s.in(ID, Step.EDIT));
            edited = state.flatMap(s -> programs.find(s.string("program")));
            if (edited.isEmpty()) {
                turn.reply("program.edit.expired");
                return;
            }
        }
        if (draft.isPresent()) {
            try {
                if (editing) {
                    saveEdit(turn, edited.get(), draft.get());
                } else {
                    Program created = programs.create(turn.who().scope(), draft.get(), turn.who().userId(), turn.now());
                    turn.reply(summary(turn.t(), created, "program.created"));
                }
                return;
            } catch (Programs.NameTaken e) {
                check.error("name", "program.form.name-taken", draft.get().name());
            }
        }
        turn.reply(Message.of(ProgramForm.form(submit.formId(),
                editing ? "program.form.title.edit" : "program.form.title.create", turn.t(), check.submitted(),
                check.errors())));
    }

    private void saveEdit(Turn turn, Program program, ProgramDraft draft) {
        if (!programs.update(program, draft)) {
            turn.reply("program.edit.conflict", program.name());
            return;
        }
        turn.clearState();
        turn.reply(summary(turn.t(), programs.find(program.id()).orElseThrow(), "program.updated"));
    }

    void create(Turn turn, String rest) {
        if (!rest.isEmpty()) {
            Optional<ProgramTemplate> template = ProgramTemplate.find(rest, turn.t());
            if (template.isEmpty()) {
                turn.reply("program.template.unknown", rest);
                templates(turn);
                return;
            }
            turn.reply(Message.of(ProgramForm.form(CREATE_FORM, "program.form.title.create", turn.t(),
                    ProgramForm.values(template.get().draft(turn.t())), Map.of())));
            return;
        }
        turn.reply(Message.builder()
                .context(turn.t().rich("program.create.tip"))
                .add(ProgramForm.form(CREATE_FORM, "program.form.title.create", turn.t(), ProgramForm.blank(),
                        Map.of()))
                .build());
    }

    void templates(Turn turn) {
        Texts t = turn.t();
        List<Rich> lines = Arrays.stream(ProgramTemplate.values())
                .map(p -> t.rich("program.template.line", p.name(t), p.description(t))).toList();
        turn.reply(Message.builder()
                .text(t.rich("program.templates"))
                .text(Rich.join("\n", lines))
                .buttons(Arrays.stream(ProgramTemplate.values())
                        .map(p -> new Block.Button(TEMPLATE, p.name(t), p.id())).toList())
                .build());
    }

    void edit(Turn turn, Program program) {
        turn.save(ConversationState.start(ID, Step.EDIT).with("program", program.id()));
        turn.reply(Message.of(ProgramForm.form(EDIT_FORM, "program.form.title.edit", turn.t(),
                ProgramForm.values(program.spec()), Map.of())));
    }
}
