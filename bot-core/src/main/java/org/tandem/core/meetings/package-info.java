/**
 * Meetings a pair schedules: the times one of them proposes, the one the other picks, reschedules and
 * cancellations, kept as one guarded document per pair so that two clicks never make two meetings. The flows and
 * invites that use it come with issue 15's scheduling.
 */
package org.tandem.core.meetings;
