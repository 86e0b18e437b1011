package org.tandem.core.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.tandem.core.audit.AuditEntry;
import org.tandem.core.audit.AuditLog;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Router;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.Enrollment;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;

/**
 * {@code pair PERSON}: a participant's enrolments and pairs — stages, dates and meeting counts, never what anyone
 * wrote. {@code end pair PERSON}: closes an open pair after a confirmation (guarded: one close, whoever clicks
 * first); both people are told kindly.
 */
public final class PairFlow implements Flow {

    static final String ID = "pair";
    static final String END = ID + ".end";
    static final String KEEP = "keep";
    static final int MAX_PAIRS = 10;

    private final Programs programs;
    private final Enrollments enrollments;
    private final Pairs pairs;
    private final People people;
    private final Participants participants;
    private final RhythmFigures rhythm;
    private final AuditLog audit;
    private final ZoneId zone;

    public PairFlow(Programs programs, Enrollments enrollments, Pairs pairs, People people, RhythmFigures rhythm,
                    AuditLog audit, ZoneId zone) {
        this.programs = programs;
        this.enrollments = enrollments;
        this.pairs = pairs;
        this.people = people;
        this.rhythm = rhythm;
        this.audit = audit;
        this.zone = zone;
        this.participants = new Participants(programs, enrollments, pairs, people);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("pair", Audience.COORDINATOR, "help.usage.pair", "help.about.pair"),
                new CommandSpec("end", Audience.COORDINATOR, "help.usage.end", "help.about.end"));
    }

    @Override
    public void bind(Bindings on) {
        on.click(END, Access.COORDINATORS, this::end);
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        if (command.name().equals("end")) {
            // "end pair", "terminer binôme": the second word is the pair command's, in any language
            String second = command.arg(0).orElse("");
            if (!"pair".equals(turn.commandWords().get(Router.fold(second)))) {
                turn.reply("admin.end.usage");
                return;
            }
            participants.resolve(turn, command.rest().strip().substring(second.length()).strip())
                    .ifPresent(p -> askEnd(turn, p));
            return;
        }
        participants.resolve(turn, command.rest()).ifPresent(p -> show(turn, p));
    }

    private void show(Turn turn, PersonRef person) {
        Texts t = turn.t();
        Message.Builder m = Message.builder().text(t.rich("admin.pair.title", people.name(person)));
        for (Enrollment e : enrollments.of(person)) {
            m.context(t.rich("admin.pair.enrolled", t.get(e.role().labelKey()), programName(e.program()),
                    Dates.day(t, zone, e.enrolledAt())));
        }
        List<Pair> mine = pairs.of(person, EnumSet.allOf(PairStatus.class)).stream()
                .filter(p -> p.scope().equals(turn.who().scope()))
                .sorted(Comparator.comparing((Pair p) -> !p.status().open()).thenComparing(Pair::createdAt,
                        Comparator.reverseOrder()))
                .limit(MAX_PAIRS).toList();
        if (mine.isEmpty()) {
            m.text(t.rich("admin.pair.none"));
        }
        for (Pair p : mine) {
            PersonRef other = p.other(person);
            m.text(t.rich("admin.pair.with", people.name(other), t.get("role." + p.roleOf(other)),
                    programName(p.program()), StatusFlow.stage(t, p.status())));
            m.fields(dates(t, p, turn.now()));
        }
        turn.reply(m.context(t.rich("admin.pair.private")).build());
    }

    private List<Block.Field> dates(Texts t, Pair p, Instant now) {
        List<Block.Field> out = new ArrayList<>();
        for (Map.Entry<String, Instant> e : pairs.milestones(p.id()).entrySet()) {
            out.add(new Block.Field(t.get("admin.pair.date." + e.getKey()), Dates.day(t, zone, e.getValue())));
        }
        OptionalInt meetings = rhythm.meetings(p.id());
        out.add(new Block.Field(t.get("admin.pair.meetings"),
                meetings.isPresent() ? Integer.toString(meetings.getAsInt()) : t.get("status.not-measured")));
        rhythm.nextMeeting(p.id(), now).ifPresent(next -> out.add(new Block.Field(
                t.get("admin.pair.next"), t.dateTime(next, zone))));
        return out;
    }

    private void askEnd(Turn turn, PersonRef person) {
        Texts t = turn.t();
        List<Pair> open = pairs.of(person, PairStatus.OPEN).stream()
                .filter(p -> p.scope().equals(turn.who().scope())).toList();
        if (open.isEmpty()) {
            turn.reply("admin.end.none", people.name(person));
            return;
        }
        List<Block.Button> buttons = new ArrayList<>();
        for (Pair p : open) {
            buttons.add(new Block.Button(END, t.get("admin.end.button", people.name(p.mentee()),
                    people.name(p.mentor()), programName(p.program())), p.id() + ":" + person.key(),
                    Block.Style.DANGER));
        }
        buttons.add(new Block.Button(END, t.get("admin.end.keep"), KEEP));
        turn.reply(Message.builder().text(t.rich("admin.end.confirm", people.name(person), open.size()))
                .context(t.rich("admin.end.what-happens")).buttons(buttons).build());
    }

    private void end(Turn turn, Input.Click click) {
        turn.chosen(click);
        String[] parts = click.value().split(":", 2);
        if (parts[0].equals(KEEP) || parts.length != 2) {
            turn.reply("admin.end.kept");
            return;
        }
        Optional<Pair> pair = pairs.find(parts[0]).filter(p -> p.scope().equals(turn.who().scope()));
        if (pair.isEmpty() || !pair.get().status().open()) {
            turn.reply("admin.end.gone");
            return;
        }
        // a proposal was never announced to the two people: it is withdrawn without a word to them
        Optional<Pair> ended = pairs.end(pair.get().id(), Pairs.EndedBy.COORDINATOR, turn.now());
        if (ended.isEmpty()) {
            turn.reply("admin.end.gone");
            return;
        }
        Pair p = ended.get();
        boolean told = p.status() == PairStatus.ENDED;
        String program = programName(p.program());
        if (told) {
            tell(turn, p.mentee(), "admin.end.told.mentee", people.name(p.mentor()), program);
            tell(turn, p.mentor(), "admin.end.told.mentor", people.name(p.mentee()), program);
        }
        audit.record(AuditEntry.by(turn.who(), AuditEntry.PAIR_ENDED, p.id(), "admin", turn.now()).in(p.program())
                .about(PersonRef.fromKey(parts[1])));
        turn.reply(told ? "admin.end.done" : "admin.end.withdrawn", people.name(p.mentee()), people.name(p.mentor()),
                program);
    }

    private void tell(Turn turn, PersonRef who, String key, Object... args) {
        turn.messenger().send(Address.person(who), Message.text(people.texts(who).rich(key, args)));
    }

    private String programName(String id) {
        return programs.find(id).map(Program::name).orElse("?");
    }
}
