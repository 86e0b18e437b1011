package org.tandem.core.intake;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Turn;
import org.tandem.core.i18n.Texts;

/** {@code profile}: shows what Tandem stores about the person. */
public final class ProfileFlow implements Flow {

    private final Enrollments enrollments;

    public ProfileFlow(Enrollments enrollments) {
        this.enrollments = enrollments;
    }

    @Override
    public String id() {
        return "profile";
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("profile", Audience.PARTICIPANT, "help.usage.profile",
                "help.about.profile"));
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        Texts t = turn.t();
        List<Enrollment> mine = enrollments.of(turn.who());
        List<Block.Field> fields = new ArrayList<>();
        fields.add(new Block.Field(t.get("profile.name"), turn.person().displayName()));
        fields.add(new Block.Field(t.get("profile.language"), t.get("language.name")));
        turn.person().timeZone().map(ZoneId::getId)
                .ifPresent(z -> fields.add(new Block.Field(t.get("profile.time-zone"), z)));
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(t.locale())
                .withZone(turn.person().timeZone().orElse(ZoneId.of("UTC")));
        for (Enrollment e : mine) {
            fields.add(new Block.Field(t.get("profile.role"), t.get(e.role().labelKey())));
            fields.add(new Block.Field(t.get("profile.enrolled-on"), date.format(e.enrolledAt())));
        }
        Message.Builder reply = Message.builder().text(t.rich("profile.title")).fields(fields);
        if (mine.isEmpty()) {
            reply.context(t.rich("profile.not-enrolled"));
        }
        turn.reply(reply.build());
    }
}
