package org.tandem.core.program;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.FormBuilder;
import org.tandem.core.conversation.FormCheck;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.schedule.WorkingWeek;

/**
 * The programme form's working week: when its day starts and ends and which days people work, each in their own
 * time zone. Days are named by {@code java.time} in the reader's language, not by the bundles.
 */
final class WorkingWeekForm {

    static final String START = "workStart";
    static final String END = "workEnd";
    static final String DAYS = "workDays";
    static final List<String> FIELDS = List.of(START, END, DAYS);
    /** The earliest start and the latest end a programme may set. */
    static final LocalTime EARLIEST = LocalTime.of(6, 0);
    static final LocalTime LATEST = LocalTime.of(22, 0);
    /** A shorter day could never give a mentee and a mentor the 3 hours in common that matching may ask for. */
    static final int MIN_HOURS = 3;
    /** What a form sends and shows: {@code 09:30}; {@code 9:30} is read too. */
    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("H:mm");

    private WorkingWeekForm() {
    }

    static FormBuilder inputs(FormBuilder form, Locale l) {
        return form.time(START, "program.form.work-start", true, "program.form.work-start.hint")
                .time(END, "program.form.work-end", true, null)
                .multiselect(DAYS, "program.form.work-days", true, Arrays.stream(DayOfWeek.values())
                        .map(d -> new Block.Option(value(d), d.getDisplayName(TextStyle.FULL, l))).toList(), null);
    }

    static void values(WorkingWeek week, Map<String, List<String>> into) {
        into.put(START, List.of(week.start().format(WRITTEN)));
        into.put(END, List.of(week.end().format(WRITTEN)));
        into.put(DAYS, week.days().stream().map(WorkingWeekForm::value).toList());
    }

    /** The working week submitted, or empty with each bad field's message in {@code check}. */
    static Optional<WorkingWeek> parse(FormCheck check) {
        Optional<LocalTime> start = time(check, START);
        Optional<LocalTime> end = time(check, END);
        List<String> chosen = check.choices(DAYS, 0, 7, Arrays.stream(DayOfWeek.values())
                .map(WorkingWeekForm::value).toList());
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        chosen.forEach(d -> days.add(DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT))));
        if (days.isEmpty() && !check.errors().containsKey(DAYS)) {
            check.error(DAYS, "program.form.work-days.none");
        }
        if (start.isPresent() && end.isPresent()) {
            if (!end.get().isAfter(start.get())) {
                check.error(END, "program.form.work-end.before-start", start.get().format(WRITTEN));
            } else if (Duration.between(start.get(), end.get()).compareTo(Duration.ofHours(MIN_HOURS)) < 0) {
                check.error(END, "program.form.work-end.too-short", MIN_HOURS);
            }
        }
        if (FIELDS.stream().anyMatch(check.errors()::containsKey)) {
            return Optional.empty();
        }
        return Optional.of(new WorkingWeek(start.get(), end.get(), days));
    }

    /** E.g. "Monday to Friday, 9:30 AM to 5:00 PM", "du dimanche au jeudi, de 08:00 à 16:00". */
    static String describe(Texts t, WorkingWeek week) {
        DateTimeFormatter hour = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(t.locale());
        return t.get("program.working-week.value", days(t, week.days()), week.start().format(hour),
                week.end().format(hour));
    }

    /**
     * The days from the first one after a day off, so that Sunday to Thursday reads as such: a run of days as "from
     * … to …", others one by one.
     */
    private static String days(Texts t, Set<DayOfWeek> days) {
        if (days.size() == DayOfWeek.values().length) {
            return t.get("program.working-week.every-day");
        }
        DayOfWeek first = DayOfWeek.MONDAY;
        while (!days.contains(first) || days.contains(first.minus(1))) {
            first = first.plus(1);
        }
        List<DayOfWeek> ordered = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            if (days.contains(first.plus(i))) {
                ordered.add(first.plus(i));
            }
        }
        DayOfWeek last = ordered.get(ordered.size() - 1);
        boolean run = ordered.size() > 2 && first.plus(ordered.size() - 1L) == last;
        if (run) {
            return t.get("program.working-week.days", name(first, t), name(last, t));
        }
        return String.join(", ", ordered.stream().map(d -> name(d, t)).toList());
    }

    private static Optional<LocalTime> time(FormCheck check, String field) {
        String typed = check.text(field, true, 5);
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        LocalTime at;
        try {
            at = LocalTime.parse(typed, TYPED);
        } catch (DateTimeParseException e) {
            check.error(field, "program.form.work-time.invalid");
            return Optional.empty();
        }
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            check.error(field, "program.form.work-time.range", EARLIEST.format(WRITTEN), LATEST.format(WRITTEN));
            return Optional.empty();
        }
        return Optional.of(at);
    }

    private static String value(DayOfWeek d) {
        return d.name().toLowerCase(Locale.ROOT);
    }

    private static String name(DayOfWeek d, Texts t) {
        return d.getDisplayName(TextStyle.FULL, t.locale());
    }
}
