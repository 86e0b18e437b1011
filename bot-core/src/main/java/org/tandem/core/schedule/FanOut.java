package org.tandem.core.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.core.conversation.Pace;
import org.tandem.core.conversation.PersonRef;

/**
 * One message to many people, as one due item per recipient: each send gets the sweep's lease and retries of its
 * own (a platform refusing one person holds nobody else up), a repeat plans nothing twice (the key names the
 * recipient), and the items fall due at the pace the platform takes messages to one workspace, in the order of the
 * recipients, so that sends are spread, not a burst that would hold every other due item up behind it (the
 * adapters' shared budgets keep the pace all the same when a backlog falls due at once).
 */
public final class FanOut {

    private FanOut() {
    }

    /**
     * Plans {@code kind} for each recipient, with {@code payload} plus {@code person} (the recipient's key), the
     * first at {@code start}, the next ones at the workspace's {@code pace}. Returns how many items are new (a
     * repeat returns 0).
     */
    public static int plan(DueItems due, String kind, String ref, List<PersonRef> recipients, Map<String, ?> payload,
                           Instant start, Pace pace) {
        Duration spacing = pace.perWorkspace().interval();
        int planned = 0;
        for (int i = 0; i < recipients.size(); i++) {
            PersonRef to = recipients.get(i);
            Map<String, Object> p = new LinkedHashMap<>(payload);
            p.put("person", to.key());
            if (due.schedule(key(kind, ref, to), kind, to.platform(), to.tenant(), p,
                    start.plus(spacing.multipliedBy(i)))) {
                planned++;
            }
        }
        return planned;
    }

    /** How long sending to {@code n} people takes, at the least, at the workspace's {@code pace}. */
    public static Duration spread(int n, Pace pace) {
        return pace.perWorkspace().interval().multipliedBy(Math.max(0, n - 1));
    }

    /** {@code kind|ref|<digest of the person>}: short whatever the platform's ids, and not the id itself. */
    public static String key(String kind, String ref, PersonRef to) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(to.key().getBytes(StandardCharsets.UTF_8));
            return kind + "|" + ref + "|" + HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
