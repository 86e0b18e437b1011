package org.tandem.core.intake;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import java.util.Optional;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.Turn;
import org.tandem.core.module.Events;
import org.tandem.core.module.Feature;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItems;
import org.tandem.core.settings.Settings;

/**
 * Intake, assembled: joining a programme (questionnaire and consent), editing one's profile, leaving. It publishes
 * {@link PersonEnrolled} and {@link PersonLeft}; the coordinators' daily summary of enrolments listens to the first.
 * A mentor's profile shows what they gave through {@link MentorFigures}, which the pairs implement. The one entry
 * type of the feature.
 */
public final class IntakeModule implements Feature {

    private final Enrollments enrollments;
    private final ConsentRefusals refusals;
    private final EnrollmentDigest digest;
    private final IntakeFlow intake;
    private final List<Flow> flows;

    public IntakeModule(MongoDatabase db, Events events, Programs programs, People people, Messenger messenger,
                        DueItems due, Settings settings, MentorFigures figures) {
        this.enrollments = new Enrollments(db);
        this.refusals = new ConsentRefusals(db);
        this.digest = new EnrollmentDigest(enrollments, programs, people, messenger, due, settings);
        ProfileView profile = new ProfileView(programs, enrollments, people, figures);
        this.intake = new IntakeFlow(programs, enrollments, refusals, events, profile);
        this.flows = List.of(
                intake,
                new ProfileFlow(profile, people),
                new LeaveFlow(programs, enrollments, scope -> people.adminTexts(scope, settings.adminLocale()),
                        events));
        events.on(PersonEnrolled.class, e -> digest.plan(e.program().scope(), e.at()));
    }

    @Override
    public String name() {
        return "intake";
    }

    /** Who is enrolled where, with their answers. */
    public Enrollments enrollments() {
        return enrollments;
    }

    /** Who declined the consent, and when (kept so that a refusal is not asked again at once). */
    public ConsentRefusals refusals() {
        return refusals;
    }

    /**
     * Starts the questionnaire of {@code program} for the turn's person, as {@code join} would once they chose it,
     * at the questionnaire of {@code role} when it is given: for invitations and announcements.
     */
    public void begin(Turn turn, Program program, Optional<Role> role) {
        intake.begin(turn, program, role);
    }

    @Override
    public List<Flow> flows() {
        return flows;
    }

    @Override
    public List<DueHandler> handlers() {
        return List.of(digest);
    }
}
