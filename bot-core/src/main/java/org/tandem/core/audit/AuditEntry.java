package org.tandem.core.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;

/**
 * One line of the audit log. It holds names and ids only — a command's name, a button's id, a programme, a
 * count — never what anyone typed, so the log can be shown to any coordinator and kept after people leave.
 *
 * @param actor   who did it; empty for the bot's own work and once that person erased their data
 * @param action  what kind of thing happened, one of the constants below (the bundle says it as {@code audit.<action>})
 * @param subject what it was about: a command name, an action or form id, a pair id; empty when nothing more
 * @param place   where: {@code admin}, {@code dm}, {@code group} or {@code bot}
 * @param target  the person it was about, if any; empty once they erased their data
 */
public record AuditEntry(Scope scope, Instant at, Optional<PersonRef> actor, String action, String subject,
                         String place, Optional<String> program, Optional<PersonRef> target, OptionalInt count) {

    public static final String COMMAND = "command";
    public static final String CLICK = "click";
    public static final String SUBMIT = "submit";
    public static final String REFUSED = "refused";
    public static final String REFUSED_COORDINATOR = "refused-coordinator";
    public static final String REFUSED_INPUT = "refused-input";
    public static final String PAIR_ENDED = "pair-ended";
    public static final String BROADCAST = "broadcast";
    public static final String INVITE = "invite";
    public static final String ANNOUNCE = "announce";
    public static final String WORKSHOP = "workshop";
    public static final String EXPORT = "export";
    public static final String MY_DATA = "my-data";
    public static final String FORGOTTEN = "forgotten";
    public static final String RETENTION = "retention";

    public AuditEntry {
        subject = subject == null ? "" : subject;
        actor = actor == null ? Optional.empty() : actor;
        program = program == null ? Optional.empty() : program;
        target = target == null ? Optional.empty() : target;
        count = count == null ? OptionalInt.empty() : count;
    }

    /** An entry of a person's doing in a place, to complete with {@link #about}, {@link #in} and {@link #counting}. */
    public static AuditEntry by(PersonRef actor, String action, String subject, String place, Instant at) {
        return new AuditEntry(actor.scope(), at, Optional.of(actor), action, subject, place, Optional.empty(),
                Optional.empty(), OptionalInt.empty());
    }

    /** An entry of the bot's own doing (a scheduled job). */
    public static AuditEntry bot(Scope scope, String action, Instant at) {
        return new AuditEntry(scope, at, Optional.empty(), action, "", "bot", Optional.empty(), Optional.empty(),
                OptionalInt.empty());
    }

    public AuditEntry in(String programId) {
        return new AuditEntry(scope, at, actor, action, subject, place, Optional.ofNullable(programId), target, count);
    }

    public AuditEntry about(PersonRef person) {
        return new AuditEntry(scope, at, actor, action, subject, place, program, Optional.ofNullable(person), count);
    }

    public AuditEntry counting(int n) {
        return new AuditEntry(scope, at, actor, action, subject, place, program, target, OptionalInt.of(n));
    }
}
