package org.tandem.slack;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;

/**
 * Updates in place, by what a reference points at: a posted message by {@code chat.update}; an open modal by
 * {@code views.update} (a form answered elsewhere, cancelled say, shows its outcome there); a message shown to one
 * person only not at all (Slack lets only a click on it change it, see {@link SlackReplies}); the App Home by
 * {@code views.publish}; a message Slack has not taken yet in the store, so that it goes out as its latest version
 * (in its conversation's lane, so that a sweep sending it meanwhile is waited for), and once it went, by
 * {@code chat.update}. Whatever Slack refuses ({@code message_not_found}, {@code cant_update_message},
 * {@code edit_window_closed}, a modal already closed…) is a false, and nothing changes.
 */
final class InPlace {

    private static final Logger log = LoggerFactory.getLogger(InPlace.class);

    private final WebApi api;
    private final Undelivered undelivered;
    private final Lanes lanes;
    private final SlackMessenger messenger;
    private final Gson gson = GsonFactory.createSnakeCase();

    InPlace(WebApi api, Undelivered undelivered, Lanes lanes, SlackMessenger messenger) {
        this.api = api;
        this.undelivered = undelivered;
        this.lanes = lanes;
        this.messenger = messenger;
    }

    boolean update(SlackRef ref, Message message) {
        if (ref instanceof SlackRef.Posted p) {
            return message(p, message);
        }
        if (ref instanceof SlackRef.Modal m) {
            return modal(m, message);
        }
        if (ref instanceof SlackRef.Ephemeral) {
            // only the response_url of a click on it changes it, within that click's turn (SlackReplies)
            return false;
        }
        if (ref instanceof SlackRef.Home h) {
            return messenger.publishHome(new PersonRef(SlackMessenger.PLATFORM, h.tenant(), h.user()), message);
        }
        SlackRef.Parked k = (SlackRef.Parked) ref;
        return lanes.in(k.tenant(), k.to(), () -> undelivered.replace(k.tenant(), k.parkedId(),
                messenger.parts(messenger.rendered(Destination.fromKey(k.tenant(), k.to()), message), message))
                || undelivered.deliveredAs(k.tenant(), k.parkedId()).map(p -> message(p, message)).orElse(false));
    }

    private boolean message(SlackRef.Posted p, Message message) {
        Destination where = Destination.ofChannel(p.tenant(), p.channel(), messenger.admins());
        List<LayoutBlock> blocks = BlockKit.perMessage(messenger.rendered(where, message)).get(0);
        try {
            api.call(p.tenant(), "chat.update", c -> c.chatUpdate(r -> r.channel(p.channel()).ts(p.ts())
                    .text(BlockKit.fallback(message)).blocks(blocks)));
            return true;
        } catch (WebApi.Failed e) {
            log.info("Slack did not update a message in {} ({}): it stays as it was", p.tenant(), e.error);
            return false;
        }
    }

    private boolean modal(SlackRef.Modal m, Message message) {
        Optional<Block.Form> form = BlockKit.formOf(message);
        View view = form.isPresent() ? BlockKit.modal(message, form.get(), new SlackRef.Origin(m.placeKey()).write())
                : BlockKit.closedModal(message);
        try {
            api.call(m.tenant(), "views.update", c -> c.viewsUpdate(r -> r.viewId(m.viewId())
                    .viewAsString(gson.toJson(view))));
            return true;
        } catch (WebApi.Failed e) {
            log.info("Slack did not update a modal in {} ({}): it was closed, most likely", m.tenant(), e.error);
            return false;
        }
    }
}
