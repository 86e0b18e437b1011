/**
 * Scheduling: a pair finds a time in chat (times inside both working weeks, or one they pick), the other answers with
 * one click, both get a calendar invite that a move or a cancellation updates, a reminder comes before and "did it
 * take place?" after. The meeting is one guarded document per pair, so two clicks never make two meetings; people's
 * online calendars ({@link org.tandem.core.meetings.OnlineCalendar}) are used where the deployment reaches them.
 */
package org.tandem.core.meetings;
