/**
 * Microsoft Graph for one Teams tenant: people's Outlook calendars, as the core's {@code OnlineCalendar}, and their
 * managers, for the Teams adapter.
 */
package org.tandem.teams.graph;
