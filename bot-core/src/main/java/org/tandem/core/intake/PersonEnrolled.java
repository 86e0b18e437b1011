package org.tandem.core.intake;

import java.time.Instant;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.program.Program;

/** Someone enrolled in a programme, as a mentee or a mentor, at this instant. */
public record PersonEnrolled(PersonRef person, Program program, Role role, Instant at) {}
