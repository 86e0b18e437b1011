package org.tandem.slack;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;

/**
 * A message for one person in a shared place (a refusal in a pair's group, in the admin channel), shown to them
 * only, where they are: through the slash command's {@code response_url} when it was typed there (it works where
 * Tandem is not a member), else {@code chat.postEphemeral} in the channel. When Slack takes neither, the caller
 * answers in the person's DM instead: a private answer is never posted to the group, nor lost.
 */
final class Whispers {

    private static final Logger log = LoggerFactory.getLogger(Whispers.class);

    private final WebApi api;
    private final AdminChannels admins;
    private final ResponseUrls responses;

    Whispers(WebApi api, AdminChannels admins, ResponseUrls responses) {
        this.api = api;
        this.admins = admins;
        this.responses = responses;
    }

    /** Shows the parts to the person in the place; empty when Slack took none of the ways there. */
    Optional<MessageRef> inPlace(PersonRef person, Place place, List<Undelivered.Part> parts) {
        Optional<String> channel = place instanceof Place.Group g ? Optional.of(g.groupId())
                : place instanceof Place.Admin ? admins.of(person.tenant()) : Optional.empty();
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> url = Interaction.current().flatMap(i -> i.responseUrl(person, channel.get()));
        if (url.isPresent() && responses.send(url.get(), parts)) {
            return Optional.of(SlackMessenger.PENDING);
        }
        try {
            for (Undelivered.Part part : parts) {
                api.call(person.tenant(), "chat.postEphemeral", c -> c.chatPostEphemeral(r -> r.channel(channel.get())
                        .user(person.userId()).text(part.text()).blocksAsString(part.blocks())));
            }
            return Optional.of(SlackMessenger.PENDING);
        } catch (WebApi.Failed e) {
            log.info("Slack did not show a private answer in {} ({}): it goes to the person's DM", channel.get(),
                    e.error);
            return Optional.empty();
        }
    }
}
