package org.tandem.deploy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.tandem.core.telemetry.Redacted;

/**
 * What Spring MVC raises before or around a controller — no such route (404), a wrong method (405), a media type
 * it does not take (415) or cannot give (406), a body it cannot read, a parameter of the wrong type — answers JSON
 * with its 4xx status and one line in the log. Anything else is a 500, logged with its stack trace, and says
 * nothing of it to the client. Controllers' own handlers come first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
final class JsonErrors {

    private static final Logger log = LoggerFactory.getLogger(JsonErrors.class);

    @ExceptionHandler(Exception.class)
    void handle(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = status(e);
        String where = request.getMethod() + " " + JsonError.clean(request.getRequestURI());
        if (status >= 500) {
            log.error("{} failed", where, Redacted.of(e));
            JsonError.write(response, status, JsonError.sentence(status, null));
            return;
        }
        // the class, not the message: a parse error quotes the body, a conversion error the value given
        log.warn("{}: {} {}", where, status, e.getClass().getSimpleName());
        if (e instanceof ErrorResponse er) {
            er.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        }
        JsonError.write(response, status, JsonError.sentence(status, detail(e)));
    }

    private static int status(Exception e) {
        if (e instanceof ErrorResponse er) {
            return er.getStatusCode().value();
        }
        if (e instanceof HttpMessageNotReadableException || e instanceof TypeMismatchException) {
            return HttpServletResponse.SC_BAD_REQUEST;
        }
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    /** Spring's own sentence for the client, where it says what to change (the body's JSON error, a type). */
    private static String detail(Exception e) {
        if (e instanceof ErrorResponse er && er.getBody().getDetail() != null) {
            return er.getBody().getDetail();
        }
        if (e instanceof HttpMessageNotReadableException) {
            return "the body is not readable JSON";
        }
        if (e instanceof TypeMismatchException t && t.getPropertyName() != null) {
            return "'" + t.getPropertyName() + "' has the wrong type";
        }
        return null;
    }
}
