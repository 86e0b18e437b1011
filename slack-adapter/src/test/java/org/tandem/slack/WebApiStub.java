package org.tandem.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slack's {@code chat.postMessage} (and {@code auth.test}) on 127.0.0.1, for the messenger's tests: answers as Slack
 * does, or with a scripted failure (an HTTP status, or an error in an HTTP 200 answer), and records every call.
 * An {@code ok} answer is of workspace T1; {@code ok@T2} is of another.
 */
final class WebApiStub implements AutoCloseable {

    /** One call: its channel, text and blocks, the HTTP status it got, and whether Slack took it. */
    record Call(String channel, String text, String blocks, int status, boolean ok) {}

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Deque<String> script = new ArrayDeque<>();
    private final AtomicInteger seq = new AtomicInteger();
    private volatile String otherwise = "ok";
    private volatile long delayMillis;

    WebApiStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /**
     * How the next calls are answered, one each, before {@link #otherwise}: {@code ok}, an HTTP status such as
     * {@code 500}, {@code 429:30} (with Retry-After), or a Slack error such as {@code channel_not_found}.
     */
    synchronized void next(String... answers) {
        script.addAll(List.of(answers));
    }

    /** How every call is answered once the script is used up. */
    void otherwise(String answer) {
        otherwise = answer;
    }

    /** Each answer waits this long (so that two callers overlap). */
    void delay(long millis) {
        delayMillis = millis;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> delivered() {
        return calls.stream().filter(Call::ok).toList();
    }

    private synchronized String answer() {
        String next = script.poll();
        return next != null ? next : otherwise;
    }

    private void handle(HttpExchange ex) throws IOException {
        Map<String, String> p = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String answer = answer();
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (answer.matches("\\d{3}(:\\d+)?")) {
            String[] status = answer.split(":");
            calls.add(new Call(p.get("channel"), p.get("text"), p.get("blocks"), Integer.parseInt(status[0]), false));
            if (status.length > 1) {
                ex.getResponseHeaders().add("Retry-After", status[1]);
            }
            send(ex, Integer.parseInt(status[0]), "{\"ok\":false,\"error\":\"stubbed\"}");
            return;
        }
        boolean ok = answer.equals("ok") || answer.startsWith("ok@");
        calls.add(new Call(p.get("channel"), p.get("text"), p.get("blocks"), 200, ok));
        String channel = p.get("channel");
        String team = answer.startsWith("ok@") ? answer.substring(3) : "T1";
        send(ex, 200, ok
                ? "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"1700000000." + seq.incrementAndGet()
                        + "\",\"team_id\":\"" + team + "\",\"user_id\":\"UBOT\"}"
                : "{\"ok\":false,\"error\":\"" + answer + "\"}");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
