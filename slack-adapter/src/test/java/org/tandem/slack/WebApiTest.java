package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** Rate limits and network errors are retried after the wait Slack asks for; other failures are not. */
class WebApiTest {

    private final List<Duration> waits = new ArrayList<>();
    private final WebApi api = new WebApi(Slack.getInstance(new SlackConfig()), t -> Optional.of("xoxb-1"),
            waits::add);

    private static SlackApiException status(int code, String retryAfter) {
        Response.Builder r = new Response.Builder().request(new Request.Builder().url("http://localhost/api/x").build())
                .protocol(Protocol.HTTP_1_1).code(code).message("x");
        if (retryAfter != null) {
            r.header("Retry-After", retryAfter);
        }
        return new SlackApiException(r.build(), "{\"ok\":false,\"error\":\"ratelimited\"}");
    }

    private static ChatPostMessageResponse ok() {
        ChatPostMessageResponse r = new ChatPostMessageResponse();
        r.setOk(true);
        return r;
    }

    @Test
    void a429IsRetriedAfterItsRetryAfter() {
        AtomicInteger calls = new AtomicInteger();
        ChatPostMessageResponse r = api.call("T1", "chat.postMessage", c -> {
            if (calls.incrementAndGet() < 3) {
                throw status(429, calls.get() == 1 ? "7" : null);
            }
            return ok();
        });
        assertThat(r.isOk()).isTrue();
        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(1));
    }

    @Test
    void networkErrorsAndServerErrorsAreRetriedAFewTimesThenReported() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> api.call("T1", "chat.postMessage", c -> {
            calls.incrementAndGet();
            throw new IOException("connection reset");
        })).isInstanceOf(WebApi.Failed.class).hasMessageContaining("IOException");
        assertThat(calls).hasValue(WebApi.ATTEMPTS);
        assertThat(api.call("T1", "x", c -> calls.incrementAndGet() < 6 ? throwing(status(503, null)) : ok()).isOk())
                .isTrue();
    }

    @Test
    void anApiErrorOrA4xxIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> api.call("T1", "chat.postMessage", c -> {
            calls.incrementAndGet();
            ChatPostMessageResponse r = new ChatPostMessageResponse();
            r.setOk(false);
            r.setError("channel_not_found");
            return r;
        })).isInstanceOf(WebApi.Failed.class).hasMessageContaining("channel_not_found");
        assertThatThrownBy(() -> api.call("T1", "x", c -> {
            calls.incrementAndGet();
            throw status(400, null);
        })).isInstanceOf(WebApi.Failed.class);
        assertThat(calls).hasValue(2);
        assertThat(waits).isEmpty();
    }

    @Test
    void anUninstalledWorkspaceGetsNothing() {
        WebApi none = new WebApi(Slack.getInstance(new SlackConfig()), t -> Optional.empty(), waits::add);
        assertThatThrownBy(() -> none.call("T9", "chat.postMessage", c -> ok()))
                .isInstanceOf(WebApi.Failed.class).hasMessageContaining("not_installed");
        assertThat(WebApi.retryAfter("120")).isEqualTo(Duration.ofSeconds(60));
        assertThat(WebApi.retryAfter("soon")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aFailureSaysWhetherALaterTryMayHelpAndHowLongSlackAskedToWait() {
        WebApi.Failed limited = failure(c -> throwing(status(429, "30")));
        assertThat(limited.retryable).isTrue();
        assertThat(limited.retryAfter).isEqualTo(Duration.ofSeconds(30));
        assertThat(failure(c -> throwing(status(500, null))).retryable).isTrue();
        assertThat(failure(c -> {
            throw new IOException("reset");
        }).retryable).isTrue();
        assertThat(failure(c -> error("ratelimited")).retryable).isTrue();
        assertThat(failure(c -> error("channel_not_found")).retryable).isFalse();
        assertThat(failure(c -> throwing(status(403, null))).retryable).isFalse();
        // a redelivery tries once: no waiting on the scheduler's thread
        waits.clear();
        AtomicInteger calls = new AtomicInteger();
        WebApi.Failed once = org.assertj.core.api.Assertions.catchThrowableOfType(WebApi.Failed.class,
                () -> api.callOnce("T1", "chat.postMessage", c -> {
                    calls.incrementAndGet();
                    throw status(429, "5");
                }));
        assertThat(calls).hasValue(1);
        assertThat(waits).isEmpty();
        assertThat(once.retryAfter).isEqualTo(Duration.ofSeconds(5));
    }

    private WebApi.Failed failure(WebApi.Call<ChatPostMessageResponse> call) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(WebApi.Failed.class,
                () -> api.call("T1", "chat.postMessage", call));
    }

    private static ChatPostMessageResponse error(String code) {
        ChatPostMessageResponse r = new ChatPostMessageResponse();
        r.setOk(false);
        r.setError(code);
        return r;
    }

    private static ChatPostMessageResponse throwing(SlackApiException e) throws SlackApiException {
        throw e;
    }
}
