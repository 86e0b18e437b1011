/** Enrolment: how mentors and mentees join a programme, see their profile, and leave. */
package org.tandem.core.intake;
