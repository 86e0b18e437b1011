package org.tandem.slack;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: Bolt's jakarta servlet with the body read once and bounded, and the signature
 * checked before Bolt parses it (Bolt's parser would log an unknown body). Then Bolt runs the app and writes
 * its answer: commands, events and interactivity all arrive here.
 */
final class SlackEventsServlet extends SlackAppServlet {

    private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);
    /** Slack's payloads are far smaller; anything bigger is not from Slack. */
    static final int MAX_BODY = 1024 * 1024;

    private final transient SignatureCheck signatures;
    private final transient SlackRequestParser parser;

    SlackEventsServlet(App app, SignatureCheck signatures) {
        super(app);
        this.signatures = signatures;
        this.parser = new SlackRequestParser(app.config());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
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
        Request<?> slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(req.getRequestURI())
                .queryString(QueryStringParser.toMap(req.getQueryString()))
                .headers(new RequestHeaders(ServletAdapterOps.toHeaderMap(req)))
                .requestBody(new String(body, StandardCharsets.UTF_8))
                .remoteAddress(req.getRemoteAddr())
                .build());
        if (slackRequest == null) {
            write(resp, Response.json(400, "{\"error\":\"not a Slack request\"}"));
            return;
        }
        try {
            write(resp, getApp().run(slackRequest));
        } catch (Exception e) {
            log.error("handling a Slack request failed: {}", e.toString());
            write(resp, Response.json(500, "{\"error\":\"something went wrong\"}"));
        }
    }

    private static void write(HttpServletResponse resp, Response r) throws IOException {
        ServletAdapterOps.writeResponse(resp, r);
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }
}
