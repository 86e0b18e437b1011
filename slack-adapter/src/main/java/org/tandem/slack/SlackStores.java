package org.tandem.slack;

/**
 * The Slack adapter's own MongoDB collections that the messenger writes: forms waiting to open
 * ({@code slack_forms}), messages Slack did not take yet ({@code slack_undelivered}) and each workspace's admin
 * channel ({@code slack_admin_channels}).
 */
record SlackStores(PendingForms forms, Undelivered undelivered, AdminChannels admins) {
}
