package org.tandem.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Serialization;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.core.telemetry.Meters;
import org.tandem.core.telemetry.Redacted;

/**
 * {@code POST /api/messages}, the Bot Framework's messaging endpoint. Thin: read the body with the SDK's own
 * (Jackson 2) mapper, validate the caller's JWT, check the activity, acknowledge at once, and run the turn after
 * the acknowledgement — except a card's action ({@code adaptiveCard/action}), whose answer Teams waits for. The
 * token comes first, so that a caller who is not the Bot Framework learns nothing about what we would accept. Bad
 * token: 401; malformed activity (an invoke we do not answer included, a form field the core does not declare):
 * 400; another tenant: 403; overloaded, or no keys to check tokens with: 503 (with {@code Retry-After}).
 */
@RestController
class TeamsController {

    static final int MAX_BODY = 256 * 1024;
    private static final Logger log = LoggerFactory.getLogger(TeamsController.class);

    private final TeamsBotAdapter adapter;
    private final TeamsBot bot;
    private final BotTokens tokens;
    private final TeamsProperties properties;
    private final Executor turns;
    private final Meters meters;

    TeamsController(TeamsBotAdapter adapter, TeamsBot bot, BotTokens tokens, TeamsProperties properties,
                    Executor turns) {
        this(adapter, bot, tokens, properties, turns, Meters.none());
    }

    /** With the meter of acknowledgements: from the activity's arrival to the answer (errors included). */
    TeamsController(TeamsBotAdapter adapter, TeamsBot bot, BotTokens tokens, TeamsProperties properties,
                    Executor turns, Meters meters) {
        this.meters = meters;
        this.adapter = adapter;
        this.bot = bot;
        this.tokens = tokens;
        this.properties = properties;
        this.turns = turns;
    }

    @PostMapping("/api/messages")
    ResponseEntity<Object> messages(HttpServletRequest request) throws IOException {
        long start = System.nanoTime();
        try {
            return answer(request);
        } finally {
            meters.acked(TeamsMessenger.PLATFORM, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private ResponseEntity<Object> answer(HttpServletRequest request) throws IOException {
        JsonNode tree = read(request.getInputStream());
        ClaimsIdentity identity = tokens.authenticate(request.getHeader("Authorization"), string(tree, "channelId"),
                string(tree, "serviceUrl"));
        Activity activity = ActivityShape.check(tree);
        InboundActivity.check(activity);
        bot.checkSubmission(activity);
        if (properties.tenantId() != null && !properties.tenantId().equals(InboundActivity.tenant(activity))) {
            throw new Refused(HttpStatus.FORBIDDEN, "this bot serves one tenant only");
        }
        if (activity.isType(ActivityTypes.INVOKE)) {
            return invoke(identity, activity);
        }
        try {
            turns.execute(() -> {
                try {
                    adapter.processActivity(identity, activity, bot::onTurn).join();
                } catch (RuntimeException e) {
                    log.error("a Teams turn failed ({} {})", activity.getType(), activity.getId(), Redacted.of(e));
                }
            });
        } catch (RejectedExecutionException e) {
            throw new Refused(HttpStatus.SERVICE_UNAVAILABLE, "too many activities at once, try again");
        }
        return ResponseEntity.ok().build();
    }

    /**
     * A card's action (the only invoke {@link InboundActivity#check} lets through) waits for its turn: Teams shows
     * the answer in place of the card. A turn slower than {@code tandem.teams.invoke-timeout} is answered that the
     * answer follows, and the card is then updated as any message is.
     */
    private ResponseEntity<Object> invoke(ClaimsIdentity identity, Activity activity) {
        InvokeAnswer answer = new InvokeAnswer();
        CompletableFuture<InvokeResponse> turn = new CompletableFuture<>();
        try {
            turns.execute(() -> {
                try {
                    turn.complete(adapter.processActivity(identity, activity, t -> {
                        t.getTurnState().add(CardInvokes.ANSWER, answer);
                        return bot.onTurn(t);
                    }).join());
                } catch (RuntimeException e) {
                    log.error("a Teams card action failed ({})", activity.getId(), Redacted.of(e));
                    turn.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new Refused(HttpStatus.SERVICE_UNAVAILABLE, "too many activities at once, try again");
        }
        TeamsTexts t = TeamsTexts.of(InboundActivity.locale(activity));
        InvokeResponse r;
        try {
            r = turn.get(properties.invokeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.abandon();
            log.warn("a Teams card action ({}) took longer than {}: its answer follows in the chat",
                    activity.getId(), properties.invokeTimeout());
            r = InvokeAnswer.message(t.get("card.later"));
        } catch (ExecutionException e) {
            r = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r = null;
        }
        if (r == null || r.getBody() == null) {
            r = InvokeAnswer.error(HttpURLConnection.HTTP_INTERNAL_ERROR, "Failed", t.get("card.failed"));
        }
        try {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Serialization.toString(r.getBody()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body as JSON, or null when it is not JSON (said only once the caller is authenticated). */
    private static JsonNode read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new Refused(HttpStatus.PAYLOAD_TOO_LARGE, "the body is larger than " + MAX_BODY / 1024 + " KiB");
        }
        try {
            return Serialization.jsonToTree(new String(body, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A top-level string field, for the token check; null when absent or of another type. */
    private static String string(JsonNode tree, String field) {
        JsonNode n = tree == null ? null : tree.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    @ExceptionHandler(InboundActivity.Invalid.class)
    ResponseEntity<Map<String, Object>> invalid(InboundActivity.Invalid e) {
        log.warn("refused an activity on /api/messages: {}", e.getMessage());
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<Map<String, Object>> refused(Refused e) {
        log.warn("refused a request to /api/messages ({}): {}", e.status.value(), e.reason);
        return ResponseEntity.status(e.status).body(Map.of("error", e.getMessage()));
    }

    /** Teams retries a 503 after Retry-After: the keys may be back by then, and nothing was lost. */
    @ExceptionHandler(SigningKeys.Unavailable.class)
    ResponseEntity<Map<String, Object>> unavailable(SigningKeys.Unavailable e) {
        log.warn("answered 503 to a request to /api/messages: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(Math.max(1, e.retryAfter.toSeconds())))
                .body(Map.of("error", "cannot check Bot Framework tokens right now, try again later"));
    }

    /** A request refused with a status other than 400; {@code reason} is for the log, never for the caller. */
    static final class Refused extends RuntimeException {
        final HttpStatus status;
        final String reason;

        Refused(HttpStatus status, String message) {
            this(status, message, message);
        }

        Refused(HttpStatus status, String message, String reason) {
            super(message);
            this.status = status;
            this.reason = reason;
        }
    }
}
