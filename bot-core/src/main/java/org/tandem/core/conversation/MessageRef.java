package org.tandem.core.conversation;

import java.util.Objects;

/** An adapter's handle on a message it sent, so that the core can update it later (e.g. disable used buttons). */
public record MessageRef(String platform, String id) {
    public MessageRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(id, "id");
    }
}
