package org.tandem.core.rhythm;

import static org.tandem.core.rhythm.CheckInFlow.MET_FORM;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.FormBuilder;
import org.tandem.core.conversation.FormCheck;
import org.tandem.core.conversation.i18n.Texts;

/** The check-in's two date forms (when we met, with a private note; when we will meet) and their date's check. */
final class DateForms {

    private DateForms() {
    }

    /** The date typed: a day of the last 90 when it is past, of the next 120 when it is to come. */
    static Optional<LocalDate> date(FormCheck check, LocalDate today, boolean past) {
        String raw = check.name("date", true, 10);
        if (!check.ok()) {
            return Optional.empty();
        }
        try {
            LocalDate d = LocalDate.parse(raw);
            if (past && (d.isAfter(today) || d.isBefore(today.minusDays(90)))) {
                check.error("date", "checkin.date.past");
            } else if (!past && (d.isBefore(today) || d.isAfter(today.plusDays(120)))) {
                check.error("date", "checkin.date.future");
            }
            return check.ok() ? Optional.of(d) : Optional.empty();
        } catch (DateTimeException e) {
            check.error("date", "checkin.date.invalid");
            return Optional.empty();
        }
    }

    static Block.Form form(Texts t, String formId, Map<String, List<String>> values, Map<String, String> errors) {
        boolean met = formId.equals(MET_FORM);
        FormBuilder b = new FormBuilder(formId, t.get(met ? "checkin.met.title" : "checkin.scheduled.title"), t,
                values, errors).date("date", met ? "checkin.met.date" : "checkin.scheduled.date", true, null);
        if (met) {
            b.textarea("note", "checkin.met.note", false, 1000, "reflection.private");
        }
        return b.build("checkin.save");
    }
}
