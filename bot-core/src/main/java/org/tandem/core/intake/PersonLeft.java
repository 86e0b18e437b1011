package org.tandem.core.intake;

import org.tandem.core.conversation.PersonRef;

/** Someone left a programme: what they had open there (their pairs) ends, and their partners are told kindly. */
public record PersonLeft(PersonRef person, String program) {}
