package org.tandem.core.intake;

import java.time.Instant;
import org.tandem.core.conversation.PersonRef;

/** A person enrolled in a programme with a role. */
public record Enrollment(PersonRef person, String program, Role role, Instant enrolledAt) {
}
