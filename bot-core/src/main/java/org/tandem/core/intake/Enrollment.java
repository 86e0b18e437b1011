package org.tandem.core.intake;

import java.time.Instant;
import java.util.Optional;
import org.tandem.core.conversation.PersonRef;

/**
 * A person enrolled in a programme, with their answers for each role they took (both for {@link Role#BOTH}),
 * and when they consented to what is shared.
 */
public record Enrollment(PersonRef person, String program, Role role, Optional<MenteeAnswers> mentee,
                         Optional<MentorAnswers> mentor, Instant consentAt, Instant enrolledAt, long version) {

    public boolean mentors() {
        return role != Role.MENTEE;
    }

    public boolean mentored() {
        return role != Role.MENTOR;
    }
}
