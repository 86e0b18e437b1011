package org.tandem.core.program;

import java.time.Instant;
import org.tandem.core.conversation.Scope;

/** A mentoring programme of one workspace. */
public record Program(String id, Scope scope, ProgramDraft spec, ProgramState state, Instant createdAt,
                      String createdBy, long version) {

    public String name() {
        return spec.name();
    }
}
