package org.tandem.core.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.tandem.core.audit.AuditEntry;
import org.tandem.core.audit.AuditLog;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.FileAttachment;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.Enrollment;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.ProgramNames;
import org.tandem.core.program.Programs;

/**
 * {@code export [programme]}: a CSV file in the admin channel, one row per participant and pair (a participant
 * without a pair has one row): names, roles, stages, dates and meeting counts. Built from ids, statuses and
 * dates only, so no answer, reason or reflection can slip in.
 */
public final class ExportFlow implements Flow {

    static final List<String> COLUMNS = List.of("programme", "person", "user-id", "role", "enrolled", "pair",
            "partner", "stage", "created", "introduced", "active", "closed", "meetings");

    private final Programs programs;
    private final Enrollments enrollments;
    private final Pairs pairs;
    private final People people;
    private final RhythmFigures rhythm;
    private final AuditLog audit;
    private final ZoneId zone;

    public ExportFlow(Programs programs, Enrollments enrollments, Pairs pairs, People people, RhythmFigures rhythm,
                      AuditLog audit, ZoneId zone) {
        this.programs = programs;
        this.enrollments = enrollments;
        this.pairs = pairs;
        this.people = people;
        this.rhythm = rhythm;
        this.audit = audit;
        this.zone = zone;
    }

    @Override
    public String id() {
        return "export";
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("export", Audience.COORDINATOR, "help.usage.export", "help.about.export"));
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        List<Program> chosen;
        if (command.rest().isEmpty()) {
            chosen = programs.all(turn.who().scope());
        } else {
            Optional<Program> one = ProgramNames.resolve(turn, programs, command.rest(), "export");
            if (one.isEmpty()) {
                return;
            }
            chosen = List.of(one.get());
        }
        if (chosen.isEmpty()) {
            turn.reply("programs.none");
            return;
        }
        Texts t = turn.t();
        Csv csv = new Csv().row(COLUMNS.stream().map(c -> t.get("export.column." + c)).toList());
        int rows = 0;
        for (Program p : chosen) {
            for (List<String> row : rows(t, p)) {
                csv.row(row);
                rows++;
            }
        }
        String what = chosen.size() == 1 ? chosen.get(0).name() : t.get("audit.all-programmes");
        FileAttachment file;
        try {
            file = new FileAttachment(fileName(chosen.size() == 1 ? chosen.get(0).name() : "all", turn.now()),
                    "text/csv", csv.bytes());
        } catch (FileAttachment.TooLarge e) {
            turn.reply("export.too-large");
            return;
        }
        audit.record(AuditEntry.by(turn.who(), AuditEntry.EXPORT, "", "admin", turn.now())
                .in(chosen.size() == 1 ? chosen.get(0).id() : null).counting(rows));
        try {
            turn.replyWithFile(file, Message.builder().text(t.rich("export.ready", what, rows))
                    .context(t.rich("export.private")).build());
        } catch (UnsupportedOperationException e) {
            turn.reply("file.unsupported");
        }
    }

    /** One programme's rows: each enrolled person with each of their pairs, then people paired who since left. */
    private List<List<String>> rows(Texts t, Program p) {
        Map<PersonRef, List<Pair>> byPerson = new LinkedHashMap<>();
        List<Pair> all = pairs.inProgram(p.id(), EnumSet.allOf(PairStatus.class));
        Map<PersonRef, Enrollment> enrolled = new LinkedHashMap<>();
        enrollments.inProgram(p.id()).forEach(e -> {
            enrolled.put(e.person(), e);
            byPerson.put(e.person(), new ArrayList<>());
        });
        for (Pair pair : all) {
            byPerson.computeIfAbsent(pair.mentee(), k -> new ArrayList<>()).add(pair);
            byPerson.computeIfAbsent(pair.mentor(), k -> new ArrayList<>()).add(pair);
        }
        // one query each for the milestones and the names of the whole programme, not one per row
        Map<String, Map<String, Instant>> milestones = pairs.milestonesOf(p.id());
        Map<PersonRef, String> names = people.names(byPerson.keySet());
        List<List<String>> out = new ArrayList<>();
        byPerson.forEach((person, theirs) -> {
            Optional<Enrollment> e = Optional.ofNullable(enrolled.get(person));
            String role = e.map(x -> t.get(x.role().labelKey())).orElse("");
            String since = e.map(x -> day(x.enrolledAt())).orElse("");
            if (theirs.isEmpty()) {
                out.add(List.of(p.name(), names.get(person), person.userId(), role, since, "", "", "", "", "", "",
                        "", ""));
            }
            for (Pair pair : theirs) {
                String myRole = role.isEmpty() ? t.get("role." + pair.roleOf(person)) : role;
                Map<String, Instant> at = milestones.getOrDefault(pair.id(), Map.of());
                OptionalInt meetings = rhythm.meetings(pair);
                out.add(List.of(p.name(), names.get(person), person.userId(), myRole, since, pair.id(),
                        names.get(pair.other(person)), StatusFlow.stage(t, pair.status()), day(at.get("createdAt")),
                        day(at.get("introducedAt")), day(at.get("activeAt")), day(at.get("closedAt")),
                        meetings.isPresent() ? Integer.toString(meetings.getAsInt()) : ""));
            }
        });
        return out;
    }

    private String day(Instant at) {
        return at == null ? "" : LocalDate.ofInstant(at, zone).toString();
    }

    static String fileName(String what, Instant now) {
        String slug = what.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        slug = slug.isEmpty() ? "programme" : slug.substring(0, Math.min(40, slug.length()));
        return "tandem-" + slug + "-" + LocalDate.ofInstant(now, java.time.ZoneOffset.UTC) + ".csv";
    }
}
