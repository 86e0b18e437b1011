package org.tandem.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the Slack Web API for a workspace with its bot token. A rate-limited call (HTTP 429) is retried after
 * the {@code Retry-After} Slack asks for, and a network error after a second, a few times: a message still
 * arrives when Slack is busy. What keeps failing is thrown as {@link Failed} for the caller to hand on.
 */
final class WebApi {

    private static final Logger log = LoggerFactory.getLogger(WebApi.class);
    static final int ATTEMPTS = 4;
    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    /** One Web API method call on a client. */
    @FunctionalInterface
    interface Call<T extends SlackApiTextResponse> {
        T on(MethodsClient client) throws IOException, SlackApiException;
    }

    /** Which bot token speaks for a workspace, if it is (still) installed. */
    @FunctionalInterface
    interface Tokens {
        Optional<String> botToken(String tenant);
    }

    /** A call that failed for good, with Slack's error code (e.g. {@code channel_not_found}). */
    static final class Failed extends RuntimeException {
        final String method;
        final String error;

        Failed(String method, String error, Throwable cause) {
            super(method + " failed: " + error, cause);
            this.method = method;
            this.error = error;
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
        String token = tokens.botToken(tenant)
                .orElseThrow(() -> new Failed(method, "not_installed in " + tenant, null));
        MethodsClient client = slack.methods(token);
        for (int attempt = 1; ; attempt++) {
            try {
                T response = call.on(client);
                if (!response.isOk()) {
                    throw new Failed(method, response.getError(), null);
                }
                return response;
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                if (status != 429 && status < 500 || attempt == ATTEMPTS) {
                    throw new Failed(method, "HTTP " + status, e);
                }
                waitBeforeRetry(method, attempt, retryAfter(e.getResponse().header("Retry-After")));
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw new Failed(method, e.getClass().getSimpleName(), e);
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
            throw new Failed(method, "interrupted", e);
        }
    }
}
