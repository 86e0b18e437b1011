package org.tandem.core.rhythm;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Turn;

/** {@code pause 2 weeks} (holidays: no nudges until then) and {@code resume}. */
final class PauseFlow implements Flow {

    static final int MAX_DAYS = 90;
    private static final Pattern SPAN = Pattern.compile("(\\d{1,3})\\s*(d|day|days|jour|jours|w|week|weeks|semaine|semaines)");

    private final Rhythm rhythm;

    PauseFlow(Rhythm rhythm) {
        this.rhythm = rhythm;
    }

    @Override
    public String id() {
        return "pause";
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("pause", Audience.PARTICIPANT, "help.usage.pause", "help.about.pause"),
                new CommandSpec("resume", Audience.PARTICIPANT, "help.usage.resume", "help.about.resume"));
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        if (command.name().equals("resume")) {
            turn.reply(rhythm.pauses.resumePerson(turn.who()) ? "pause.resumed" : "pause.not-paused");
            return;
        }
        Optional<Duration> span = parse(command.rest());
        if (span.isEmpty()) {
            turn.reply("pause.usage", MAX_DAYS);
            return;
        }
        Instant until = turn.now().plus(span.get());
        rhythm.pauses.pausePerson(turn.who(), until);
        turn.reply("pause.done", rhythm.date(turn.t(), until, turn.person().timeZone()
                .orElse(java.time.ZoneOffset.UTC)));
    }

    /** "2 weeks", "10 days", "3 semaines"; a bare number is days; at most {@value #MAX_DAYS} days. */
    static Optional<Duration> parse(String typed) {
        String s = typed.strip().toLowerCase(Locale.ROOT);
        long days;
        if (s.matches("\\d{1,3}")) {
            days = Long.parseLong(s);
        } else {
            Matcher m = SPAN.matcher(s);
            if (!m.matches()) {
                return Optional.empty();
            }
            long n = Long.parseLong(m.group(1));
            days = m.group(2).startsWith("w") || m.group(2).startsWith("s") ? n * 7 : n;
        }
        return days >= 1 && days <= MAX_DAYS ? Optional.of(Duration.ofDays(days)) : Optional.empty();
    }
}
