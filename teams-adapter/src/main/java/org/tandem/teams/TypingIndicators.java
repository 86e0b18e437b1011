package org.tandem.teams;

import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the turns' {@link Typing} indicators come from: in a personal chat, once an answer takes longer than
 * {@code tandem.teams.typing-after}, a {@code typing} activity in the turn's conversation, tried once (paced as any
 * send: an indicator is no use late). Channels show no typing indicator, so none is sent there.
 */
final class TypingIndicators implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TypingIndicators.class);

    private final Duration after;
    private final Delivery delivery;
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(2, r -> {
        Thread t = new Thread(r, "teams-typing");
        t.setDaemon(true);
        return t;
    });

    /** {@code after}: how slow an answer shows typing (negative: none ever). */
    TypingIndicators(Duration after, Delivery delivery) {
        this.after = after;
        this.delivery = delivery;
        timer.setRemoveOnCancelPolicy(true);
    }

    /** The indicator of a turn, stopped by its first answer (or its end). */
    Typing start(TurnContext turn) {
        Activity in = turn.getActivity();
        if (after.isNegative() || !InboundActivity.personal(in)) {
            return Typing.NONE;
        }
        String tenant = InboundActivity.tenant(in);
        Delivery.Target target = new Delivery.Target(TeamsConversations.personKey(tenant,
                InboundActivity.userId(in.getFrom())), tenant, in.getServiceUrl(), InboundActivity.conversationId(in));
        return Typing.after(timer, after, () -> {
            Activity typing = new Activity(ActivityTypes.TYPING);
            typing.applyConversationReference(in.getConversationReference());
            try {
                // straight to the adapter, as the SDK's ShowTypingMiddleware does: not an answer of the turn
                delivery.once(target, "typing indicator", () -> turn.getAdapter()
                        .sendActivities(turn, List.of(typing)).thenApply(r -> ""));
            } catch (RuntimeException e) {
                log.debug("a typing indicator to {} failed", target.key(), e);
            }
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
