package org.tandem.core.admin;

import java.time.Instant;
import java.time.ZoneId;
import org.tandem.core.conversation.i18n.Texts;

/** Dates as coordinators read them: a compact date in their language and time zone. */
final class Dates {

    private Dates() {
    }

    static String day(Texts t, ZoneId zone, Instant at) {
        return t.shortDate(at, zone);
    }
}
