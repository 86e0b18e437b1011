package org.tandem.slack;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.tandem.core.telemetry.Redacted;

/**
 * Socket Mode: Bolt opens a WebSocket to Slack with the app token and receives commands, events and
 * interactivity over it, so no public URL is needed. Started with the application, closed with it.
 */
final class SlackSocketMode implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlackSocketMode.class);

    private final SlackAdapter adapter;
    private SocketModeApp socketMode;

    SlackSocketMode(SlackAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public synchronized void start() {
        try {
            socketMode = new SocketModeApp(adapter.properties().appToken(), SocketModeClient.Backend.JavaWebSocket,
                    adapter.app());
            socketMode.startAsync();
            log.info("connected to Slack over Socket Mode");
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect to Slack over Socket Mode (check tandem.slack.app-token): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                log.warn("closing Socket Mode failed: {}", Redacted.describe(e));
            }
            socketMode = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return socketMode != null;
    }
}
