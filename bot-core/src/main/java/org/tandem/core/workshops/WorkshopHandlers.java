package org.tandem.core.workshops;

import java.util.List;
import java.util.Optional;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItem;
import org.tandem.core.schedule.FanOut;

/**
 * The workshops' due items: one invitation per participant, and one reminder per person who said yes. Each does
 * nothing once it no longer makes sense (the person left, changed their mind, or the workshop is over).
 */
public final class WorkshopHandlers {

    static final String ANNOUNCE = "workshop.announce";
    static final String REMIND = "workshop.remind";

    private WorkshopHandlers() {
    }

    static String reminderKey(Workshop w, PersonRef person) {
        return FanOut.key(REMIND, w.id(), person);
    }

    public static List<DueHandler> of(Workshops workshops, Programs programs, Enrollments enrollments, People people,
                                      Messenger messenger, java.time.Clock clock) {
        return List.of(
                DueHandler.of(ANNOUNCE, item -> find(item, workshops, programs, clock).ifPresent(w -> {
                    PersonRef to = PersonRef.fromKey(item.payloadString("person"));
                    if (enrollments.find(to, w.workshop.program()).isPresent()) {
                        Texts t = people.texts(to);
                        messenger.send(Address.person(to), WorkshopMessages.invitation(t, w.workshop, w.program,
                                WorkshopMessages.zoneOf(people.find(to), w.workshop)));
                    }
                })),
                DueHandler.of(REMIND, item -> find(item, workshops, programs, clock).ifPresent(w -> {
                    PersonRef to = PersonRef.fromKey(item.payloadString("person"));
                    if (w.workshop.going().contains(to)) {
                        messenger.send(Address.person(to), WorkshopMessages.reminder(people.texts(to), w.workshop, w.program,
                                WorkshopMessages.zoneOf(people.find(to), w.workshop)));
                    }
                })));
    }

    private record Found(Workshop workshop, String program) {}

    private static Optional<Found> find(DueItem item, Workshops workshops, Programs programs, java.time.Clock clock) {
        return workshops.find(item.payloadString("workshop")).filter(w -> w.at().isAfter(clock.instant()))
                .map(w -> new Found(w, programs.find(w.program()).map(Program::name).orElse("?")));
    }
}
