package org.tandem.core.testing;

import java.util.Map;

/** Sets up programmes and enrolments through the real flows, as a coordinator and participants would. */
public final class Seed {

    private Seed() {
    }

    /** Creates and opens a programme with the standard test answers. */
    public static void openProgramme(Chat chat, String name) {
        Chat.Person carol = chat.coordinator("carol");
        carol.submits("program.create", Forms.program(name));
        carol.says("program open " + name);
    }

    public static void enrolMentee(Chat.Person p, Map<String, Object> answers) {
        p.says("join");
        p.clicks("intake.role", "mentee");
        p.submits("intake.mentee", answers);
        p.clicks("intake.consent", "yes");
    }

    public static void enrolMentor(Chat.Person p, Map<String, Object> answers) {
        p.says("join");
        p.clicks("intake.role", "mentor");
        p.submits("intake.mentor", answers);
        p.clicks("intake.consent", "yes");
    }
}
