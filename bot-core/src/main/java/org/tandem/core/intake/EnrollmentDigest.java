package org.tandem.core.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Scope;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItem;
import org.tandem.core.schedule.DueItems;
import org.tandem.core.settings.Settings;

/**
 * The coordinators' once-a-day summary of new enrolments, instead of one post each. Each enrolment makes sure
 * the next summary of its workspace is planned (one due item per workspace and day, whoever enrols first); the
 * summary lists the enrolments of the day before it.
 */
public final class EnrollmentDigest implements DueHandler {

    static final String KIND = "digest.enrolments";
    /** A summary names at most this many people per programme; the rest are counted. */
    static final int MAX_NAMES = 15;

    private final Enrollments enrollments;
    private final Programs programs;
    private final People people;
    private final Messenger messenger;
    private final DueItems due;
    private final Settings settings;

    public EnrollmentDigest(Enrollments enrollments, Programs programs, People people, Messenger messenger,
                            DueItems due, Settings settings) {
        this.enrollments = enrollments;
        this.programs = programs;
        this.people = people;
        this.messenger = messenger;
        this.due = due;
        this.settings = settings;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Plans the summary that will include an enrolment made at {@code at} (idempotent). */
    public void plan(Scope scope, Instant at) {
        Instant next = next(at);
        due.schedule(KIND + "|" + scope.key() + "|" + next, KIND, scope.platform(), scope.tenant(),
                Map.of("until", next.toString()), next);
    }

    /** The first digest time strictly after an instant. */
    Instant next(Instant at) {
        ZonedDateTime local = at.atZone(settings.digestZone());
        ZonedDateTime candidate = local.toLocalDate().atTime(settings.digestTime()).atZone(settings.digestZone());
        return (candidate.isAfter(local) ? candidate : candidate.plusDays(1)).toInstant();
    }

    @Override
    public void perform(DueItem item) {
        Scope scope = item.scope();
        Instant until = Instant.parse(item.payloadString("until"));
        List<Enrollment> made = enrollments.enrolledBetween(scope, until.minus(Duration.ofDays(1)), until);
        if (made.isEmpty()) {
            return;
        }
        Texts t = people.adminTexts(scope, settings.adminLocale());
        Map<String, List<Enrollment>> byProgram = new LinkedHashMap<>();
        made.forEach(e -> byProgram.computeIfAbsent(e.program(), k -> new ArrayList<>()).add(e));
        List<Rich> lines = new ArrayList<>();
        byProgram.forEach((program, list) -> {
            String name = programs.find(program).map(Program::name).orElse("?");
            List<String> who = new ArrayList<>(list.stream().limit(MAX_NAMES).map(e -> t.get("digest.person",
                    people.name(e.person()), t.get(e.role().labelKey()))).toList());
            if (list.size() > MAX_NAMES) {
                who.add(t.get("digest.more", list.size() - MAX_NAMES));
            }
            lines.add(t.rich("digest.line", name, list.size(), String.join(", ", who)));
        });
        messenger.send(Address.admin(scope), Message.builder()
                .text(t.rich("digest.title", made.size()))
                .text(Rich.join("\n", lines))
                .context(t.rich("digest.footer"))
                .build());
    }
}
