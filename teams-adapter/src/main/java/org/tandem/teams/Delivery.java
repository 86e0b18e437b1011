package org.tandem.teams;

import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.teams.TeamsConnectorClient;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.teams.ChannelInfo;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.telemetry.Meters;
import org.tandem.core.telemetry.Redacted;

/**
 * Sends to a Teams conversation through the Bot Connector: paced within Teams' limits, retried with back-off and
 * jitter when throttled (429) or when Teams is briefly unwell (412, 500, 502, 503, 504, network), and told apart
 * when the conversation is gone for good (403, 404). What is still failing after the last try is reported, not
 * lost: the caller parks it. A {@code Retry-After} longer than the back-off allows is obeyed, not shortened: the
 * send stops at once, and the conversation is held until then (later sends to it wait too, so that none overtakes
 * the parked one).
 */
final class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);
    private static final Set<Integer> TRANSIENT = Set.of(412, 429, 500, 502, 503, 504);
    private static final Set<Integer> GONE = Set.of(403, 404);
    /** The longest a send waits inline for its slot; a slot further ahead (Teams throttled the tenant) parks it. */
    static final Duration LONGEST_PACE = Duration.ofSeconds(10);

    /** Where to send: the stored conversation ({@code key}), its tenant, service URL and id. */
    record Target(String key, String tenant, String serviceUrl, String conversationId) {}

    /** How a send ended. */
    sealed interface Outcome {
        /** Teams took it; the id of the new activity. */
        record Sent(String activityId) implements Outcome {}

        /** The conversation is gone (403/404): it should be marked stale. */
        record Gone(int status) implements Outcome {}

        /**
         * Still failing after every try (throttled, Teams down, or refused with another 4xx); {@code retryIn} is how
         * long Teams asked us to wait before the next try (zero when it did not say).
         */
        record Failed(String reason, boolean retryable, Duration retryIn) implements Outcome {
            Failed(String reason, boolean retryable) {
                this(reason, retryable, Duration.ZERO);
            }
        }
    }

    private final ConnectorClients clients;
    private final Pacer pacer;
    private final Backoff backoff;
    private final int attempts;
    // the dev clock when it is on: a hold is planned work, like the parked message it protects
    private final Clock clock;
    /** Conversations Teams asked us to leave alone, until when. */
    private final Map<String, Instant> held = new ConcurrentHashMap<>();
    private final Meters meters;

    Delivery(ConnectorClients clients, Pacer pacer, Backoff backoff, int attempts, Clock clock) {
        this(clients, pacer, backoff, attempts, clock, Meters.none());
    }

    /** With the meters of sends, retries and 429s (the outbox counts what it parks, the redelivery what is dead). */
    Delivery(ConnectorClients clients, Pacer pacer, Backoff backoff, int attempts, Clock clock, Meters meters) {
        this.meters = meters;
        this.clients = clients;
        this.pacer = pacer;
        this.backoff = backoff;
        this.attempts = attempts;
        this.clock = clock;
    }

    Meters meters() {
        return meters;
    }

    Outcome send(Target target, Activity activity) {
        return call(target, "send", attempts, true, c -> c.getConversations()
                .sendToConversation(target.conversationId(), activity)
                .thenApply(r -> r == null || r.getId() == null ? "" : r.getId()));
    }

    /**
     * Starts a thread in a team's channel, as the SDK's {@code TeamsInfo.sendMessageToTeamsChannel} does (the Bot
     * Connector's {@code createConversation}, the channel in its channel data): paced, retried and told apart as a
     * send is; {@code Sent} carries the new post's activity id.
     */
    Outcome startThread(Target target, ChannelAccount bot, Activity activity) {
        ConversationParameters p = new ConversationParameters();
        p.setIsGroup(true);
        p.setBot(bot);
        p.setTenantId(target.tenant());
        // the SDK's own types: its request validation reflects into them (see Destinations' personal chats)
        TeamsChannelData data = new TeamsChannelData();
        data.setChannel(new ChannelInfo(target.conversationId()));
        data.setTenant(new TenantInfo(target.tenant()));
        p.setChannelData(data);
        p.setActivity(activity);
        return call(target, "channel post", attempts, true, c -> c.getConversations().createConversation(p)
                .thenApply(Delivery::postId));
    }

    /** The new post's id: Teams answers it, and names the thread after it ({@code <channel>;messageid=<id>}). */
    private static String postId(ConversationResourceResponse r) {
        if (r == null) {
            return "";
        }
        if (r.getActivityId() != null && !r.getActivityId().isBlank()) {
            return r.getActivityId();
        }
        String id = r.getId() == null ? "" : r.getId();
        int thread = id.indexOf(";messageid=");
        return thread < 0 ? "" : id.substring(thread + ";messageid=".length());
    }

    /** How fast Teams takes messages, as this adapter keeps to it. */
    Pacer pacer() {
        return pacer;
    }

    Outcome update(Target target, String activityId, Activity activity) {
        return call(target, "update", c -> c.getConversations()
                .updateActivity(target.conversationId(), activityId, activity)
                .thenApply(r -> activityId));
    }

    /**
     * Calls Teams within an inbound activity's turn (a reply through {@code TurnContext.sendActivity}, an update
     * through {@code updateActivity}), with the same pacing, retries and outcomes; {@code call} answers the activity
     * id.
     */
    Outcome inTurn(Target target, String what, Supplier<CompletableFuture<String>> call) {
        return call(target, what, c -> call.get());
    }

    /** The same, tried once: something that is no use late (a typing indicator). */
    Outcome once(Target target, String what, Supplier<CompletableFuture<String>> call) {
        return call(target, what, 1, c -> call.get());
    }

    /**
     * Asks the Bot Connector whether the bot is still in a conversation (its first page of members), tried twice:
     * {@code Sent} yes, {@code Gone} no (403/404), {@code Failed} Teams could not say.
     */
    Outcome probe(Target target) {
        return call(target, "presence check", 2, c -> c.getConversations()
                .getConversationPagedMembers(target.conversationId()).thenApply(r -> ""));
    }

    /** Calls the Bot Connector with the same pacing and retries (e.g. a member lookup). */
    <T> Optional<T> fetch(Target target, String what, Function<ConnectorClient, CompletableFuture<T>> call) {
        AtomicReference<T> result = new AtomicReference<>();
        Outcome o = call(target, what, c -> call.apply(c).thenApply(r -> {
            result.set(r);
            return "";
        }));
        return o instanceof Outcome.Sent ? Optional.ofNullable(result.get()) : Optional.empty();
    }

    /** The same, with the Bot Connector's Teams operations (a team's channels). */
    <T> Optional<T> fetchTeams(Target target, String what, Function<TeamsConnectorClient, CompletableFuture<T>> call) {
        return fetch(target, what, c -> call.apply(clients.teamsFor(target.serviceUrl())));
    }

    private Outcome call(Target target, String what,
                         Function<ConnectorClient, CompletableFuture<String>> request) {
        return call(target, what, attempts, false, request);
    }

    private Outcome call(Target target, String what, int attempts,
                         Function<ConnectorClient, CompletableFuture<String>> request) {
        return call(target, what, attempts, false, request);
    }

    /** {@code shared}: a send of Tandem's own, paced with every replica's; else a turn's call, paced here. */
    private Outcome call(Target target, String what, int attempts, boolean shared,
                         Function<ConnectorClient, CompletableFuture<String>> request) {
        Optional<Duration> hold = heldFor(target.conversationId());
        if (hold.isPresent()) {
            return new Outcome.Failed("Teams asked to wait", true, hold.get());
        }
        ConnectorClient client = clients.forServiceUrl(target.serviceUrl());
        String last = "not tried";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Optional<Duration> retryAfter = Optional.empty();
            try {
                Duration far = Duration.ZERO;
                if (shared) {
                    far = pacer.await(target.tenant(), target.conversationId(), LONGEST_PACE);
                } else {
                    pacer.awaitInTurn(target.tenant(), target.conversationId());
                }
                if (!far.isZero()) {
                    // the tenant's budget is spent that far ahead (Teams throttled it): parked, not waited for
                    log.warn("a {} to {} would wait {} ms for Teams' pace in tenant {}: kept for later", what,
                            Logged.key(target.key()), far.toMillis(), target.tenant());
                    return new Outcome.Failed("paced", true, far);
                }
                Outcome.Sent sent = new Outcome.Sent(request.apply(client).get());
                meters.send(TeamsMessenger.PLATFORM, Meters.Outcome.SENT);
                return sent;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome.Failed("interrupted", true);
            } catch (ExecutionException | CompletionException e) {
                Throwable cause = unwrap(e);
                if (cause instanceof RestException rest && rest.response() != null) {
                    int status = rest.response().code();
                    if (GONE.contains(status)) {
                        // an update's activity may be gone (deleted) while its conversation is not
                        log.warn("Teams answered {} to a {} to {}: {} is gone", status, what, Logged.key(target.key()),
                                what.equals("update") ? "the message" : "the conversation");
                        return new Outcome.Gone(status);
                    }
                    if (!TRANSIENT.contains(status)) {
                        if (what.equals("update")) {
                            // a message too old to change: the core keeps what it knows, the card stays as it was
                            // not the exception's message: it quotes Teams' answer, which may quote the card
                            log.warn("Teams refused an update to {} with {}", Logged.key(target.key()), status);
                        } else {
                            log.error("Teams refused a {} to {} with {}", what, Logged.key(target.key()), status);
                        }
                        return new Outcome.Failed("HTTP " + status, false);
                    }
                    last = "HTTP " + status;
                    retryAfter = retryAfter(rest.response().headers().get("Retry-After"));
                    if (status == 429) {
                        meters.throttled(TeamsMessenger.PLATFORM, target.tenant());
                        // throttled: the tenant's sends wait, on every replica, not only this one's retry
                        pacer.throttled(target.tenant(), retryAfter.orElse(backoff.delay(attempt, retryAfter)));
                    }
                    if (retryAfter.isPresent() && retryAfter.get().compareTo(backoff.max()) > 0) {
                        held.put(target.conversationId(), clock.instant().plus(retryAfter.get()));
                        log.warn("Teams answered {} to a {} to {} and asked to wait {} s: it waits, parked", status,
                                what, Logged.key(target.key()), retryAfter.get().toSeconds());
                        return new Outcome.Failed(last + ", Retry-After " + retryAfter.get().toSeconds() + " s", true,
                                retryAfter.get());
                    }
                } else if (cause instanceof IOException) {
                    last = Redacted.describe(cause);
                } else {
                    log.error("a {} to {} failed", what, Logged.key(target.key()), Redacted.of(cause));
                    return new Outcome.Failed(String.valueOf(cause), false);
                }
            }
            if (attempt < attempts) {
                meters.send(TeamsMessenger.PLATFORM, Meters.Outcome.RETRIED);
                Duration wait = backoff.delay(attempt, retryAfter);
                log.info("a {} to {} failed ({}), try {} of {} in {} ms", what, Logged.key(target.key()), last,
                        attempt + 1, attempts, wait.toMillis());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Outcome.Failed("interrupted", true);
                }
            }
        }
        log.warn("a {} to {} still fails after {} tries ({})", what, Logged.key(target.key()), attempts, last);
        return new Outcome.Failed(last, true);
    }

    private Optional<Duration> heldFor(String conversationId) {
        Instant until = held.get(conversationId);
        if (until == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(until)) {
            held.remove(conversationId, until);
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, until));
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** {@code Retry-After} in seconds (Teams does not send dates). */
    static Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofMillis((long) (Double.parseDouble(header.strip()) * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
