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

/**
 * Calls the Slack Web API for a workspace with its bot token. A rate-limited call (HTTP 429) is retried after
 * the {@code Retry-After} Slack asks for, and a network error after a second, a few times: a message still
 * arrives when Slack is busy. What keeps failing is thrown as {@link Failed}, which says whether trying again
 * later may help, for the caller to hand on.
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

    private final Slack slack;
    private final Tokens tokens;
    private final Pause pause;

    WebApi(Slack slack, Tokens tokens, Pause pause) {
        this.slack = slack;
        this.tokens = tokens;
        this.pause = pause;
    }

    Slack slack() {
        return slack;
    }

    boolean installed(String tenant) {
        return tokens.botToken(tenant).isPresent();
    }

    /** Calls a method with the workspace's token, retrying rate limits and network errors. */
    <T extends SlackApiTextResponse> T call(String tenant, String method, Call<T> call) {
        return call(tenant, method, ATTEMPTS, call);
    }

    /**
     * Calls a method once: a failure is thrown at once, with the wait Slack asked for. For redeliveries, whose
     * next try is planned in the store rather than waited for on the scheduler's thread.
     */
    <T extends SlackApiTextResponse> T callOnce(String tenant, String method, Call<T> call) {
        return call(tenant, method, 1, call);
    }

    private <T extends SlackApiTextResponse> T call(String tenant, String method, int attempts, Call<T> call) {
        String token;
        try {
            token = tokens.botToken(tenant).orElseThrow(() -> new Failed(method, NOT_INSTALLED, null));
        } catch (TokenCipher.UnknownKey e) {
            // installed, but its token is sealed with a key this replica lacks: kept for later, not dropped
            throw new Failed(method, "token_key_unknown", true, Duration.ZERO, e);
        }
        MethodsClient client = slack.methods(token);
        for (int attempt = 1; ; attempt++) {
            try {
                T response = call.on(client);
                if (!response.isOk()) {
                    String error = String.valueOf(response.getError());
                    throw new Failed(method, error, TRANSIENT_ERRORS.contains(error), Duration.ZERO, null);
                }
                tokens.worked(tenant, token);
                return response;
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                boolean transientStatus = status == 429 || status >= 500;
                String header = e.getResponse().header("Retry-After");
                Duration wait = retryAfter(header);
                if (!transientStatus || attempt == attempts) {
                    throw new Failed(method, "HTTP " + status, transientStatus, header == null ? Duration.ZERO : wait,
                            e);
                }
                waitBeforeRetry(method, attempt, wait);
            } catch (IOException e) {
                if (attempt == attempts) {
                    throw new Failed(method, e.getClass().getSimpleName(), true, Duration.ZERO, e);
                }
                waitBeforeRetry(method, attempt, Duration.ofSeconds(1));
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
