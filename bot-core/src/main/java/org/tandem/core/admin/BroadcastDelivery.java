package org.tandem.core.admin;

import java.util.Optional;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItem;

/**
 * Sends one broadcast to one participant, in their language, when its due item comes up. Someone who left the
 * programme since the broadcast was sent gets nothing.
 */
public final class BroadcastDelivery implements DueHandler {

    static final String KIND = "broadcast.deliver";

    private final Broadcasts broadcasts;
    private final Programs programs;
    private final Enrollments enrollments;
    private final People people;
    private final Messenger messenger;

    public BroadcastDelivery(Broadcasts broadcasts, Programs programs, Enrollments enrollments, People people,
                             Messenger messenger) {
        this.broadcasts = broadcasts;
        this.programs = programs;
        this.enrollments = enrollments;
        this.people = people;
        this.messenger = messenger;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void perform(DueItem item) {
        PersonRef to = PersonRef.fromKey(item.payloadString("person"));
        Optional<Broadcasts.Broadcast> b = broadcasts.find(item.payloadString("broadcast"))
                .filter(x -> x.status() == Broadcasts.Status.SENT);
        Optional<Program> program = b.flatMap(x -> programs.find(x.program()));
        if (program.isEmpty() || enrollments.find(to, program.get().id()).isEmpty()) {
            return;
        }
        Texts t = people.texts(to);
        messenger.send(Address.person(to), Message.builder()
                .text(t.rich("broadcast.heading", program.get().name()))
                .text(Rich.literal(b.get().text()))
                .context(t.rich("broadcast.footer"))
                .build());
    }
}
