package org.tandem.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a slash command privately through its {@code response_url}, or replaces the ephemeral message a click came
 * from through the click's: an ephemeral message in the conversation
 * where it was typed, shown to that person only, which works where Tandem is not a member (a group DM, a channel
 * it was never invited to). Only Slack's own hooks are called ({@code https://hooks.slack.com/}, or the origin of
 * {@code tandem.slack.api-url} for a proxy or a test stub): the URL comes in a signed request, but Tandem posts
 * what people wrote to it, and so checks where.
 */
final class ResponseUrls {

    private static final Logger log = LoggerFactory.getLogger(ResponseUrls.class);
    private static final String SLACK_HOOKS = "hooks.slack.com";

    private final Slack slack;
    private final URI api;

    ResponseUrls(Slack slack, String apiUrl) {
        this.slack = slack;
        this.api = URI.create(apiUrl);
    }

    boolean allowed(String url) {
        try {
            URI u = URI.create(url);
            if ("https".equals(u.getScheme()) && SLACK_HOOKS.equals(u.getHost()) && u.getPort() == -1) {
                return true;
            }
            return Objects.equals(u.getScheme(), api.getScheme()) && Objects.equals(u.getHost(), api.getHost())
                    && u.getPort() == api.getPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Posts each part as an ephemeral message; false when the URL is not Slack's or Slack did not take one. */
    boolean send(String url, List<Undelivered.Part> parts) {
        return post(url, parts, false);
    }

    /**
     * Replaces the message a click came from ({@code replace_original}) with the first part: what an outcome shows
     * fits in one. False when the URL is not Slack's or Slack did not take it (it expired: 30 minutes, 5 uses).
     */
    boolean replace(String url, List<Undelivered.Part> parts) {
        return !parts.isEmpty() && post(url, parts.subList(0, 1), true);
    }

    private boolean post(String url, List<Undelivered.Part> parts, boolean replace) {
        if (url == null || !allowed(url)) {
            log.warn("a response_url that is not Slack's was not used");
            return false;
        }
        for (Undelivered.Part part : parts) {
            JsonObject body = new JsonObject();
            body.addProperty("response_type", "ephemeral");
            body.addProperty("replace_original", replace);
            body.addProperty("text", part.text());
            body.add("blocks", JsonParser.parseString(part.blocks()));
            try {
                WebhookResponse r = slack.send(url, body.toString());
                if (r.getCode() != 200) {
                    log.info("Slack did not take an answer through a response_url (HTTP {})", r.getCode());
                    return false;
                }
            } catch (IOException e) {
                log.info("an answer through a response_url failed ({})", e.getClass().getSimpleName());
                return false;
            }
        }
        return true;
    }
}
