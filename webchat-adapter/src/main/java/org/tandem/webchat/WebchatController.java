package org.tandem.webchat;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.core.TandemCore;
import org.tandem.core.conversation.Actor;
import org.tandem.core.conversation.InboundEvent;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.i18n.Texts;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web chat's HTTP side: the page, {@code POST /api/webchat/inbound} and {@code GET /api/webchat/outbox}.
 * Thin: check the request, translate it into the neutral model, hand it to the core, map errors to 4xx.
 */
@RestController
class WebchatController {

    static final int MAX_BODY = 64 * 1024;
    /** Where files are downloaded: {@code GET /api/webchat/files/<id>?user=<who>}. */
    static final String FILES = "/api/webchat/files/";
    /** The page's own sentences. */
    static final String TEXTS = "i18n.webchat";
    private static final java.util.regex.Pattern FILE_ID = java.util.regex.Pattern.compile("f[0-9a-f]{32}");

    private final TandemCore core;
    private final WebchatOutbox outbox;
    private final WebchatMessenger messenger;
    private final WebchatFiles files;
    private final WebchatPeople people;
    private final WebchatProperties properties;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    WebchatController(TandemCore core, WebchatOutbox outbox, WebchatMessenger messenger, WebchatFiles files,
                      WebchatPeople people, WebchatProperties properties, Clock clock) {
        this.core = core;
        this.outbox = outbox;
        this.messenger = messenger;
        this.files = files;
        this.people = people;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Resource> page(HttpServletRequest request) {
        refuseRemote(request);
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(new ClassPathResource("webchat/index.html"));
    }

    @GetMapping("/webchat/app.js")
    ResponseEntity<Resource> script(HttpServletRequest request) {
        refuseRemote(request);
        return ResponseEntity.ok().contentType(MediaType.valueOf("text/javascript"))
                .body(new ClassPathResource("webchat/app.js"));
    }

    @GetMapping("/webchat/app.css")
    ResponseEntity<Resource> style(HttpServletRequest request) {
        refuseRemote(request);
        return ResponseEntity.ok().contentType(MediaType.valueOf("text/css"))
                .body(new ClassPathResource("webchat/app.css"));
    }

    /** What the page needs to know: who the coordinators are, and its own sentences in each language. */
    @GetMapping("/api/webchat/config")
    Map<String, Object> config(HttpServletRequest request) {
        refuseRemote(request);
        Map<String, Object> texts = new LinkedHashMap<>();
        for (Locale l : Texts.SUPPORTED) {
            Texts t = Texts.of(TEXTS, l);
            texts.put(l.getLanguage(), new TreeMap<>(t.keys().stream().collect(Collectors.toMap(k -> k, t::get))));
        }
        return Map.of("coordinators", properties.coordinators(), "texts", texts);
    }

    @PostMapping(value = "/api/webchat/inbound", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> inbound(HttpServletRequest request) throws IOException {
        refuseRemote(request);
        byte[] body = readBounded(request.getInputStream());
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new WebchatRequest.Invalid("malformed JSON: " + e.getOriginalMessage());
        }
        WebchatRequest r = WebchatRequest.parse(root);
        Place place = place(r);
        people.seen(r.user(), r.name(), clock.instant());
        Optional<MessageRef> on = on(r);
        Input input = switch (r.kind()) {
            case TEXT -> new Input.FreeText(r.text());
            case ACTION -> {
                if (!core.knowsAction(r.actionId())) {
                    throw new WebchatRequest.Invalid("unknown action id '" + r.actionId() + "'");
                }
                yield new Input.Click(r.actionId(), r.actionValue(), on);
            }
            case FORM -> {
                if (!core.knowsForm(r.formId())) {
                    throw new WebchatRequest.Invalid("unknown form id '" + r.formId() + "'");
                }
                // WebchatRequest refused names that are no field's; which fields this form declares is the core's
                if (!core.formAccepts(r.formId(), r.formValues().keySet())) {
                    throw new WebchatRequest.Invalid("form '" + r.formId() + "' has no such field: "
                            + r.formValues().keySet());
                }
                yield new Input.Submit(r.formId(), r.formValues(), on);
            }
            // the page opened the person's conversation: the core welcomes them there the first time
            case ARRIVED -> new Input.Arrived();
        };
        if (r.kind() == WebchatRequest.Kind.TEXT) {
            echo(r, place);
        }
        String eventId = r.eventId().orElseGet(() -> UUID.randomUUID().toString());
        PersonRef who = new PersonRef(WebchatMessenger.PLATFORM, WebchatMessenger.TENANT, r.user());
        WebchatReplies replies = new WebchatReplies(messenger, who, place);
        Locale locale = r.locale() != null ? r.locale() : core.locale(who);
        core.handle(new InboundEvent(new Actor(who, r.name(), locale, r.timeZone()), place, eventId, input)
                .answeredBy(replies));
        // the core answers within the request: the turn's replies and updates are in the outbox already
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", true);
        answer.put("eventId", eventId);
        answer.put("replies", seqs(replies.sent()));
        answer.put("updated", seqs(replies.updated()));
        return ResponseEntity.accepted().body(answer);
    }

    /**
     * The message a click or a submission came from, as the page says ({@code "message": seq}): one of the bot's,
     * in this conversation, that the person may read; anything else is refused before the core sees it.
     */
    private Optional<MessageRef> on(WebchatRequest r) {
        if (r.message().isEmpty()) {
            return Optional.empty();
        }
        long seq = r.message().get();
        if (!outbox.botMessageReadable(seq, r.conversation(), r.user(), properties.coordinators().contains(r.user()))) {
            throw new WebchatRequest.Invalid("'message' " + seq + " is no message of Tandem's that '" + r.user()
                    + "' can read in '" + r.conversation() + "'");
        }
        return Optional.of(new MessageRef(WebchatMessenger.PLATFORM, Long.toString(seq)));
    }

    /** The outbox's numbers of these messages (one parked for later has none yet: it comes with a later poll). */
    private static List<Long> seqs(List<MessageRef> refs) {
        return refs.stream().map(MessageRef::id).filter(id -> id.chars().allMatch(Character::isDigit))
                .map(Long::valueOf).distinct().toList();
    }

    /**
     * What a person may read that was sent or changed after revision {@code after}; with it, what the page shows
     * around the messages: the language Tandem speaks to them in (their choice, else what the page last said), and
     * who is in each of their groups (so that a group's tab is named after its people).
     */
    @GetMapping("/api/webchat/outbox")
    Map<String, Object> outbox(HttpServletRequest request, @RequestParam(required = false) String user,
                               @RequestParam(required = false, defaultValue = "0") String after) {
        refuseRemote(request);
        String u = user(user);
        long from;
        try {
            from = Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new WebchatRequest.Invalid("'after' must be a revision number");
        }
        if (from < 0) {
            throw new WebchatRequest.Invalid("'after' must be a revision number");
        }
        // reading is not acting: someone who erased their data stays forgotten while the page still lists them
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("messages", outbox.readable(u, properties.coordinators().contains(u), from, 500));
        answer.put("locale", core.locale(new PersonRef(WebchatMessenger.PLATFORM, WebchatMessenger.TENANT, u))
                .getLanguage());
        Map<String, Document> groups = outbox.groupsWithMembers(u);
        // each group says who is in it by name, as Tandem knows them, so that its tab is named after its people
        groups.values().forEach(g -> g.append("names", g.getList("members", String.class).stream()
                .map(m -> core.name(new PersonRef(WebchatMessenger.PLATFORM, WebchatMessenger.TENANT, m))).toList()));
        answer.put("groups", groups);
        return answer;
    }

    /**
     * A file the core sent, to a user it was sent to (the person, or a coordinator for the admin channel's); to
     * anyone else, 404 as if it did not exist. Always a download when opened; a picture is also what the page's
     * {@code <img>} shows (which a download disposition does not prevent).
     */
    @GetMapping(FILES + "{id}")
    ResponseEntity<byte[]> file(HttpServletRequest request, @org.springframework.web.bind.annotation.PathVariable
            String id, @RequestParam(required = false) String user) {
        refuseRemote(request);
        String u = user(user);
        if (!FILE_ID.matcher(id).matches()) {
            throw new Refused(HttpStatus.NOT_FOUND, "no such file");
        }
        WebchatFiles.Stored f = files.readable(id, u)
                .orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "no such file"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.mediaType().startsWith("image/") ? f.mediaType()
                        : f.mediaType() + ";charset=UTF-8"))
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                        .filename(f.name()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .body(f.bytes());
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(WebchatRequest.Invalid.class)
    ResponseEntity<Map<String, Object>> invalid(WebchatRequest.Invalid e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(Refused.class)
    ResponseEntity<Map<String, Object>> refused(Refused e) {
        return ResponseEntity.status(e.status).body(Map.of("error", e.getMessage()));
    }

    private Place place(WebchatRequest r) {
        if (r.conversation().equals(WebchatOutbox.ADMIN)) {
            if (!properties.coordinators().contains(r.user())) {
                throw new Refused(HttpStatus.FORBIDDEN, "only coordinators may post in the admin conversation");
            }
            return Place.ADMIN;
        }
        if (r.conversation().startsWith("group:")) {
            String id = r.conversation().substring("group:".length());
            if (!outbox.members(id).contains(r.user())) {
                throw new Refused(HttpStatus.FORBIDDEN, "'" + r.user() + "' is not in " + r.conversation());
            }
            return Place.group(id);
        }
        if (r.conversation().startsWith(WebchatOutbox.CHANNEL)) {
            // everyone reads a channel and may click there (the core says who may use what); only Tandem posts
            if (r.kind() == WebchatRequest.Kind.TEXT) {
                throw new Refused(HttpStatus.FORBIDDEN, "only Tandem posts in " + r.conversation()
                        + ": its buttons can be clicked, nothing can be typed there");
            }
            return Place.group("#" + r.conversation().substring(WebchatOutbox.CHANNEL.length()));
        }
        return Place.DIRECT;
    }

    /** Shows what a person typed in their conversation, so the transcript reads both sides. */
    private void echo(WebchatRequest r, Place place) {
        List<String> readers = place instanceof Place.Admin ? properties.coordinators()
                : place instanceof Place.Group g ? outbox.members(g.groupId()) : List.of(r.user());
        outbox.append(r.conversation(), readers, r.user(),
                List.of(new Document("type", "text").append("text", WebchatRenderer.escape(r.text()))),
                clock.instant());
    }

    private static String user(String user) {
        if (user == null || !WebchatRequest.USER.matcher(user.toLowerCase(java.util.Locale.ROOT)).matches()) {
            throw new WebchatRequest.Invalid("'user' must be 1-32 letters, digits, '.', '_' or '-'");
        }
        return user.toLowerCase(java.util.Locale.ROOT);
    }

    private void refuseRemote(HttpServletRequest request) {
        if (properties.allowRemote()) {
            return;
        }
        try {
            if (!InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
                throw new Refused(HttpStatus.FORBIDDEN, "the web chat answers only on this machine");
            }
        } catch (UnknownHostException e) {
            throw new Refused(HttpStatus.FORBIDDEN, "the web chat answers only on this machine");
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new Refused(HttpStatus.PAYLOAD_TOO_LARGE, "the body is larger than " + MAX_BODY / 1024 + " KiB");
        }
        return body;
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
