package org.tandem.deploy.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.tandem.core.telemetry.Redacted;

/**
 * The servlet container's error page ({@code /error}), where every {@code sendError} and every exception that
 * escaped the application end up: JSON for every client (Spring Boot's would send a browser an HTML page).
 */
@Controller
final class JsonErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorController.class);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t) {
            log.error("{} {} failed", request.getMethod(), JsonError.clean(String.valueOf(uri)), Redacted.of(t));
        } else {
            log.warn("{} {}: {}", request.getMethod(), JsonError.clean(String.valueOf(uri)), status);
        }
        JsonError.write(response, status, JsonError.sentence(status, null));
    }
}
