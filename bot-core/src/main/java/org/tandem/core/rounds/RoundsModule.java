package org.tandem.core.rounds;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.tandem.core.conversation.Flow;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.module.Feature;
import org.tandem.core.pairs.PairsModule;
import org.tandem.core.people.People;
import org.tandem.core.program.Programs;
import org.tandem.core.telemetry.Meters;

/**
 * Matching rounds, assembled: a coordinator's preview, its confirmation, the weights, and the approvals of
 * proposed pairs. The one entry type of the feature.
 */
public final class RoundsModule implements Feature {

    private final RoundRecords records;
    private final List<Flow> flows;

    public RoundsModule(MongoDatabase db, Programs programs, Enrollments enrollments, People people,
                        PairsModule pairs, Meters meters) {
        this.records = new RoundRecords(db);
        this.flows = List.of(new MatchFlow(db, programs, enrollments, pairs.pairs(), people, pairs.pairing(),
                pairs.shortlists(), pairs.shortlist(), meters));
    }

    @Override
    public String name() {
        return "rounds";
    }

    /** Which rounds considered whom (part of people's data). */
    public RoundRecords records() {
        return records;
    }

    @Override
    public List<Flow> flows() {
        return flows;
    }
}
