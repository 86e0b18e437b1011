package org.tandem.core.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.program.Program;

/** The consent question: exactly who will see what, before anything is stored as an enrolment. */
final class ConsentStep {

    /** Answers a "both" enrolee gave as a mentee that hold for their mentor profile too. */
    private static final List<String> SHARED = List.of("languages", "timeZone", "department", "seniority", "format",
            "location");

    private ConsentStep() {
    }

    static Message ask(Texts t, Program program, Role role) {
        List<org.tandem.core.conversation.Rich> lines = new ArrayList<>();
        if (role != Role.MENTOR) {
            lines.add(t.rich("intake.consent.mentee-shares"));
        }
        if (role != Role.MENTEE) {
            lines.add(t.rich("intake.consent.mentor-shares"));
        }
        lines.add(t.rich("intake.consent.coordinators"));
        lines.add(t.rich("intake.consent.nobody-else"));
        return Message.builder()
                .text(t.rich("intake.consent.title", program.name()))
                .text(org.tandem.core.conversation.Rich.join("\n", lines))
                .text(t.rich("intake.consent.question"))
                .buttons(List.of(
                        new Block.Button(IntakeFlow.CONSENT, t.get("intake.consent.yes"), "yes", Block.Style.PRIMARY),
                        new Block.Button(IntakeFlow.CONSENT, t.get("intake.consent.no"), "no")))
                .build();
    }

    static Map<String, List<String>> sharedWithMentor(Map<String, List<String>> mentee) {
        Map<String, List<String>> v = new LinkedHashMap<>();
        for (String key : SHARED) {
            if (mentee.containsKey(key)) {
                v.put(key, mentee.get(key));
            }
        }
        return v;
    }
}
