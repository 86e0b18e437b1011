package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Socket Mode: with an app token the app connects out to the URL {@code apps.connections.open} gives, takes a
 * slash command and an event as envelopes, acknowledges each, and answers through the Web API. No public URL,
 * no signing secret.
 */
class SlackSocketModeIT {

    @TempDir
    Path dir;

    /** Slack's end of the WebSocket: sends envelopes, keeps the acknowledgements. */
    static final class SlackSocket extends WebSocketServer {
        final CountDownLatch connected = new CountDownLatch(1);
        final CountDownLatch listening = new CountDownLatch(1);
        final List<String> received = new CopyOnWriteArrayList<>();
        volatile WebSocket client;

        SlackSocket() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            client = conn;
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A1\"}}");
            connected.countDown();
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            listening.countDown();
        }
    }

    @Test
    void commandsAndEventsArriveOverTheSocket() throws Exception {
        SlackSocket socket = new SlackSocket();
        socket.start();
        try (SlackApiStub slack = new SlackApiStub()) {
            // Tandem connects as soon as it starts: the server must be listening by then, not only bound
            assertThat(socket.listening.await(10, TimeUnit.SECONDS)).as("the socket server listens").isTrue();
            slack.socketModeUrl("ws://127.0.0.1:" + socket.getPort() + "/link");
            try (RunningApp app = new RunningApp(dir.resolve("tandem.mv"), "tandem.slack.app-token=xapp-1-test",
                    "tandem.slack.bot-token=xoxb-test", "tandem.slack.api-url=" + slack.url())) {
                assertThat(socket.connected.await(30, TimeUnit.SECONDS)).as("connected over the socket").isTrue();
                assertThat(slack.calls("apps.connections.open").get(0).token()).isEqualTo("xapp-1-test");
                assertThat(app.get("/api/webchat/outbox?user=a").status()).as("the web chat is off").isEqualTo(404);

                int mark = slack.size();
                socket.client.send("{\"envelope_id\":\"env-1\",\"type\":\"slash_commands\",\"accepts_response_payload\":true,"
                        + "\"payload\":{\"token\":\"legacy\",\"team_id\":\"T1\",\"team_domain\":\"t\",\"channel_id\":\"DSAM\","
                        + "\"channel_name\":\"directmessage\",\"user_id\":\"USAM\",\"user_name\":\"sam\",\"command\":\"/mentor\","
                        + "\"text\":\"help\",\"api_app_id\":\"A1\",\"response_url\":\"https://hooks.slack.com/x\","
                        + "\"trigger_id\":\"1.2.3\"}}");
                assertThat(slack.await("chat.postMessage", mark, c -> "USAM".equals(c.params().get("channel")))
                        .params().get("blocks")).contains("Here is what you can do");

                mark = slack.size();
                socket.client.send("{\"envelope_id\":\"env-2\",\"type\":\"events_api\",\"accepts_response_payload\":false,"
                        + "\"retry_attempt\":0,\"retry_reason\":\"\",\"payload\":{\"token\":\"legacy\",\"team_id\":\"T1\","
                        + "\"api_app_id\":\"A1\",\"type\":\"event_callback\",\"event_id\":\"EvS1\",\"event_time\":1,"
                        + "\"event\":{\"type\":\"message\",\"channel\":\"DSAM\",\"user\":\"USAM\",\"text\":\"profile\","
                        + "\"ts\":\"1700000000.000200\",\"channel_type\":\"im\"}}}");
                assertThat(slack.await("chat.postMessage", mark, c -> "USAM".equals(c.params().get("channel")))
                        .params().get("blocks")).contains("Your profile");
                long until = System.currentTimeMillis() + 5000;
                while (socket.received.stream().filter(m -> m.contains("env-")).count() < 2
                        && System.currentTimeMillis() < until) {
                    Thread.sleep(20);
                }
                assertThat(socket.received).anySatisfy(m -> assertThat(m).contains("\"envelope_id\":\"env-1\""))
                        .anySatisfy(m -> assertThat(m).contains("\"envelope_id\":\"env-2\""));
            }
        } finally {
            socket.stop(1000);
        }
    }
}
