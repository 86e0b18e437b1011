package org.tandem.deploy.devclock;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.core.TandemCore;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/dev/clock} tells the time; {@code POST /api/dev/clock} with {@code {"advance":"P14D"}} moves it
 * forward and sweeps what became due at once. Absent (404) when the dev clock is off.
 */
@RestController
@Conditional(DevClockControl.On.class)
class DevClockController {

    static final Duration MAX_ADVANCE = Duration.ofDays(400);
    /** A bound on the stops of one jump, against a schedule that keeps planning work due at once. */
    static final int MAX_STOPS = 100_000;
    private static final int MAX_BODY = 4096;
    private static final Logger log = LoggerFactory.getLogger(DevClockController.class);

    private final DevClock clock;
    private final TandemCore core;
    private final JsonMapper json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    DevClockController(DevClock clock, TandemCore core) {
        this.clock = clock;
        this.core = core;
    }

    @GetMapping("/api/dev/clock")
    Map<String, Object> now() {
        return Map.of("now", clock.instant().toString(), "offset", clock.offset().toString());
    }

    /**
     * Moves time forward as if it had passed: the clock stops at each moment something falls due on the way (a
     * check-in deferred to 9:30 the next working day, a reminder two days later), sweeps there, and goes on; so a
     * two-week jump that lands at night still delivers what those two weeks would have.
     */
    @PostMapping(value = "/api/dev/clock", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> advance(HttpServletRequest request) throws IOException {
        Duration by = parse(request.getInputStream().readNBytes(MAX_BODY + 1), clock.instant());
        Instant target = clock.instant().plus(by);
        int swept = 0;
        int stops = 0;
        Optional<Instant> next;
        while (stops < MAX_STOPS && (next = core.nextDue().filter(t -> t.isBefore(target))).isPresent()) {
            Duration to = Duration.between(clock.instant(), next.get());
            if (!to.isNegative() && !to.isZero()) {
                clock.advance(to);
            }
            swept += core.sweep();
            stops++;
        }
        Duration rest = Duration.between(clock.instant(), target);
        Instant now = rest.isNegative() || rest.isZero() ? clock.instant() : clock.advance(rest);
        swept += core.sweep();
        log.info("dev clock moved {} forward to {}; swept {} due items at {} stops", by, now, swept, stops + 1);
        return Map.of("now", now.toString(), "swept", swept, "stops", stops + 1);
    }

    @ExceptionHandler(Invalid.class)
    ResponseEntity<Map<String, Object>> invalid(Invalid e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    /** Reads {@code {"advance":"<ISO-8601 period or duration>"}}; a period counts from {@code now}, in UTC. */
    Duration parse(byte[] body, Instant now) {
        if (body.length > MAX_BODY) {
            throw new Invalid("the body is larger than " + MAX_BODY + " bytes");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new Invalid("malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("the body must be a JSON object such as {\"advance\":\"P14D\"}");
        }
        for (String field : root.propertyNames()) {
            if (!field.equals("advance")) {
                throw new Invalid("unknown field '" + field + "': only 'advance' is allowed");
            }
        }
        JsonNode advance = root.get("advance");
        if (advance == null || !advance.isString()) {
            throw new Invalid("'advance' is required: an ISO-8601 period or duration such as \"P14D\" or \"PT3H\"");
        }
        Duration by = duration(advance.asString().strip().toUpperCase(Locale.ROOT), now);
        if (by.toMillis() <= 0) {
            throw new Invalid("'advance' must move the clock forward (at least one millisecond)");
        }
        if (by.compareTo(MAX_ADVANCE) > 0) {
            throw new Invalid("'advance' may be at most 400 days (P400D) at a time");
        }
        return by;
    }

    private static Duration duration(String text, Instant now) {
        try {
            if (text.contains("T")) {
                return Duration.parse(text);
            }
            Period period = Period.parse(text);
            try {
                return Duration.between(now, now.atOffset(ZoneOffset.UTC).plus(period).toInstant());
            } catch (DateTimeException | ArithmeticException e) {
                throw new Invalid("'advance' may be at most 400 days (P400D) at a time");
            }
        } catch (DateTimeParseException e) {
            throw new Invalid("'advance' must be an ISO-8601 period or duration such as \"P14D\" or \"PT3H\"");
        }
    }

    /** A request that cannot be taken, with the reason to show. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }
}
