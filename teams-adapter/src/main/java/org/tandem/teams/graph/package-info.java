/** People's Outlook calendars through Microsoft Graph, as the core's {@code OnlineCalendar}, for one Teams tenant. */
package org.tandem.teams.graph;
