package org.tandem.deploy.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's error report, as JSON: for the requests Tomcat refuses before the application sees them (an encoded
 * slash or NUL in the path, a URL or header too large, a request it cannot parse), which otherwise get its HTML
 * page. One line in the log says what was refused and why. Errors that reached the application were answered
 * by its own error path already, and are left alone.
 */
public final class JsonErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorReportValve.class);

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean io = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, io);
        if (!io.get()) {
            return;
        }
        String reason = JsonError.clean(response.getMessage());
        // a request Tomcat could not parse comes with no message of its own
        log.warn("refused a request before the application: {} {}", status,
                reason.isEmpty() ? "(unparseable: too large, or characters HTTP does not allow)" : reason);
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(JsonError.body(JsonError.sentence(status, reason)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone, or the response cannot take a body: the status line is all it gets
        }
    }
}
