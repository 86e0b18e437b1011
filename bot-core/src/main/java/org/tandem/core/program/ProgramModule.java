package org.tandem.core.program;

import java.util.List;
import org.tandem.core.conversation.Flow;
import org.tandem.core.module.Events;
import org.tandem.core.module.Feature;

/**
 * Programmes, assembled: what coordinators create, open, pause and close ({@code program …}). The programmes
 * themselves ({@link Programs}) are read by every feature, so they are made first; the flow asks two features below
 * it through ports: how many people are enrolled ({@link ProgramFlow.Counts}), and the pause of nudges kept by the
 * rhythm ({@link ProgramFlow.Pausing}). The one entry type of the feature.
 */
public final class ProgramModule implements Feature {

    private final List<Flow> flows;

    public ProgramModule(Programs programs, Events events, ProgramFlow.Counts counts, ProgramFlow.Pausing pausing) {
        this.flows = List.of(new ProgramFlow(programs, events, counts, pausing), new RecognitionFlow(programs));
    }

    @Override
    public String name() {
        return "program";
    }

    @Override
    public List<Flow> flows() {
        return flows;
    }
}
