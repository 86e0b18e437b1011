package org.tandem.core.workshops;

import java.time.ZoneId;
import java.util.List;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Person;
import org.tandem.core.conversation.i18n.Texts;

/** What participants read about a workshop: the invitation with its two buttons, and the reminder. */
final class WorkshopMessages {

    private WorkshopMessages() {
    }

    static Message invitation(Texts t, Workshop w, String program, ZoneId zone) {
        return Message.builder()
                .text(t.rich("workshop.invite", program, w.title()))
                .fields(details(t, w, zone))
                .buttons(List.of(
                        new Block.Button(WorkshopFlow.RSVP, t.get("workshop.yes"), w.id() + ":yes",
                                Block.Style.PRIMARY),
                        new Block.Button(WorkshopFlow.RSVP, t.get("workshop.no"), w.id() + ":no")))
                .context(t.rich("workshop.invite.footer"))
                .build().asking("workshop|" + w.id(), t.locale());
    }

    static Message reminder(Texts t, Workshop w, String program, ZoneId zone) {
        return Message.builder()
                .text(t.rich("workshop.reminder", w.title(), program))
                .fields(details(t, w, zone))
                .build();
    }

    static List<Block.Field> details(Texts t, Workshop w, ZoneId zone) {
        return List.of(new Block.Field(t.get("workshop.when"), when(t, w, zone)),
                new Block.Field(t.get("workshop.where"), w.where()));
    }

    /** The time in a zone, e.g. "Tuesday, April 14, 2026, 5:30 PM (Europe/Paris)". */
    static String when(Texts t, Workshop w, ZoneId zone) {
        return t.dateTime(w.at(), zone) + " (" + zone.getId() + ")";
    }

    /** A person's own zone when the platform told it, else the one the coordinator used. */
    static ZoneId zoneOf(java.util.Optional<Person> person, Workshop w) {
        return person.flatMap(Person::timeZone).orElse(w.zone());
    }
}
