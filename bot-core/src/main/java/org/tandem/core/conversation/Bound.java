package org.tandem.core.conversation;

import java.util.List;

/** Every button id and form id the router knows, each with who may use it. */
public record Bound(List<Bindings.Click> clicks, List<Bindings.Submit> submits) {

    public Bound {
        clicks = List.copyOf(clicks);
        submits = List.copyOf(submits);
    }
}
