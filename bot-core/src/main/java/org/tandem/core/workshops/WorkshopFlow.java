package org.tandem.core.workshops;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tandem.core.audit.AuditEntry;
import org.tandem.core.audit.AuditLog;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.ConversationState;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.FormBuilder;
import org.tandem.core.conversation.FormCheck;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.Enrollment;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.ProgramNames;
import org.tandem.core.program.Programs;
import org.tandem.core.schedule.DueItems;
import org.tandem.core.schedule.FanOut;

/**
 * {@code workshop [programme]}: a form (title, date and time, link or place), then the announcement to every
 * participant, one due item each, with "I'll be there" / "I can't make it". A yes plans a reminder the day before
 * (one due item per person and workshop); a no cancels it. {@code workshops}: what is coming and who is going.
 */
public final class WorkshopFlow implements Flow {

    static final String ID = "workshop";
    static final String FORM = ID + ".form";
    static final String RSVP = ID + ".rsvp";
    static final Duration REMIND_BEFORE = Duration.ofDays(1);

    /** The steps of a workshop: it is being planned. */
    enum Step { PLAN }

    private final Programs programs;
    private final Enrollments enrollments;
    private final Workshops workshops;
    private final People people;
    private final DueItems due;
    private final AuditLog audit;
    private final ZoneId zone;
    private final Messenger messenger;

    public WorkshopFlow(Programs programs, Enrollments enrollments, Workshops workshops, People people, DueItems due,
                        AuditLog audit, ZoneId zone, Messenger messenger) {
        this.messenger = messenger;
        this.programs = programs;
        this.enrollments = enrollments;
        this.workshops = workshops;
        this.people = people;
        this.due = due;
        this.audit = audit;
        this.zone = zone;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("workshop", Audience.COORDINATOR, "help.usage.workshop", "help.about.workshop"),
                new CommandSpec("workshops", Audience.COORDINATOR, "help.usage.workshops", "help.about.workshops"));
    }

    /** The invitation's answer is for the programme's participants, invited one by one; the form for coordinators. */
    @Override
    public void bind(Bindings on) {
        on.submit(FORM, Access.COORDINATORS, Set.of("title", "date", "time", "where"), this::plan)
                .click(RSVP, Access.named(this::invitees), this::rsvp);
    }

    private Set<PersonRef> invitees(String value) {
        int colon = value.indexOf(':');
        return workshops.find(colon < 0 ? value : value.substring(0, colon))
                .map(w -> enrollments.inProgram(w.program()).stream().map(Enrollment::person)
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        if (command.name().equals("workshops")) {
            list(turn);
            return;
        }
        ProgramNames.resolve(turn, programs, command.rest(), "workshop").ifPresent(p -> {
            turn.save(ConversationState.start(ID, Step.PLAN).with("program", p.id()));
            turn.reply(Message.of(form(turn.t(), p, Map.of(), Map.of())));
        });
    }

    private void plan(Turn turn, Input.Submit submit) {
        Optional<Program> program = turn.state().filter(s -> s.in(ID, Step.PLAN))
                .flatMap(s -> programs.find(s.string("program")));
        if (program.isEmpty()) {
            turn.reply("workshop.expired");
            return;
        }
        FormCheck check = new FormCheck(submit, turn.t());
        String title = check.text("title", true, 120);
        String date = check.text("date", true, 10);
        String time = check.text("time", true, 5);
        String where = check.text("where", true, 300);
        Instant at = null;
        if (!date.isEmpty() && !time.isEmpty()) {
            Optional<LocalDate> day = parsed(date, LocalDate::parse);
            Optional<LocalTime> hour = parsed(time, LocalTime::parse);
            if (day.isEmpty()) {
                check.error("date", "workshop.form.date-invalid");
            }
            if (hour.isEmpty()) {
                check.error("time", "workshop.form.time-invalid");
            }
            if (day.isPresent() && hour.isPresent()) {
                at = LocalDateTime.of(day.get(), hour.get()).atZone(zone).toInstant();
                if (!at.isAfter(turn.now())) {
                    check.error("date", "workshop.form.past");
                }
            }
        }
        if (!check.ok()) {
            turn.reply(Message.of(form(turn.t(), program.get(), check.submitted(), check.errors())));
            return;
        }
        turn.clearState();
        List<PersonRef> to = enrollments.inProgram(program.get().id()).stream().map(Enrollment::person).toList();
        Workshop w = workshops.create(program.get().scope(), program.get().id(), title, at, zone, where, turn.who(),
                to.size(), turn.now());
        FanOut.plan(due, WorkshopHandlers.ANNOUNCE, w.id(), to, Map.of("workshop", w.id()), turn.now(),
                messenger.pace(program.get().scope()));
        audit.record(AuditEntry.by(turn.who(), AuditEntry.WORKSHOP, w.id(), "admin", turn.now())
                .in(program.get().id()).counting(to.size()));
        turn.reply(Message.builder().text(turn.t().rich("workshop.announced", title, to.size(), program.get().name()))
                .fields(WorkshopMessages.details(turn.t(), w, zone)).build());
    }

    /** One may change one's mind until the workshop: the invitation keeps its buttons. */
    private void rsvp(Turn turn, Input.Click click) {
        String[] parts = click.value().split(":", 2);
        Optional<Workshop> w = workshops.find(parts[0]).filter(x -> x.scope().equals(turn.who().scope()))
                .filter(x -> enrollments.find(turn.who(), x.program()).isPresent());
        if (w.isEmpty() || parts.length != 2) {
            turn.reply("error.stale-action");
            return;
        }
        if (!w.get().at().isAfter(turn.now())) {
            turn.reply("workshop.over", w.get().title());
            return;
        }
        boolean yes = parts[1].equals("yes");
        workshops.answer(w.get().id(), turn.who(), yes);
        String reminder = WorkshopHandlers.reminderKey(w.get(), turn.who());
        Instant remindAt = w.get().at().minus(REMIND_BEFORE);
        if (!yes) {
            due.cancel(reminder);
        } else if (remindAt.isAfter(turn.now())) {
            due.schedule(reminder, WorkshopHandlers.REMIND, turn.who().platform(), turn.who().tenant(),
                    Map.of("workshop", w.get().id(), "person", turn.who().key()), remindAt);
        }
        turn.reply(yes ? "workshop.going" : "workshop.not-going", w.get().title());
    }

    private void list(Turn turn) {
        Texts t = turn.t();
        List<Workshop> coming = workshops.upcoming(turn.who().scope(), turn.now());
        if (coming.isEmpty()) {
            turn.reply("workshops.none");
            return;
        }
        Message.Builder m = Message.builder().text(t.rich("workshops.title", coming.size()));
        for (Workshop w : coming) {
            String program = programs.find(w.program()).map(Program::name).orElse("?");
            List<String> names = new ArrayList<>(w.going().stream().map(people::name).toList());
            int silent = Math.max(0, w.invited() - w.going().size() - w.notGoing());
            m.text(t.rich("workshops.line", w.title(), program));
            m.fields(WorkshopMessages.details(t, w, zone));
            m.text(Rich.join("\n", List.of(
                    t.rich("workshops.going", w.going().size(), names.isEmpty() ? "—" : String.join(", ", names)),
                    t.rich("workshops.others", w.notGoing(), silent))));
        }
        turn.reply(m.build());
    }

    private static <T> Optional<T> parsed(String raw, Function<String, T> parse) {
        try {
            return Optional.of(parse.apply(raw));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Block.Form form(Texts t, Program p, Map<String, List<String>> values,
                                   Map<String, String> errors) {
        return new FormBuilder(FORM, t.get("workshop.form.title", p.name()), t, values, errors)
                .text("title", "workshop.form.name", true, 120, null)
                .date("date", "workshop.form.date", true, null)
                .time("time", "workshop.form.time", true, "workshop.form.when-hint")
                .text("where", "workshop.form.where", true, 300, "workshop.form.where-hint")
                .build("workshop.form.submit");
    }
}
