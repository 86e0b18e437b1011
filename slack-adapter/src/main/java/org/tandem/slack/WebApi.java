package org.tandem.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.Pace;
import org.tandem.core.conversation.Pacing;
import org.tandem.core.telemetry.Meters;

/**
 * Calls the Slack Web API for a workspace with its bot token. A rate-limited call (HTTP 429) is retried after
 * the {@code Retry-After} Slack asks for, and a network error after a second, a few times: a message still
 * arrives when Slack is busy. What keeps failing is thrown as {@link Failed}, which says whether trying again
 * later may help, for the caller to hand on.
 *
 * <p>Messages ({@link #post}) go at Slack's pace, shared by every replica ({@link Pacing}): each attempt takes a
 * slot of its workspace's budget and of its conversation's, and waits for it; a 429 pushes the whole workspace's
 * budget past the {@code Retry-After}, so that no replica sends there before. A slot further ahead than a caller
 * may wait is not waited for: the call fails as rate limited, with the wait, for the message to be kept and sent
 * later, as a 429 would.
 */
final class WebApi {

    private static final Logger log = LoggerFactory.getLogger(WebApi.class);
    static final int ATTEMPTS = 4;
    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    /** Slack's errors (in an HTTP 200 answer) that say "not now" rather than "never". */
    private static final Set<String> TRANSIENT_ERRORS = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout");
    static final String NOT_INSTALLED = "not_installed";

    /** One Web API method call on a client. */
    @FunctionalInterface
    interface Call<T extends SlackApiTextResponse> {
        T on(MethodsClient client) throws IOException, SlackApiException;
    }

    /** Which bot token speaks for a workspace, if it is (still) installed. */
    @FunctionalInterface
    interface Tokens {
        Optional<String> botToken(String tenant);

        /** Slack accepted a call for this workspace with this token (a sign of life). */
        default void worked(String tenant, String token) {
        }
    }

    /**
     * A call that failed after its tries, with Slack's error code (e.g. {@code channel_not_found}), whether a later
     * try may succeed (rate limits, Slack or the network unwell), and the wait Slack asked for, if any.
     */
    static final class Failed extends RuntimeException {
        final String method;
        final String error;
        final boolean retryable;
        final Duration retryAfter;

        Failed(String method, String error, Throwable cause) {
            this(method, error, false, Duration.ZERO, cause);
        }

        Failed(String method, String error, boolean retryable, Duration retryAfter, Throwable cause) {
            super(method + " failed: " + error, cause);
            this.method = method;
            this.error = error;
            this.retryable = retryable;
            this.retryAfter = retryAfter;
        }

        /** The workspace has no token (any more): nothing is sent there. */
        boolean notInstalled() {
            return NOT_INSTALLED.equals(error);
        }
    }

    /** Waits between attempts; tests may count instead of sleeping. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration d) throws InterruptedException;
    }

    /** The longest a message waits inline for its slot; a redelivery, on the scheduler's thread, waits less. */
    static final Duration LONGEST_PACE = Duration.ofSeconds(10);
    static final Duration LONGEST_PACE_ONCE = Duration.ofSeconds(2);

    private final Slack slack;
    private final Tokens tokens;
    private final Pause pause;
    private final Pacing pacing;
    private final Meters meters;

    WebApi(Slack slack, Tokens tokens, Pause pause) {
        this(slack, tokens, pause, null);
    }

    /** With {@code pacing} for messages; null: none (tests of other things). */
    WebApi(Slack slack, Tokens tokens, Pause pause, Pacing pacing) {
        this(slack, tokens, pause, pacing, Meters.none());
    }

    /** With the meters of sends and 429s. */
    WebApi(Slack slack, Tokens tokens, Pause pause, Pacing pacing, Meters meters) {
        this.meters = meters;
        this.slack = slack;
        this.tokens = tokens;
        this.pause = pause;
        this.pacing = pacing;
    }

    /** Where sends, retries and 429s are counted (the outbox counts what it parks and what is dead). */
    Meters meters() {
        return meters;
    }

    /** How fast Slack takes messages from a workspace, as this adapter keeps to it. */
    Pace pace() {
        return pacing == null ? Pace.NONE : pacing.pace();
    }

    /** Forgets the budget of a conversation (a person who erased their data: their DM goes to their user id). */
    void forgetPace(String tenant, String channel) {
        if (pacing != null) {
            pacing.forget(tenant, channel);
        }
    }

    /** How long a message to a workspace would wait now for its slot. */
    Duration backlog(String tenant) {
        return pacing == null ? Duration.ZERO : pacing.backlog(tenant);
    }

    Slack slack() {
        return slack;
    }

    boolean installed(String tenant) {
        return tokens.botToken(tenant).isPresent();
    }

    /** Calls a method with the workspace's token, retrying rate limits and network errors. */
    <T extends SlackApiTextResponse> T call(String tenant, String method, Call<T> call) {
        return call(tenant, method, null, ATTEMPTS, call);
    }

    /**
     * Posts a message to {@code channel} (chat.postMessage, a file): paced, as the class says; {@code once} for a
     * redelivery (one try, and a short wait for its slot at most).
     */
    <T extends SlackApiTextResponse> T post(String tenant, String channel, String method, boolean once, Call<T> call) {
        return call(tenant, method, channel, once ? 1 : ATTEMPTS, call);
    }

    /**
     * Calls a method once: a failure is thrown at once, with the wait Slack asked for. For redeliveries, whose
     * next try is planned in the store rather than waited for on the scheduler's thread.
     */
    <T extends SlackApiTextResponse> T callOnce(String tenant, String method, Call<T> call) {
        return call(tenant, method, null, 1, call);
    }

    /** {@code channel}: where a message goes, for its pace; null for a call that is not a message. */
    private <T extends SlackApiTextResponse> T call(String tenant, String method, String channel, int attempts,
                                                     Call<T> call) {
        String token;
        try {
            token = tokens.botToken(tenant).orElseThrow(() -> new Failed(method, NOT_INSTALLED, null));
        } catch (TokenCipher.UnknownKey e) {
            // installed, but its token is sealed with a key this replica lacks: kept for later, not dropped
            throw new Failed(method, "token_key_unknown", true, Duration.ZERO, e);
        }
        MethodsClient client = slack.methods(token);
        boolean paced = channel != null && pacing != null;
        for (int attempt = 1; ; attempt++) {
            if (paced) {
                awaitSlot(tenant, channel, method, attempts == 1 ? LONGEST_PACE_ONCE : LONGEST_PACE);
            }
            try {
                T response = call.on(client);
                if (!response.isOk()) {
                    String error = String.valueOf(response.getError());
                    throw new Failed(method, error, TRANSIENT_ERRORS.contains(error), Duration.ZERO, null);
                }
                tokens.worked(tenant, token);
                if (channel != null) {
                    meters.send(SlackMessenger.PLATFORM, Meters.Outcome.SENT);
                }
                return response;
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                boolean transientStatus = status == 429 || status >= 500;
                String header = e.getResponse().header("Retry-After");
                Duration wait = retryAfter(header);
                if (status == 429) {
                    meters.throttled(SlackMessenger.PLATFORM, tenant);
                }
                if (transientStatus && attempt < attempts && channel != null) {
                    meters.send(SlackMessenger.PLATFORM, Meters.Outcome.RETRIED);
                }
                if (status == 429 && paced) {
                    // the workspace is over Slack's budget: every replica holds its messages there until then
                    pacing.throttled(tenant, wait);
                }
                if (!transientStatus || attempt == attempts) {
                    throw new Failed(method, "HTTP " + status, transientStatus, header == null ? Duration.ZERO : wait,
                            e);
                }
                if (!paced || status != 429) {
                    waitBeforeRetry(method, attempt, wait);
                }
            } catch (IOException e) {
                if (attempt == attempts) {
                    throw new Failed(method, e.getClass().getSimpleName(), true, Duration.ZERO, e);
                }
                waitBeforeRetry(method, attempt, Duration.ofSeconds(1));
            }
        }
    }

    /** Takes the message's slot and waits for it; one too far ahead fails as rate limited, with the wait. */
    private void awaitSlot(String tenant, String channel, String method, Duration longest) {
        Duration wait = pacing.reserve(tenant, channel);
        if (wait.compareTo(longest) > 0) {
            throw new Failed(method, "ratelimited", true, wait, null);
        }
        if (!wait.isZero()) {
            try {
                pause.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failed(method, "interrupted", true, Duration.ZERO, e);
            }
        }
    }

    /** Slack's {@code Retry-After} is whole seconds; missing or odd values wait a second, never over a minute. */
    static Duration retryAfter(String header) {
        try {
            long seconds = header == null ? 1 : Long.parseLong(header.strip());
            return Duration.ofSeconds(Math.max(1, Math.min(seconds, LONGEST_WAIT.toSeconds())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private void waitBeforeRetry(String method, int attempt, Duration wait) {
        log.info("{} is rate limited or unavailable (attempt {}), retrying in {} s", method, attempt,
                wait.toSeconds());
        try {
            pause.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed(method, "interrupted", true, Duration.ZERO, e);
        }
    }
}
