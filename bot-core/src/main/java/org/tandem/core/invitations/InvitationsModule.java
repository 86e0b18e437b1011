package org.tandem.core.invitations;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tandem.core.audit.AuditLog;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Questions;
import org.tandem.core.conversation.Scope;
import org.tandem.core.intake.IntakeModule;
import org.tandem.core.intake.PersonEnrolled;
import org.tandem.core.module.Events;
import org.tandem.core.module.Feature;
import org.tandem.core.module.PersonalData;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItems;
import org.tandem.core.schedule.FanOut;
import org.tandem.core.settings.Settings;

/**
 * Getting people in, assembled: {@code invite} (by address, pasted list or CSV, or a channel's members), the
 * invitation's DM and its reminder, the invited person's answer, and {@code announce}. It listens to
 * {@link PersonEnrolled}: an invited person who enrolled has joined, however they got there. The one entry type of
 * the feature.
 */
public final class InvitationsModule implements Feature {

    private final Invitations invitations;
    private final InvitationMessages messages;
    private final List<Flow> flows;
    private final DueItems due;
    private final Programs programs;
    private final Questions questions;
    private final Messenger messenger;

    public InvitationsModule(MongoDatabase db, Events events, Programs programs, IntakeModule intake, People people,
                             Messenger messenger, Questions questions, DueItems due, AuditLog audit,
                             Settings settings) {
        this.invitations = new Invitations(db);
        this.due = due;
        this.programs = programs;
        this.questions = questions;
        this.messenger = messenger;
        this.messages = new InvitationMessages(invitations, programs, intake.enrollments(), people, messenger, due,
                settings.adminLocale());
        this.flows = List.of(
                new InviteFlow(programs, intake.enrollments(), invitations, due, audit, messenger),
                new InvitationFlow(invitations, programs, intake, due),
                new AnnounceFlow(programs, intake, audit, messenger, settings));
        events.on(PersonEnrolled.class, e -> {
            if (invitations.joined(e.program().id(), e.person(), e.at())) {
                String id = Invitations.id(e.program().id(), e.person());
                due.cancel(FanOut.key(InvitationMessages.SEND, e.program().id(), e.person()));
                due.cancel(InvitationMessages.reminderKey(id));
                questions.close(InvitationMessages.question(id),
                        Questions.Outcome.of("invitation.outcome.joined", e.program().name()));
            }
        });
    }

    @Override
    public String name() {
        return "invitations";
    }

    /** Who was invited where, and how they answered (the report's funnel reads {@link Invitations#counts}). */
    public Invitations invitations() {
        return invitations;
    }

    /** A programme's funnel: invited, joined, declined. */
    public Invitations.Counts counts(String programId) {
        return invitations.counts(programId);
    }

    @Override
    public List<Flow> flows() {
        return flows;
    }

    @Override
    public List<DueHandler> handlers() {
        return messages.handlers();
    }

    @Override
    public List<PersonalData> personalData() {
        return List.of(new PersonalData() {
            @Override
            public String section() {
                return "invitations";
            }

            @Override
            public Optional<Object> export(PersonRef person) {
                List<Map<String, Object>> mine = invitations.of(person);
                mine.forEach(m -> m.put("program", programs.find((String) m.get("program")).map(Program::name)
                        .orElse("?")));
                return mine.isEmpty() ? Optional.empty() : Optional.of(mine);
            }

            @Override
            public void erase(PersonRef person, PersonRef standIn) {
                invitations.forget(person);
            }

            @Override
            public Set<String> traces(PersonRef person) {
                return invitations.traces(person);
            }

            @Override
            public void eraseProgram(String programId) {
                invitations.eraseProgram(programId);
            }

            @Override
            public void eraseWorkspace(Scope scope) {
                // people invited who never wrote to the bot are known to no other store: what was planned for them
                // goes with their invitations
                for (PersonRef p : invitations.invitedIn(scope)) {
                    Messenger.Forgotten forgotten = new Messenger.Forgotten(p, invitations.name(p).orElse(null),
                            invitations.traces(p));
                    due.forget("person", p.key());
                    questions.forget(p, forgotten.needles());
                    messenger.forget(forgotten);
                }
                invitations.eraseWorkspace(scope);
            }
        });
    }
}
