package org.tandem.core.module;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What one feature tells the others, in the manner of Spring Modulith's application events: a feature publishes
 * a record ({@code PairActivated}, {@code PersonLeft}…) and knows nothing of who listens; a feature that cares
 * subscribes to the record's type when it is assembled. Delivery is synchronous, in the publisher's thread, in
 * the order of subscription: a subscriber runs within the same turn (and its frozen instant) as the change that
 * caused it, and what it fails to do fails that turn, exactly as if the publisher had called it.
 */
public final class Events {

    private final Map<Class<?>, List<Consumer<Object>>> subscribers = new ConcurrentHashMap<>();

    /** Subscribes {@code handler} to every event of exactly this type. */
    public <E extends Record> void on(Class<E> type, Consumer<? super E> handler) {
        Objects.requireNonNull(handler, "handler");
        subscribers.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>())
                .add(event -> handler.accept(type.cast(event)));
    }

    /** Tells every subscriber of the event's type, one after the other. */
    public void publish(Record event) {
        for (Consumer<Object> subscriber : subscribers.getOrDefault(event.getClass(), List.of())) {
            subscriber.accept(event);
        }
    }

    /** How many subscribers an event type has (for tests of the assembly). */
    public int subscribers(Class<? extends Record> type) {
        return subscribers.getOrDefault(type, List.of()).size();
    }
}
