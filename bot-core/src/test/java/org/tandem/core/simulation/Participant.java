package org.tandem.core.simulation;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.tandem.core.conversation.Input;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.RecordingMessenger;

/** One simulated person: who they are, how they behave, what they have not read yet and what they clicked. */
final class Participant {

    final Chat.Person person;
    final boolean mentee;
    final Behaviour behaviour;
    final ZoneId zone;
    final List<RecordingMessenger.Sent> inbox = new ArrayList<>();
    final List<Input.Click> pressed = new ArrayList<>();
    /** In a pair that agreed (the rhythm concerns them). */
    boolean active;
    boolean paused;
    boolean extended;
    /** Left or erased: they do nothing more. */
    boolean gone;

    Participant(Chat.Person person, boolean mentee, Behaviour behaviour, ZoneId zone) {
        this.person = person;
        this.mentee = mentee;
        this.behaviour = behaviour;
        this.zone = zone;
    }

    @Override
    public String toString() {
        return person.ref().userId() + " (" + behaviour + ", " + zone + ")";
    }
}
