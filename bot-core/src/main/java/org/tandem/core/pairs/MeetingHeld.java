package org.tandem.core.pairs;

import java.time.LocalDate;
import org.tandem.core.conversation.PersonRef;

/**
 * One of a pair said that the meeting they had planned took place, on {@code date} (the day of its agreed start,
 * on the sayer's calendar). The first one is the exploratory conversation (the click check follows); later ones
 * are logged by the rhythm with a prompt to reflect.
 */
public record MeetingHeld(Pair pair, LocalDate date, PersonRef by) {}
