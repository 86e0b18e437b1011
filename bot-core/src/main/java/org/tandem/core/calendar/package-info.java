/**
 * Calendar invites: a meeting as an RFC 5545 iCalendar file (METHOD:REQUEST to invite or update, METHOD:CANCEL to
 * call it off, one UID across them and a SEQUENCE that grows), built with ical4j rather than by hand so that
 * calendar clients import it. Pure: no storage, no messages; {@link org.tandem.core.calendar.Invites} is the entry
 * point.
 */
package org.tandem.core.calendar;
