package org.tandem.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.Scope;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.program.Program;
import org.tandem.core.program.ProgramTemplate;

/**
 * A pair's life through the real flows, for tests that follow it over months: a programme (from a template, as a
 * coordinator would start it), a mentee and a mentor enrolled, matched, introduced, clicked and agreed; and time
 * passing as the scheduler sees it.
 */
public final class Life {

    private Life() {
    }

    /** Creates a programme from a template (its form as the template fills it in) and opens it; returns its name. */
    public static String fromTemplate(Chat chat, ProgramTemplate template) {
        Chat.Person carol = chat.coordinator("carol");
        Block.Form form = carol.clicks("program.template", template.id()).form();
        carol.submits(form.formId(), values(form));
        String name = form.inputs().stream().filter(i -> i.id().equals("name")).findFirst().orElseThrow()
                .values().get(0);
        carol.says("program open " + name);
        return name;
    }

    /** A form's values as it was sent (what a person who changes nothing submits). */
    public static Map<String, Object> values(Block.Form form) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (Block.FormInput in : form.inputs()) {
            v.put(in.id(), in.kind() == Block.InputKind.MULTISELECT ? in.values()
                    : in.values().isEmpty() ? "" : in.values().get(0));
        }
        return v;
    }

    public static Program program(Chat chat, String name) {
        return chat.core().programs().findByName(new Scope("test", Chat.TENANT), name).orElseThrow();
    }

    /** Enrols both, pairs them (the mentor accepts), and both say it clicked: an active pair. */
    public static Pair active(Chat chat, String programme, Chat.Person mentee, Chat.Person mentor) {
        Program program = program(chat, programme);
        // topics from the programme's own list, whichever template it came from
        List<String> topics = program.spec().topics();
        Seed.enrolMentee(mentee, Forms.with(Forms.with(Forms.mentee(), "topic1", topics.get(0)), "topic2",
                topics.get(1)));
        Seed.enrolMentor(mentor, Forms.with(Forms.mentor(), "topics", List.of(topics.get(0), topics.get(1))));
        chat.core().pairing().request(program, mentee.ref(), mentor.ref(), 10, List.of());
        mentor.clicksButton("Accept");
        Pairs pairs = new Pairs(chat.db());
        Pair pair = pairs.of(mentee.ref(), PairStatus.OPEN).get(0);
        mentee.in(Place.group(chat.lastGroup())).clicks("intro.met", pair.id());
        mentee.clicksButton("Yes");
        mentor.clicksButton("Yes");
        return pairs.find(pair.id()).orElseThrow();
    }

    /** An active pair that agreed on objectives and a cadence (null: the programme's, as the draft is seeded). */
    public static Pair agreed(Chat chat, String programme, Chat.Person mentee, Chat.Person mentor, String cadence) {
        Pair pair = active(chat, programme, mentee, mentor);
        Block.Form draft = mentee.clicksButton("Draft our agreement").form();
        Map<String, Object> v = values(draft);
        v.put("measure1", "I gave the talk");
        v.put("contact", "A chat message");
        if (cadence != null) {
            v.put("cadence", cadence);
        }
        mentee.submits("agreement.form", v);
        mentor.clicksButton("Confirm");
        return new Pairs(chat.db()).find(pair.id()).orElseThrow();
    }

    /** Lets time pass step by step until {@code to}, sweeping at each step as the scheduler would. */
    public static void walk(Chat chat, Instant to, Duration step) {
        while (chat.clock().instant().isBefore(to)) {
            Instant next = chat.clock().instant().plus(step);
            chat.clock().set(next.isAfter(to) ? to : next);
            chat.core().sweep();
        }
    }
}
