package org.tandem.core.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.tandem.core.conversation.i18n.Texts;

/** Dates as coordinators read them: a medium date in their language and time zone. */
final class Dates {

    private Dates() {
    }

    static String day(Texts t, ZoneId zone, Instant at) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(t.locale()).format(at.atZone(zone));
    }
}
