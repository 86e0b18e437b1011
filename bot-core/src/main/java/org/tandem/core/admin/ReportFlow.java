package org.tandem.core.admin;

import java.util.List;
import java.util.Optional;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Turn;
import org.tandem.core.program.Program;
import org.tandem.core.program.ProgramNames;
import org.tandem.core.program.Programs;

/**
 * {@code report [programme]}: a programme's results for coordinators (see {@link ResultsReport}): the summary, then
 * each chart with its numbers, then the CSV. Where the platform takes no files, the summary is the whole report.
 */
final class ReportFlow implements Flow {

    private final Programs programs;
    private final Reports reports;

    ReportFlow(Programs programs, Reports reports) {
        this.programs = programs;
        this.reports = reports;
    }

    @Override
    public String id() {
        return "report";
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("report", Audience.COORDINATOR, "help.usage.report", "help.about.report"));
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        Optional<Program> program = ProgramNames.resolve(turn, programs, command.rest(), "report");
        if (program.isEmpty()) {
            return;
        }
        ResultsReport.Pieces pieces = reports.of(program.get(), turn.t(), turn.now());
        turn.reply(pieces.summary());
        try {
            for (ResultsReport.Chart c : pieces.charts()) {
                turn.replyWithFile(c.png(), c.caption());
            }
            turn.replyWithFile(pieces.csv(), Message.text(turn.t().rich("report.csv")));
        } catch (UnsupportedOperationException e) {
            turn.reply("report.too-small");
        }
    }
}
