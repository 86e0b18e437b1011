package org.tandem.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.Message;

/**
 * Where a message goes that Slack did not take even after the inline retries (rate limits, network errors): the
 * seam for the core's due-item machinery, which will keep it and try again later. Until a bean of this type is
 * provided, failures are logged (with the destination and Slack's error, never the content).
 */
@FunctionalInterface
public interface UndeliveredMessages {

    /** One message that did not arrive. */
    record Undelivered(String tenant, String destination, Message message, String error) {}

    void keep(Undelivered undelivered);

    /** The default: an error in the log, so a failure is never silent. */
    static UndeliveredMessages logging() {
        Logger log = LoggerFactory.getLogger(UndeliveredMessages.class);
        return u -> log.error("a message to the {} in {} was not delivered: {}", u.destination(), u.tenant(),
                u.error());
    }
}
