package org.tandem.core.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.Scope;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.ProgramClosed;
import org.tandem.core.program.Programs;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItem;
import org.tandem.core.schedule.DueItems;

/**
 * Programmes' reports: made on demand ({@code report}), and posted in the admin channel on their own when a
 * programme closes (a due item, so the close answers at once and a platform's trouble only delays the report).
 */
final class Reports implements DueHandler {

    static final String KIND = "report.closing";

    private static final Logger log = LoggerFactory.getLogger(Reports.class);

    private final Programs programs;
    private final Results results;
    private final Results.Gate gate;
    private final People people;
    private final Messenger messenger;
    private final DueItems due;
    private final Locale adminLocale;
    private final ZoneId zone;

    /** The coordinators' language and zone, and the smallest group a figure may show. */
    record Setup(Locale adminLocale, ZoneId zone, int minGroup) {}

    Reports(Programs programs, Results results, People people, Messenger messenger, DueItems due, Setup setup) {
        this.programs = programs;
        this.results = results;
        this.people = people;
        this.messenger = messenger;
        this.due = due;
        this.gate = new Results.Gate(setup.minGroup());
        this.adminLocale = setup.adminLocale();
        this.zone = setup.zone();
    }

    /** A programme's report, compared with its previous run when the workspace has one. */
    ResultsReport.Pieces of(Program program, Texts t, Instant now) {
        Results.Of these = results.of(program, now);
        Optional<Results.Of> before = Results.previous(program, programs.all(program.scope()))
                .map(p -> results.of(p, now));
        return ResultsReport.of(t, these, before, gate, LocalDate.ofInstant(now, zone));
    }

    /** Plans the closing report of a programme that just closed, once (its key is the programme's). */
    void closed(ProgramClosed event) {
        due.schedule(KIND + "|" + event.program(), KIND, event.scope().platform(), event.scope().tenant(),
                Map.of("program", event.program()), event.at());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void perform(DueItem item) {
        Optional<Program> program = programs.find(item.payloadString("program"));
        if (program.isEmpty()) {
            return;
        }
        Scope scope = item.scope();
        Texts t = people.adminTexts(scope, adminLocale);
        ResultsReport.Pieces pieces = of(program.get(), t, item.dueAt());
        Address admin = Address.admin(scope);
        messenger.send(admin, Message.builder().text(t.rich("report.closed", program.get().name())).build());
        messenger.send(admin, pieces.summary());
        try {
            for (ResultsReport.Chart c : pieces.charts()) {
                messenger.sendFile(admin, c.png(), c.caption());
            }
            messenger.sendFile(admin, pieces.csv(), Message.text(t.rich("report.csv")));
        } catch (UnsupportedOperationException e) {
            log.info("the closing report of {} went without its charts: {}", program.get().id(), e.getMessage());
            messenger.send(admin, Message.text(t.rich("report.too-small")));
        }
    }
}
