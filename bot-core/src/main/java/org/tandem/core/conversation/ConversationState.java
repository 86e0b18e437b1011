package org.tandem.core.conversation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a person is in a multi-step dialogue: the flow, its named step and the answers so far. Stored in
 * MongoDB per person and place, so the dialogue survives a restart and continues on any replica.
 *
 * @param answers values are strings, lists of strings, numbers or booleans (they go to BSON as they are)
 * @param version bumped on every save; a save against a stale version fails instead of overwriting
 */
public record ConversationState(String flow, String step, Map<String, Object> answers, long version,
                                Instant updatedAt) {

    public ConversationState {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(step, "step");
        answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    /** A dialogue of {@code flow} starting at one of its named steps (each flow names its steps with an enum). */
    public static ConversationState start(String flow, Enum<?> step) {
        return new ConversationState(flow, step.name(), Map.of(), 0, Instant.EPOCH);
    }

    /** Whether this is {@code flow}'s dialogue at {@code step} (a state saved in lower case before still is). */
    public boolean in(String flow, Enum<?> step) {
        return this.flow.equals(flow) && this.step.equalsIgnoreCase(step.name());
    }

    public String string(String key) {
        Object v = answers.get(key);
        return v == null ? "" : v.toString();
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String key) {
        Object v = answers.get(key);
        return v instanceof List<?> l ? (List<String>) l : List.of();
    }

    /** The same state at another step. */
    public ConversationState at(Enum<?> step) {
        return new ConversationState(flow, step.name(), answers, version, updatedAt);
    }

    /** The same state with more answers. */
    public ConversationState with(Map<String, ?> more) {
        Map<String, Object> all = new LinkedHashMap<>(answers);
        more.forEach((k, v) -> {
            if (v == null) {
                all.remove(k);
            } else {
                all.put(k, v);
            }
        });
        return new ConversationState(flow, step, all, version, updatedAt);
    }

    public ConversationState with(String key, Object value) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(key, value);
        return with(one);
    }
}
