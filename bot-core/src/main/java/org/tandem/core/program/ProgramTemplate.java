package org.tandem.core.program;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tandem.core.conversation.i18n.Texts;

/**
 * Proven frames L&D teams start from. Name, description and topics come from the bundles in the coordinator's
 * language; once a programme is created they are its own data.
 */
public enum ProgramTemplate {
    ONBOARDING("onboarding", Cadence.WEEKLY, 3, MatchingMode.AUTOMATIC, 2),
    LEADERSHIP("leadership", Cadence.BIWEEKLY, 6, MatchingMode.MENTEE_CHOOSES, 2),
    CAREER("career", Cadence.MONTHLY, 9, MatchingMode.MENTEE_CHOOSES, 3);

    private final String id;
    private final Cadence cadence;
    private final int durationMonths;
    private final MatchingMode mode;
    private final int capacity;

    ProgramTemplate(String id, Cadence cadence, int durationMonths, MatchingMode mode, int capacity) {
        this.id = id;
        this.cadence = cadence;
        this.durationMonths = durationMonths;
        this.mode = mode;
        this.capacity = capacity;
    }

    public String id() {
        return id;
    }

    public String name(Texts t) {
        return t.get("template." + id + ".name");
    }

    public String description(Texts t) {
        return t.get("template." + id + ".description");
    }

    /** The template as a draft in the coordinator's language, ready to be edited in the form. */
    public ProgramDraft draft(Texts t) {
        List<String> topics = Arrays.stream(t.get("template." + id + ".topics").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new ProgramDraft(name(t), description(t), topics, cadence, durationMonths, mode, capacity,
                List.of("en", "fr"));
    }

    /** A template by id ({@code onboarding}) or by its name in the given language. */
    public static Optional<ProgramTemplate> find(String typed, Texts t) {
        String s = typed.strip();
        for (ProgramTemplate p : values()) {
            if (p.id.equalsIgnoreCase(s) || p.name(t).equalsIgnoreCase(s)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
