package org.tandem.core.basics;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.Questions;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.people.People;

/**
 * {@code help} (what you can do here, in your language), {@code cancel} and {@code language en|fr}; and what is
 * typed that is no command ({@link Chatter}).
 */
public final class BasicsFlow implements Flow {

    private final People people;
    private final Chatter chatter = new Chatter();

    public BasicsFlow(People people) {
        this.people = people;
    }

    @Override
    public boolean onUnknown(Turn turn, Input.Command typed) {
        return chatter.onUnknown(turn, typed);
    }

    @Override
    public String id() {
        return "basics";
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(
                new CommandSpec("help", Audience.EVERYONE, "help.usage.help", "help.about.help"),
                new CommandSpec("language", Audience.EVERYONE, "help.usage.language", "help.about.language"),
                new CommandSpec("cancel", Audience.EVERYONE, "help.usage.cancel", "help.about.cancel"));
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        switch (command.name()) {
            case "help" -> help(turn);
            case "language" -> language(turn, command);
            case "cancel" -> cancel(turn);
            default -> throw new IllegalArgumentException(command.name());
        }
    }

    private void help(Turn turn) {
        Texts t = turn.t();
        List<Rich> lines = turn.commands().stream()
                .map(spec -> t.rich("help.line", t.get(spec.usageKey()), t.get(spec.helpKey())))
                .toList();
        turn.reply(Message.builder()
                .text(t.rich(turn.place() instanceof Place.Admin
                        ? "help.intro.admin" : "help.intro"))
                .text(Rich.join("\n", lines))
                .context(t.rich("help.footer"))
                .build());
    }

    private void language(Turn turn, Input.Command command) {
        Optional<Locale> chosen = command.arg(0).flatMap(Texts::parseLanguage);
        if (chosen.isEmpty()) {
            turn.reply("language.unknown", command.rest().isEmpty() ? "?" : command.rest());
            return;
        }
        people.chooseLocale(turn.who(), chosen.get());
        turn.speak(chosen.get());
        turn.reply("language.set");
    }

    /** Ends the dialogue in progress here; every form the person still has open turns into "Cancelled". */
    private void cancel(Turn turn) {
        int forms = turn.answeredAll(Turn.formQuestionsOf(turn.who()), Questions.Outcome.of("form.cancelled"));
        if (turn.state().isPresent() || forms > 0) {
            turn.clearState();
            turn.reply("cancel.done");
        } else {
            turn.reply("cancel.nothing");
        }
    }
}
