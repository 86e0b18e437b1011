package org.tandem.teams;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tandem.teams.*}.
 *
 * @param enabled       switches the adapter on without an app id (Bot Framework Emulator, tests): authentication off
 * @param appId         the bot's Microsoft app id; when set, the adapter is on and every request needs a valid token
 * @param appPassword   the app's client secret, for the tokens of outbound calls
 * @param tenantId      for a single-tenant app: its tenant (tokens come from there; other tenants are refused)
 * @param coordinators  who may run {@code admin here} and use coordinator commands in the admin channel: Microsoft
 *                      Entra object ids, or UPNs / e-mail addresses (looked up through Teams)
 * @param adminChannel  a channel's conversation id ({@code 19:…@thread.tacv2}) to use as the admin channel without
 *                      {@code admin here}
 * @param retryAttempts how many times a throttled or failed send is tried inline before it is parked
 * @param retryDelay    the first back-off delay (doubled each time, with jitter, unless Teams says Retry-After)
 * @param retryMaxDelay the longest back-off delay
 * @param invokeTimeout how long a card's action ({@code adaptiveCard/action}) may take before Teams is answered
 *                      that the answer follows in the chat (Teams gives up on an invoke after about 15 s)
 * @param typingAfter   how long an answer in a personal chat may take before Teams shows Tandem typing ({@code 0}:
 *                      at once; negative: never)
 * @param memberCache   how long what the Teams member lookup said about a person is used before it is asked again
 * @param tenantMessagesPerSecond how many messages Tandem sends to one tenant a second at most, every replica
 *                      together (Teams allows about 30 per app and tenant); default {@value #DEFAULT_TENANT_PER_SECOND}
 */
@ConfigurationProperties("tandem.teams")
public record TeamsProperties(Boolean enabled, String appId, String appPassword, String tenantId,
                              List<String> coordinators, String adminChannel, Integer retryAttempts,
                              Duration retryDelay, Duration retryMaxDelay, Duration invokeTimeout,
                              Duration typingAfter, Duration memberCache, Integer tenantMessagesPerSecond) {

    static final int DEFAULT_TENANT_PER_SECOND = 30;

    public TeamsProperties {
        appId = blankToNull(appId);
        appPassword = blankToNull(appPassword);
        tenantId = blankToNull(tenantId);
        adminChannel = blankToNull(adminChannel);
        coordinators = coordinators == null ? List.of() : coordinators.stream().map(String::strip)
                .filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList();
        retryAttempts = retryAttempts == null || retryAttempts < 1 ? 6 : retryAttempts;
        retryDelay = retryDelay == null ? Duration.ofSeconds(1) : retryDelay;
        retryMaxDelay = retryMaxDelay == null ? Duration.ofSeconds(30) : retryMaxDelay;
        invokeTimeout = invokeTimeout == null || invokeTimeout.isNegative() || invokeTimeout.isZero()
                ? Duration.ofSeconds(10) : invokeTimeout;
        typingAfter = typingAfter == null ? Duration.ofSeconds(1) : typingAfter;
        memberCache = memberCache == null || memberCache.isNegative() ? Duration.ofHours(1) : memberCache;
        tenantMessagesPerSecond = tenantMessagesPerSecond == null ? DEFAULT_TENANT_PER_SECOND
                : tenantMessagesPerSecond;
        if (tenantMessagesPerSecond < 1 || tenantMessagesPerSecond > 100) {
            throw new IllegalArgumentException("tandem.teams.tenant-messages-per-second must be between 1 and 100 "
                    + "(Teams allows about 30), not " + tenantMessagesPerSecond);
        }
    }

    /** No app id: the local Emulator and tests, where nobody signs requests. */
    public boolean authenticationDisabled() {
        return appId == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
