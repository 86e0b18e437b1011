package org.tandem.core.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a flow answers to besides its commands, as it binds it (in the manner of Bolt's {@code app.blockAction}):
 * each button id and each form id with who may use it and the handler that answers. The router learns every id from
 * here, so an id cannot be sent without being answered, nor answered without its {@link Access}.
 */
public final class Bindings {

    /** Answers a click of one button id. */
    @FunctionalInterface
    public interface ClickHandler {
        void handle(Turn turn, Input.Click click);
    }

    /** Answers a submission of one form id. */
    @FunctionalInterface
    public interface SubmitHandler {
        void handle(Turn turn, Input.Submit submit);
    }

    /** A bound button id. */
    public record Click(String id, Access access, ClickHandler handler) {}

    /**
     * A bound form id, with the ids of the fields it declares: a submission with any other field is refused.
     */
    public record Submit(String id, Access access, Set<String> fields, SubmitHandler handler) {
        public Submit {
            fields = Set.copyOf(fields);
            if (access instanceof Access.Named) {
                throw new IllegalArgumentException("a form carries no value to name its users: bind '" + id
                        + "' to coordinators or to the person themselves");
            }
        }
    }

    private final List<Click> clicks = new ArrayList<>();
    private final List<Submit> submits = new ArrayList<>();

    /** Binds a button (or a choice) id. */
    public Bindings click(String id, Access access, ClickHandler handler) {
        clicks.add(new Click(Objects.requireNonNull(id), Objects.requireNonNull(access),
                Objects.requireNonNull(handler)));
        return this;
    }

    /** Binds a form id with the fields it declares. */
    public Bindings submit(String id, Access access, Set<String> fields, SubmitHandler handler) {
        submits.add(new Submit(Objects.requireNonNull(id), Objects.requireNonNull(access), fields,
                Objects.requireNonNull(handler)));
        return this;
    }

    List<Click> clicks() {
        return clicks;
    }

    List<Submit> submits() {
        return submits;
    }
}
