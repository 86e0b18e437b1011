package org.tandem.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Serialization;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/messages}, the Bot Framework's messaging endpoint. Thin: read the Activity with the SDK's own
 * (Jackson 2) mapper, validate the caller's JWT, check the activity, acknowledge at once, and run the turn after
 * the acknowledgement. Bad token: 401; malformed activity: 400; another tenant: 403; overloaded: 503.
 */
@RestController
class TeamsController {

    static final int MAX_BODY = 256 * 1024;
    private static final Logger log = LoggerFactory.getLogger(TeamsController.class);

    private final TeamsBotAdapter adapter;
    private final TeamsBot bot;
    private final CredentialProvider credentials;
    private final TeamsProperties properties;
    private final Executor turns;

    TeamsController(TeamsBotAdapter adapter, TeamsBot bot, CredentialProvider credentials,
                    TeamsProperties properties, Executor turns) {
        this.adapter = adapter;
        this.bot = bot;
        this.credentials = credentials;
        this.properties = properties;
        this.turns = turns;
    }

    @PostMapping("/api/messages")
    ResponseEntity<Object> messages(HttpServletRequest request) throws IOException {
        Activity activity = read(request.getInputStream());
        ClaimsIdentity identity = authenticate(activity, request.getHeader("Authorization"));
        InboundActivity.check(activity);
        if (properties.tenantId() != null && !properties.tenantId().equals(InboundActivity.tenant(activity))) {
            throw new Refused(HttpStatus.FORBIDDEN, "this bot serves one tenant only");
        }
        if (activity.isType(ActivityTypes.INVOKE)) {
            // we use Action.Submit (message activities), never invokes that wait for an answer
            return ResponseEntity.status(HttpStatus.NOT_IMPLEMENTED).build();
        }
        try {
            turns.execute(() -> {
                try {
                    adapter.processActivity(identity, activity, bot::onTurn).join();
                } catch (RuntimeException e) {
                    log.error("a Teams turn failed ({} {})", activity.getType(), activity.getId(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new Refused(HttpStatus.SERVICE_UNAVAILABLE, "too many activities at once, try again");
        }
        return ResponseEntity.ok().build();
    }

    private ClaimsIdentity authenticate(Activity activity, String header) {
        try {
            return JwtTokenValidation.authenticateRequest(activity, header, credentials, null,
                    new AuthenticationConfiguration()).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(HttpStatus.SERVICE_UNAVAILABLE, "interrupted");
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // a malformed token fails while being decoded, a forged one while being verified: both are a 401
            log.warn("refused a request to /api/messages: {}", String.valueOf(e.getCause() != null ? e.getCause() : e));
            throw new Refused(HttpStatus.UNAUTHORIZED, "missing or invalid Bot Framework token");
        }
    }

    private static Activity read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new Refused(HttpStatus.PAYLOAD_TOO_LARGE, "the body is larger than " + MAX_BODY / 1024 + " KiB");
        }
        JsonNode tree;
        try {
            tree = Serialization.jsonToTree(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InboundActivity.Invalid("malformed JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new InboundActivity.Invalid("the body must be a JSON object (an Activity)");
        }
        try {
            return Serialization.treeToValue(tree, Activity.class);
        } catch (RuntimeException e) {
            throw new InboundActivity.Invalid("not an Activity");
        }
    }

    @ExceptionHandler(InboundActivity.Invalid.class)
    ResponseEntity<Map<String, Object>> invalid(InboundActivity.Invalid e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<Map<String, Object>> refused(Refused e) {
        return ResponseEntity.status(e.status).body(Map.of("error", e.getMessage()));
    }

    /** A request refused with a status other than 400. */
    static final class Refused extends RuntimeException {
        final HttpStatus status;

        Refused(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }
    }
}
