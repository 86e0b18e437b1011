package org.tandem.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.ServletAdapterOps;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.telemetry.Meters;
import org.tandem.core.telemetry.Redacted;

/**
 * {@code POST /slack/events}: Bolt's jakarta servlet with the body read once and bounded, the signature checked
 * and the body's shape checked ({@link RequestShape}) before Bolt parses it (Bolt's parser would log an unknown
 * body, and throws on a malformed one). Then Bolt runs the app and writes its answer: commands, events and
 * interactivity all arrive here. Bad input is a 400 with a JSON reason, never a 500.
 */
final class SlackEventsServlet extends SlackAppServlet {

    private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);
    /** Slack's payloads are far smaller; anything bigger is not from Slack. */
    static final int MAX_BODY = 1024 * 1024;

    private final transient SignatureCheck signatures;
    private final transient SlackRequestParser parser;
    private final transient Meters meters;

    SlackEventsServlet(App app, SignatureCheck signatures) {
        this(app, signatures, Meters.none());
    }

    /** With the meter of acknowledgements: from the request's arrival to the answer written. */
    SlackEventsServlet(App app, SignatureCheck signatures, Meters meters) {
        super(app);
        this.meters = meters;
        this.signatures = signatures;
        this.parser = new SlackRequestParser(app.config());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long start = System.nanoTime();
        try {
            answer(req, resp);
        } finally {
            meters.acked(SlackMessenger.PLATFORM, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private void answer(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body = readBounded(req.getInputStream());
        if (body == null) {
            write(resp, Response.json(413, "{\"error\":\"request too large\"}"));
            return;
        }
        if (!signatures.valid(req.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
                req.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE), body)) {
            log.info("refused a request to {} with a missing, stale or wrong signature", req.getRequestURI());
            write(resp, Response.json(401, "{\"error\":\"invalid request\"}"));
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Optional<String> problem = RequestShape.problem(text);
        Optional<Request<?>> slackRequest = problem.isPresent() ? Optional.empty() : parse(req, text);
        if (slackRequest.isEmpty()) {
            refuse(req, resp, problem.orElse("not a Slack request"));
            return;
        }
        try {
            write(resp, getApp().run(slackRequest.get()));
        } catch (JsonParseException e) {
            // an event is read into its type when it is dispatched, before any handler runs
            refuse(req, resp, "unreadable payload");
        } catch (Exception e) {
            log.error("handling a Slack request failed: {}", Redacted.describe(e));
            write(resp, Response.json(500, "{\"error\":\"something went wrong\"}"));
        }
    }

    /**
     * Bolt's request, or empty when Bolt sees none. {@link RequestShape} keeps Slack's rules; whatever else Bolt's
     * parser cannot read is still the sender's fault.
     */
    private Optional<Request<?>> parse(HttpServletRequest req, String text) {
        try {
            return Optional.ofNullable(parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(req.getRequestURI())
                    .queryString(QueryStringParser.toMap(req.getQueryString()))
                    .headers(new RequestHeaders(ServletAdapterOps.toHeaderMap(req)))
                    .requestBody(text)
                    .remoteAddress(req.getRemoteAddr())
                    .build()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A 400 with the reason (one of RequestShape's, never a piece of the body) and one line in the log. */
    private static void refuse(HttpServletRequest req, HttpServletResponse resp, String reason) throws IOException {
        log.info("refused a malformed request to {}: {}", req.getRequestURI(), reason);
        JsonObject error = new JsonObject();
        error.addProperty("error", reason);
        write(resp, Response.json(400, error.toString()));
    }

    private static void write(HttpServletResponse resp, Response r) throws IOException {
        ServletAdapterOps.writeResponse(resp, r);
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }
}
