package org.tandem.core.rounds;

import com.mongodb.client.MongoDatabase;
import org.tandem.core.conversation.PersonRef;

/** The stored matching rounds, as far as people's data is concerned: for erasure and retention. */
public final class RoundRecords {

    private final MatchRuns runs;

    public RoundRecords(MongoDatabase db) {
        this.runs = new MatchRuns(db);
    }

    /** Takes a person who erased their data out of every stored round. */
    public void forget(PersonRef person) {
        runs.forget(person);
    }

    /** Deletes a closed programme's rounds. */
    public void eraseProgram(String program) {
        runs.eraseProgram(program);
    }
}
