package org.tandem.core.invitations;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Person;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItem;
import org.tandem.core.schedule.DueItems;

/**
 * The invitation's DM, when its due item comes up, and its one reminder a week later: in the person's language (the
 * workspace's when Tandem never met them), as a recorded question that shows its answer once given. Someone who
 * joined, declined, or whose programme no longer takes people, gets nothing.
 */
final class InvitationMessages {

    static final String SEND = "invitation.send";
    static final String REMIND = "invitation.remind";
    static final Duration REMINDER_AFTER = Duration.ofDays(7);

    private final Invitations invitations;
    private final Programs programs;
    private final Enrollments enrollments;
    private final People people;
    private final Messenger messenger;
    private final DueItems due;
    private final Locale workspaceLocale;

    InvitationMessages(Invitations invitations, Programs programs, Enrollments enrollments, People people,
                       Messenger messenger, DueItems due, Locale workspaceLocale) {
        this.invitations = invitations;
        this.programs = programs;
        this.enrollments = enrollments;
        this.people = people;
        this.messenger = messenger;
        this.due = due;
        this.workspaceLocale = workspaceLocale;
    }

    List<DueHandler> handlers() {
        return List.of(DueHandler.of(SEND, item -> deliver(item, false)),
                DueHandler.of(REMIND, item -> deliver(item, true)));
    }

    /** The question the invitation's copies (the first message and the reminder) answer. */
    static String question(String invitation) {
        return "invitation|" + invitation;
    }

    static String reminderKey(String invitation) {
        return REMIND + "|" + invitation;
    }

    private void deliver(DueItem item, boolean reminder) {
        PersonRef to = PersonRef.fromKey(item.payloadString("person"));
        Optional<Invitations.Invitation> invitation = invitations.find(item.payloadString("program"), to)
                .filter(i -> i.status() == Invitations.Status.INVITED);
        Optional<Program> program = invitation.flatMap(i -> programs.find(i.program()))
                .filter(p -> p.state().enrolling());
        if (program.isEmpty() || enrollments.find(to, program.get().id()).isPresent()) {
            return;
        }
        Invitations.Invitation i = invitation.get();
        Texts t = Texts.of(people.find(to).map(Person::locale).orElse(workspaceLocale));
        String name = people.find(to).map(Person::displayName).orElse(i.name());
        Message.Builder m = Message.builder();
        if (reminder) {
            m.text(t.rich("invitation.reminder", name, program.get().name()));
        } else {
            m.text(t.rich("invitation.dm", name, program.get().name()));
            if (!program.get().spec().description().isEmpty()) {
                m.context(Rich.literal(program.get().spec().description()));
            }
        }
        messenger.send(Address.person(to), m.text(t.rich("invitation.ask"))
                .buttons(List.of(
                        new Block.Button(InvitationFlow.ANSWER, t.get("invitation.as-mentee"), i.id() + ":mentee",
                                Block.Style.PRIMARY),
                        new Block.Button(InvitationFlow.ANSWER, t.get("invitation.as-mentor"), i.id() + ":mentor"),
                        new Block.Button(InvitationFlow.ANSWER, t.get("invitation.not-now"), i.id() + ":no")))
                .context(t.rich("invitation.footer"))
                .build().asking(question(i.id()), t.locale()));
        if (reminder) {
            invitations.reminded(i.id(), item.dueAt());
        } else {
            invitations.sent(i.id(), item.dueAt());
            // one reminder, a week on; its key is the invitation's, so a retried send plans it once
            due.schedule(reminderKey(i.id()), REMIND, to.platform(), to.tenant(),
                    Map.of("program", i.program(), "person", to.key()), item.dueAt().plus(REMINDER_AFTER));
        }
    }
}
