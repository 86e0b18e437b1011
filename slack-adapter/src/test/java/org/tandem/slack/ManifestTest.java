package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The app manifest an admin pastes asks for what the adapter uses: its scopes, events and endpoints. */
class ManifestTest {

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> map, String... path) {
        Object o = map;
        for (String p : path) {
            o = ((Map<String, Object>) o).get(p);
        }
        return (T) o;
    }

    @Test
    void scopesEventsAndUrlsMatchTheAdapter() throws IOException {
        Map<String, Object> manifest;
        try (Reader r = Files.newBufferedReader(Path.of("..", "deploy", "slack", "manifest.yml"))) {
            manifest = new Yaml().load(r);
        }
        List<String> scopes = at(manifest, "oauth_config", "scopes", "bot");
        assertThat(scopes).containsExactlyInAnyOrderElementsOf(Arrays.asList(SlackProperties.DEFAULT_SCOPES.split(",")));
        List<String> events = at(manifest, "settings", "event_subscriptions", "bot_events");
        assertThat(events).containsExactlyInAnyOrder("app_home_opened", "app_mention", "app_uninstalled", "message.im",
                "tokens_revoked");
        List<Map<String, Object>> commands = at(manifest, "features", "slash_commands");
        assertThat(commands.get(0)).containsEntry("command", "/mentor");
        assertThat((String) commands.get(0).get("url")).endsWith("/slack/events");
        assertThat(commands.get(0)).as("a mention typed after /mentor names the person: <@U123|alice>")
                .containsEntry("should_escape", true);
        assertThat((String) at(manifest, "settings", "interactivity", "request_url")).endsWith("/slack/events");
        assertThat((List<String>) at(manifest, "oauth_config", "redirect_urls")).allMatch(u -> u.endsWith("/slack/oauth_redirect"));
        assertThat((Boolean) at(manifest, "features", "app_home", "home_tab_enabled")).isTrue();
        assertThat((Boolean) at(manifest, "features", "app_home", "messages_tab_enabled")).isTrue();
        assertThat((Boolean) at(manifest, "settings", "socket_mode_enabled")).isTrue();
    }
}
