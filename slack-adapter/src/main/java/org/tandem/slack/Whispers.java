package org.tandem.slack;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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
    private final Lanes lanes;

    Whispers(WebApi api, AdminChannels admins, ResponseUrls responses, Lanes lanes) {
        this.api = api;
        this.admins = admins;
        this.responses = responses;
        this.lanes = lanes;
    }

    /**
     * Shows the parts to the person in the shared place, in that conversation's lane (a private answer keeps its
     * order with what the place is told); {@code responseUrl} is the command's way back to a channel, if it was
     * typed there. Empty when Slack took none of the ways.
     */
    Optional<MessageRef> inPlace(PersonRef person, Place place, List<Undelivered.Part> parts,
                                 Function<String, Optional<String>> responseUrl) {
        Destination where = Destination.of(person, place);
        Optional<String> channel = where instanceof Destination.Person ? Optional.empty() : where.channel(admins);
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        return lanes.in(where.tenant(), where.key(), () -> show(person, channel.get(), parts,
                responseUrl.apply(channel.get())));
    }

    private Optional<MessageRef> show(PersonRef person, String channel, List<Undelivered.Part> parts,
                                      Optional<String> url) {
        if (url.isPresent() && responses.send(url.get(), parts)) {
            return Optional.of(SlackMessenger.PENDING);
        }
        try {
            MessageRef first = null;
            for (Undelivered.Part part : parts) {
                String ts = api.call(person.tenant(), "chat.postEphemeral", c -> c.chatPostEphemeral(r -> r
                        .channel(channel).user(person.userId()).text(part.text()).blocksAsString(part.blocks())))
                        .getMessageTs();
                if (first == null && ts != null) {
                    first = new SlackRef.Ephemeral(person.tenant(), channel, ts).ref();
                }
            }
            return Optional.of(first != null ? first : SlackMessenger.PENDING);
        } catch (WebApi.Failed e) {
            log.info("Slack did not show a private answer in {} ({}): it goes to the person's DM",
                    Logged.channel(channel), e.error);
            return Optional.empty();
        }
    }
}
