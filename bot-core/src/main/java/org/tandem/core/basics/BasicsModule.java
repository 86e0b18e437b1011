package org.tandem.core.basics;

import java.util.List;
import org.tandem.core.conversation.CommandButtons;
import org.tandem.core.conversation.Flow;
import org.tandem.core.module.Feature;
import org.tandem.core.people.People;

/** What works everywhere, assembled: help, cancel (of a dialogue or of an open form), and choosing a language. */
public final class BasicsModule implements Feature {

    private final List<Flow> flows;

    public BasicsModule(People people) {
        this.flows = List.of(new BasicsFlow(people), new FormCancel(), new CommandButtons());
    }

    @Override
    public String name() {
        return "basics";
    }

    @Override
    public List<Flow> flows() {
        return flows;
    }
}
