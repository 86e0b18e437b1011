package org.tandem.core.home;

import java.util.List;
import org.tandem.core.conversation.Actor;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Message;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.module.Feature;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.people.People;
import org.tandem.core.program.Programs;

/** The home view and the welcome, assembled: a person's status and next step, and the buttons that lead there. */
public final class HomeModule implements Feature {

    private final HomeView view;
    private final Welcome welcome;

    public HomeModule(People people, Programs programs, Enrollments enrollments, Pairs pairs) {
        this.view = new HomeView(people, programs, enrollments, pairs);
        this.welcome = new Welcome(people, programs, enrollments);
    }

    @Override
    public String name() {
        return "home";
    }

    /** A person's home view, for platforms that have a home surface. */
    public Message of(Actor actor) {
        return view.of(actor);
    }

    @Override
    public List<Flow> flows() {
        return List.of(new HomeFlow(), welcome);
    }
}
