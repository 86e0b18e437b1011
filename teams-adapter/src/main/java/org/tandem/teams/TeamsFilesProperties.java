package org.tandem.teams;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tandem.teams.files.*}: files (exports, a person's own data) reach Teams as a download link on the card,
 * because a bot can only upload into a personal chat (file consent) and a channel needs Microsoft Graph.
 *
 * @param baseUrl Tandem's public address (the one Teams calls, e.g. {@code https://tandem.example.com}); without it,
 *                Tandem tells people it cannot deliver files on Teams yet
 * @param keep    how long a link works (7 days by default); each link is unguessable and shown only in the
 *                conversation the file was for
 */
@ConfigurationProperties("tandem.teams.files")
public record TeamsFilesProperties(String baseUrl, Duration keep) {

    public TeamsFilesProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null
                : baseUrl.strip().endsWith("/") ? baseUrl.strip().substring(0, baseUrl.strip().length() - 1)
                : baseUrl.strip();
        keep = keep == null || keep.isNegative() || keep.isZero() ? Duration.ofDays(7) : keep;
    }
}
