package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.TestMongo;

/** A person who erased their data leaves no form (with what they had typed) in the Slack adapter's store. */
class SlackForgetTest {

    @Test
    void theFormsKeptForAPersonGo() {
        MongoDatabase db = TestMongo.freshDatabase();
        PendingForms forms = new PendingForms(db, MutableClock.at("2026-03-02T09:00:00Z"));
        String mine = forms.keep("T1", "U1", "{\"hopes\":\"secret\"}");
        String theirs = forms.keep("T1", "U2", "{}");
        SlackStores stores = new SlackStores(forms, new Undelivered(db, MutableClock.at("2026-03-02T09:00:00Z")),
                new AdminChannels(db, "C1"));
        SlackMessenger messenger = new SlackMessenger(null, stores, p -> Locale.ENGLISH,
                t -> Messenger.Presence.UNKNOWN, null);
        messenger.forget(new Messenger.Forgotten(new PersonRef("slack", "T1", "U1"), "Una", java.util.Set.of()));
        assertThat(forms.find(mine, "T1", "U1")).isEmpty();
        assertThat(forms.find(theirs, "T1", "U2")).isPresent();
    }
}
