package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.PlatformMessenger;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Scope;
import org.tandem.core.testing.Forms;
import tools.jackson.databind.JsonNode;

/**
 * After {@code forget-me} over HTTP, no collection of the Slack adapter holds the person: not the messages kept for
 * her, not the copies kept for her partner or the coordinators that quote her name or her words, not the forms kept
 * with them, not her id as who chose the admin channel. Copies that do not show her stay.
 */
class SlackForgetIT {

    static final String SECRET = "forget-signing-secret";
    static final String NAME = "Ottoline Plantedname";
    static final String HOPE = "PLANTED-HOPE-7f3a9: speak at the <all-hands> & be heard";
    static final PersonRef OTTO = new PersonRef("slack", "T1", "UOTTO");
    static final PersonRef BOB = new PersonRef("slack", "T1", "UBOB");

    @TempDir
    Path dir;

    @Test
    void forgetMeLeavesNothingOfThePersonInAnySlackCollection() throws Exception {
        try (SlackApiStub slack = new SlackApiStub();
             RunningApp app = new RunningApp(dir.resolve("tandem.mv"), "tandem.slack.bot-token=xoxb-test",
                     "tandem.slack.signing-secret=" + SECRET, "tandem.slack.api-url=" + slack.url(),
                     "tandem.slack.admin-channel=CADMIN", "tandem.scheduler.enabled=false")) {
            SlackRequests req = new SlackRequests(app.base(), SECRET, slack.hooks());
            slack.user("UOTTO", NAME, "en-GB", "Europe/London");
            slack.user("UCAROL", "Carol", "en-GB", "Europe/London");
            openProgramme(req, slack);
            enrol(req, slack);

            // Ottoline moves the admin channel (she is in the current one): her id is kept as who did it
            slack.channel("CADMIN", true, true, false, "UCAROL", "UOTTO");
            slack.channel("COTTO", true, true, false, "UOTTO", "UCAROL");
            int mark = slack.size();
            req.command("T1", "UOTTO", "COTTO", "mentoring-team", "admin here", "t-admin");
            slack.await("chat.postMessage", mark, c -> "COTTO".equals(c.params().get("channel")));

            // copies the core made while Slack was down: for her partner, for the coordinators, for her
            PlatformMessenger messenger = SlackLifecycleIT.messenger(app);
            slack.refuse("UBOB", 500);
            slack.refuse("COTTO", 503);
            slack.refuse("UOTTO", 500);
            messenger.send(Address.person(BOB), text(NAME + " would like you as a mentor. Her hopes: " + HOPE));
            messenger.send(Address.person(BOB), text("Have you met this week?"));
            messenger.send(Address.admin(new Scope("slack", "T1")), text("New enrolment: " + NAME));
            messenger.send(Address.admin(new Scope("slack", "T1")), form("Check " + NAME + "'s answers", HOPE));
            messenger.send(Address.person(OTTO), text("A reminder of what you hope for: " + HOPE));
            slack.heal("UOTTO");
            messenger.send(Address.person(OTTO), form("Edit your hopes", HOPE));
            assertThat(everything(app)).as("planted").contains(NAME.toLowerCase(Locale.ROOT), "planted-hope", "uotto");

            // she erases her data
            mark = slack.size();
            req.command("T1", "UOTTO", "DOTTO", "directmessage", "forget-me", "t-forget");
            JsonNode confirm = slack.await("chat.postMessage", mark, c -> "UOTTO".equals(c.params().get("channel"))
                    && c.params().get("blocks").contains("Erase my data")).json("blocks");
            mark = slack.size();
            req.click("T1", "UOTTO", "DOTTO", "directmessage", confirm, "Erase my data", "t-yes");
            slack.await("chat.postMessage", mark, c -> "UOTTO".equals(c.params().get("channel"))
                    && c.params().get("blocks").contains("your personal data is erased"));
            SlackLifecycleIT.eventually("the adapter forgot her", () -> !everything(app).contains("uotto"));

            String left = everything(app);
            assertThat(left).doesNotContain(NAME.toLowerCase(Locale.ROOT), "plantedname", "planted-hope", "uotto",
                    "all-hands");
            assertThat(left).as("a copy that does not show her stays").contains("have you met this week?");
            assertThat(db(app).getCollection("slack_admin_channels").find().first())
                    .containsEntry("channel", "COTTO").doesNotContainKey("setBy");
        }
    }

    static void openProgramme(SlackRequests req, SlackApiStub slack) {
        int mark = slack.size();
        req.command("T1", "UCAROL", "CADMIN", "tandem-admins", "program create", "t-create");
        SlackApiStub.Call opened = slack.await("views.open", mark);
        mark = slack.size();
        req.submit("T1", opened, "UCAROL", Forms.program("Planted"), "t-submit");
        slack.await("chat.postMessage", mark, c -> "CADMIN".equals(c.params().get("channel")));
        mark = slack.size();
        req.command("T1", "UCAROL", "CADMIN", "tandem-admins", "program open Planted", "t-open");
        slack.await("chat.postMessage", mark, c -> "CADMIN".equals(c.params().get("channel"))
                && c.params().get("blocks").contains("is open for enrolment"));
    }

    /** Ottoline enrols as a mentee; her hopes are what she wrote. */
    static void enrol(SlackRequests req, SlackApiStub slack) {
        int mark = slack.size();
        req.command("T1", "UOTTO", "DOTTO", "directmessage", "join", "t-join");
        JsonNode roles = slack.await("chat.postMessage", mark, c -> "UOTTO".equals(c.params().get("channel"))
                && c.params().get("blocks").contains("intake.role")).json("blocks");
        mark = slack.size();
        req.click("T1", "UOTTO", "DOTTO", "directmessage", roles, "Mentee", "t-role");
        SlackApiStub.Call form = slack.await("views.open", mark);
        mark = slack.size();
        req.submit("T1", form, "UOTTO", Forms.with(Forms.mentee(), "hopes", HOPE), "t-mentee");
        JsonNode consent = slack.await("chat.postMessage", mark, c -> "UOTTO".equals(c.params().get("channel"))
                && c.params().get("blocks").contains("I agree")).json("blocks");
        mark = slack.size();
        req.click("T1", "UOTTO", "DOTTO", "directmessage", consent, "I agree", "t-agree");
        slack.await("chat.postMessage", mark, c -> "UOTTO".equals(c.params().get("channel"))
                && c.params().get("blocks").contains("You are enrolled"));
    }

    static Message text(String s) {
        return Message.text(Rich.literal(s));
    }

    static Message form(String title, String value) {
        return Message.of(new Block.Form("profile.edit", title.substring(0, Math.min(title.length(), 24)),
                List.of(new Block.FormInput("hopes", "Your hopes", Block.InputKind.TEXTAREA, false, List.of(),
                        List.of(value), null, null, 3000)), "Save", null, "Cancel"));
    }

    static MongoDatabase db(RunningApp app) {
        return app.context().getBean(MongoDatabase.class);
    }

    /** Every document of every Slack collection, as a person would read it (JSON and entities decoded), lower case. */
    static String everything(RunningApp app) {
        StringBuilder out = new StringBuilder();
        for (String name : db(app).listCollectionNames().into(new ArrayList<>())) {
            if (name.startsWith("slack_")) {
                for (Document d : db(app).getCollection(name).find()) {
                    out.append(name).append(' ').append(readable(d)).append('\n');
                }
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** A document's strings, with the JSON kept inside strings (Block Kit, views) read too. */
    static String readable(Object value) {
        if (value instanceof Document d) {
            StringBuilder b = new StringBuilder();
            d.forEach((k, v) -> b.append(k).append('=').append(readable(v)).append(' '));
            return b.toString();
        }
        if (value instanceof List<?> l) {
            StringBuilder b = new StringBuilder();
            l.forEach(v -> b.append(readable(v)).append(' '));
            return b.toString();
        }
        String s = String.valueOf(value);
        if (s.startsWith("{") || s.startsWith("[")) {
            try {
                s = SlackApiStub.JSON.readTree(s).toString();
            } catch (RuntimeException e) {
                // not JSON: as it is
            }
        }
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
