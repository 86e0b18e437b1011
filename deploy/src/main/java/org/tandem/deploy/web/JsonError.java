package org.tandem.deploy.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/** The one shape of an error answer, {@code {"error":"…"}}, written as it is (whatever the client accepts). */
final class JsonError {

    private static final int MAX_DETAIL = 200;

    private JsonError() {
    }

    /** What an error with this status says, with a detail when one is known and safe to show. */
    static String sentence(int status, String detail) {
        String base = switch (status) {
            case 400 -> "the request is malformed";
            case 401 -> "authentication is required";
            case 403 -> "this is not allowed";
            case 404 -> "there is nothing here";
            case 405 -> "this method is not allowed here";
            case 406 -> "this can only be answered in another media type";
            case 413 -> "the request is too large";
            case 414 -> "the URL is too long";
            case 415 -> "this media type is not accepted here: send JSON";
            case 431 -> "the request's headers are too large";
            case 503 -> "unavailable for a moment: try again later";
            default -> status >= 500 ? "something went wrong on our side"
                    : HttpStatus.valueOf(status).getReasonPhrase().toLowerCase(Locale.ROOT);
        };
        String d = clean(detail);
        return status >= 500 || d.isEmpty() ? base : base + ": " + d;
    }

    /** A message as one short line: no control characters, at most 200 characters (for answers and logs). */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String one = text.replaceAll("\\p{Cntrl}", "?").strip();
        return one.length() > MAX_DETAIL ? one.substring(0, MAX_DETAIL) + "…" : one;
    }

    static String body(String sentence) {
        StringBuilder b = new StringBuilder("{\"error\":\"");
        for (char c : sentence.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append("\"}").toString();
    }

    /** Writes the answer unless the response is already on its way. */
    static void write(HttpServletResponse response, int status, String sentence) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getWriter().write(body(sentence));
    }
}
