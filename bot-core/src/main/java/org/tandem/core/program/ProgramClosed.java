package org.tandem.core.program;

import java.time.Instant;
import org.tandem.core.conversation.Scope;

/** A coordinator closed a programme: nobody can enrol any more, and its results are final enough to report. */
public record ProgramClosed(String program, Scope scope, Instant at) {}
