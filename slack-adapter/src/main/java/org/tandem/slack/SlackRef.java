package org.tandem.slack;

import java.util.Optional;
import org.tandem.core.conversation.MessageRef;

/**
 * What a {@link MessageRef} the Slack adapter gave the core points at, written and read here only: a posted message
 * ({@code T1/D123/1700000000.000100}, what {@code chat.update} needs), a form open as a modal
 * ({@code T1/view/V123/intake.mentee/dm}: the view, the form it shows, the place it reports back), a person's App
 * Home ({@code T1/home/U123}), a message shown to one person only ({@code T1/ephemeral/C123/1700000000.000200}),
 * or a message Slack has not taken yet ({@code T1/parked/<id>/dm:U123}, kept in {@code slack_undelivered} for that
 * conversation). Slack's ids never contain a slash. A modal's
 * {@code private_metadata} ({@link Origin}) is written and read here too.
 */
sealed interface SlackRef {

    String VIEW = "view";
    String HOME = "home";
    String PARKED = "parked";
    String EPHEMERAL = "ephemeral";

    String tenant();

    /** The id the core keeps. */
    String id();

    default MessageRef ref() {
        return new MessageRef(SlackMessenger.PLATFORM, id());
    }

    /** What a reference of this adapter points at; empty for one it never gave (or gave as "nothing to update"). */
    static Optional<SlackRef> of(MessageRef ref) {
        return ref.platform().equals(SlackMessenger.PLATFORM) ? parse(ref.id()) : Optional.empty();
    }

    /** Reads an {@link #id()} back. */
    static Optional<SlackRef> parse(String id) {
        String[] p = id == null ? new String[0] : id.split("/", -1);
        for (String part : p) {
            if (part.isEmpty()) {
                return Optional.empty();
            }
        }
        if (p.length == 5 && p[1].equals(VIEW)) {
            return Optional.of(new Modal(p[0], p[2], p[3], p[4]));
        }
        if (p.length == 3 && p[1].equals(HOME)) {
            return Optional.of(new Home(p[0], p[2]));
        }
        if (p.length == 4 && p[1].equals(PARKED)) {
            return Optional.of(new Parked(p[0], p[2], p[3]));
        }
        if (p.length == 4 && p[1].equals(EPHEMERAL)) {
            return Optional.of(new Ephemeral(p[0], p[2], p[3]));
        }
        return p.length == 3 ? Optional.of(new Posted(p[0], p[1], p[2])) : Optional.empty();
    }

    /** A message in a channel, by its {@code ts}. */
    record Posted(String tenant, String channel, String ts) implements SlackRef {
        @Override
        public String id() {
            return tenant + "/" + channel + "/" + ts;
        }
    }

    /** A modal, showing one form, opened for a place (the key its {@code private_metadata} carries). */
    record Modal(String tenant, String viewId, String formId, String placeKey) implements SlackRef {
        @Override
        public String id() {
            return tenant + "/" + VIEW + "/" + viewId + "/" + formId + "/" + placeKey;
        }
    }

    /**
     * A message shown to one person in a channel ({@code chat.postEphemeral}): Slack changes it only through the
     * {@code response_url} of a click on it, so it is updated within that click's turn, and never later.
     */
    record Ephemeral(String tenant, String channel, String ts) implements SlackRef {
        @Override
        public String id() {
            return tenant + "/" + EPHEMERAL + "/" + channel + "/" + ts;
        }
    }

    /** A person's App Home tab. */
    record Home(String tenant, String user) implements SlackRef {
        @Override
        public String id() {
            return tenant + "/" + HOME + "/" + user;
        }
    }

    /** A message kept because Slack did not take it (yet): its id in {@code slack_undelivered}, and where it goes. */
    record Parked(String tenant, String parkedId, String to) implements SlackRef {
        @Override
        public String id() {
            return tenant + "/" + PARKED + "/" + parkedId + "/" + to;
        }
    }

    /**
     * What a modal's {@code private_metadata} says: the place it was opened for ({@link Destination#placeOf}) and,
     * for a form kept in a message and opened from it, that message: the copy the core knows, which its answer or
     * its cancel turns into "Sent" or "Cancelled".
     */
    record Origin(String placeKey, Optional<SlackRef> message) {

        private static final char SEP = '|';

        /** A modal opened straight away for a place. */
        Origin(String placeKey) {
            this(placeKey, Optional.empty());
        }

        static Origin read(String metadata) {
            String m = metadata == null ? "" : metadata;
            int at = m.indexOf(SEP);
            return at < 0 ? new Origin(m) : new Origin(m.substring(0, at), parse(m.substring(at + 1)));
        }

        String write() {
            return message.map(r -> placeKey + SEP + r.id()).orElse(placeKey);
        }

        /** The copy a submission or a close of the modal answers: the message it came from, else the modal. */
        SlackRef copy(String tenant, String viewId, String formId) {
            return message.orElseGet(() -> new Modal(tenant, viewId, formId, placeKey.isEmpty() ? "dm" : placeKey));
        }
    }
}
