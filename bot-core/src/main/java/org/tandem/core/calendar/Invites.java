package org.tandem.core.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationResult;

/**
 * Writes an {@link Invite} as an {@code .ics} file. Times are written in UTC (RFC 5545 form 2, {@code ...Z}): every
 * client shows them in its own zone, and no VTIMEZONE can disagree with the instants. With attendees it is an iTIP
 * request (METHOD:REQUEST, a cancellation METHOD:CANCEL), which a calendar shows as an invitation to accept; RFC 5546
 * requires attendees there, so when Tandem knows nobody's address it publishes the event instead (METHOD:PUBLISH,
 * called off as STATUS:CANCELLED with the next sequence), which calendars import as it is. The file is validated as
 * it is written (ical4j's RFC 5545 and iTIP rules), so a broken one fails here, not in someone's calendar.
 */
public final class Invites {

    /** The product that wrote the file, as RFC 5545 asks. */
    static final String PRODUCT = "-//Tandem//Mentoring//EN";

    private Invites() {
    }

    /** An invitation, or an update of one when the sequence is above 0. */
    public static String request(Invite invite) {
        return write(invite, invite.attendees().isEmpty() ? ImmutableMethod.PUBLISH : ImmutableMethod.REQUEST,
                ImmutableStatus.VEVENT_CONFIRMED);
    }

    /** Calls the meeting off: same UID, a later sequence than the last invite sent. */
    public static String cancel(Invite invite) {
        return write(invite, invite.attendees().isEmpty() ? ImmutableMethod.PUBLISH : ImmutableMethod.CANCEL,
                ImmutableStatus.VEVENT_CANCELLED);
    }

    private static String write(Invite invite, Method method, Status status) {
        VEvent event = new VEvent(invite.start(), invite.end(), invite.summary());
        event.add(new Uid(invite.uid()));
        event.add(new Sequence(invite.sequence()));
        // the constructor stamped it with the machine's time: the invite's own instant replaces it
        event.replace(new DtStamp(invite.stamp()));
        event.add(status);
        if (!invite.description().isEmpty()) {
            event.add(new Description(invite.description()));
        }
        event.add(new Organizer(new ParameterList(List.of(new Cn(invite.organizer().name()))),
                mailto(invite.organizer())));
        for (Invite.Person p : invite.attendees()) {
            event.add(new Attendee(new ParameterList(List.of(new Cn(p.name()), Role.REQ_PARTICIPANT,
                    PartStat.NEEDS_ACTION, new Rsvp(true))), mailto(p)));
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method);
        calendar.add(event);
        ValidationResult checked = calendar.validate();
        if (checked.hasErrors()) {
            throw new IllegalStateException("an invite that calendars would refuse: " + checked.getEntries());
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static URI mailto(Invite.Person p) {
        return URI.create("mailto:" + p.email().strip());
    }
}
