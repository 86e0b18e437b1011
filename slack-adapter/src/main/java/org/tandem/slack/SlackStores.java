package org.tandem.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;

/**
 * The Slack adapter's own MongoDB collections: forms waiting to open ({@code slack_forms}), messages Slack did not
 * take yet ({@code slack_undelivered}), each workspace's admin channel ({@code slack_admin_channels}) and its
 * installation ({@code slack_installations}).
 */
record SlackStores(PendingForms forms, Undelivered undelivered, AdminChannels admins, Installations installations) {

    private static final Logger log = LoggerFactory.getLogger(SlackStores.class);

    /**
     * Drops every copy the adapter keeps of a person who erased their data: what waits for them, what waits for
     * others and shows their name or what they wrote, and their id where it names who chose the admin channel or
     * installed Tandem. What Slack delivered stays in Slack.
     */
    void forget(Messenger.Forgotten forgotten) {
        PersonRef person = forgotten.person();
        Needles needles = new Needles(forgotten.needles());
        long forms = this.forms.forget(person.tenant(), person.userId(), needles);
        long kept = undelivered.forget(person.tenant(), person.userId(), needles);
        admins.forget(person.tenant(), person.userId());
        installations.forgetInstaller(person.tenant(), person.userId());
        log.info("an erasure in Slack workspace {} dropped {} kept form(s) and {} kept message(s)", person.tenant(),
                forms, kept);
    }
}
