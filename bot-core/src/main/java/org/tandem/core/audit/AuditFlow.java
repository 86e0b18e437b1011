package org.tandem.core.audit;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;

/** {@code audit [N]}: the latest entries of the workspace's audit log, newest first, in the coordinators' zone. */
public final class AuditFlow implements Flow {

    static final int DEFAULT_LINES = 25;
    static final int MAX_LINES = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AuditLog log;
    private final People people;
    private final Programs programs;
    private final ZoneId zone;

    public AuditFlow(AuditLog log, People people, Programs programs, ZoneId zone) {
        this.log = log;
        this.people = people;
        this.programs = programs;
        this.zone = zone;
    }

    @Override
    public String id() {
        return "audit";
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("audit", Audience.COORDINATOR, "help.usage.audit", "help.about.audit"));
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        int lines = command.arg(0).filter(a -> a.matches("[0-9]{1,3}")).map(Integer::parseInt)
                .map(n -> Math.max(1, Math.min(MAX_LINES, n))).orElse(DEFAULT_LINES);
        List<AuditEntry> entries = log.recent(turn.who().scope(), lines);
        Texts t = turn.t();
        turn.reply(Message.builder()
                .text(t.rich("audit.title", entries.size()))
                .text(Rich.join("\n", entries.stream().map(e -> line(t, e)).toList()))
                .context(t.rich("audit.footer", zone.getId()))
                .build());
    }

    private Rich line(Texts t, AuditEntry e) {
        String who = e.place().equals("bot") ? t.get("audit.who.bot")
                : e.actor().map(people::name).orElse(t.get("audit.who.erased"));
        String program = e.program().map(id -> programs.find(id).map(Program::name).orElse("?"))
                .orElse(t.get("audit.all-programmes"));
        String target = e.target().map(people::name).orElse(t.get("audit.who.erased"));
        String place = t.has("audit.place." + e.place()) ? t.get("audit.place." + e.place()) : e.place();
        Object count = e.count().isPresent() ? (Object) e.count().getAsInt() : "—";
        String key = "audit." + e.action();
        Rich what = t.has(key) ? t.rich(key, e.subject(), program, count, target, place) : Rich.literal(e.action());
        return t.rich("audit.line", WHEN.format(e.at().atZone(zone)), who, what);
    }
}
