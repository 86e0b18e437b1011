package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tandem posts what people wrote to a response_url only when it is Slack's (or the configured API's origin). */
class ResponseUrlsTest {

    private final ResponseUrls urls = new ResponseUrls(Slack.getInstance(), "http://127.0.0.1:8089/api/");

    @Test
    void onlySlacksHooksAndTheApisOriginAreUsed() {
        assertThat(urls.allowed("https://hooks.slack.com/commands/T1/123/abc")).isTrue();
        assertThat(urls.allowed("http://127.0.0.1:8089/hooks/x")).isTrue();
        assertThat(urls.allowed("http://hooks.slack.com/commands/T1/123/abc")).as("not https").isFalse();
        assertThat(urls.allowed("https://hooks.slack.com.evil.example/x")).isFalse();
        assertThat(urls.allowed("https://hooks.slack.com:8443/x")).isFalse();
        assertThat(urls.allowed("http://127.0.0.1:8090/hooks/x")).as("another port").isFalse();
        assertThat(urls.allowed("https://evil.example/x")).isFalse();
        assertThat(urls.allowed("not a url at all")).isFalse();
        assertThat(urls.send("https://evil.example/x", List.of())).isFalse();
    }
}
