package org.tandem.core.admin;

import java.util.List;
import java.util.Optional;
import org.tandem.core.conversation.Scope;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.program.Program;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.Seed;

/**
 * A programme in mid-flight, through the real flows: Alice is introduced to Bob, Gina is proposed to Bob (awaiting
 * approval), Eve has asked Frank (no answer yet), Dan (French only) finds every fitting mentor full, Ivy would be
 * matched with Hugo by the next round. Private answers carry planted sentences that must never reach a
 * coordinator's output or an export.
 */
final class Seeded {

    static final String SECRET_HOPES = "Secret-hopes: I want to leave the company by June";
    static final String SECRET_WHY = "Secret-why: my manager made me do it";
    static final String SECRET_OTHER = "Secret-other negotiation with my ex";
    static final String SECRET_DECLINE = "Secret-decline: I dislike their team lead";

    final Chat chat;
    final Chat.Person carol;
    final Chat.Person alice;
    final Chat.Person bob;
    final Chat.Person dan;
    final Chat.Person eve;
    final Chat.Person frank;
    final Chat.Person gina;
    final Chat.Person hugo;
    final Chat.Person ivy;
    final Chat.Person kim;
    final Program program;
    final Pairs pairs;
    Pair aliceAndBob;

    Seeded(Chat chat) {
        this.chat = chat;
        this.pairs = new Pairs(chat.db());
        carol = chat.coordinator("carol");
        alice = chat.person("alice");
        bob = chat.person("bob");
        dan = chat.person("dan");
        eve = chat.person("eve");
        frank = chat.person("frank");
        gina = chat.person("gina");
        hugo = chat.person("hugo");
        ivy = chat.person("ivy");
        kim = chat.person("kim");
        Seed.openProgramme(chat, "Leadership");
        program = chat.core().programs().findByName(new Scope("test", Chat.TENANT), "Leadership").orElseThrow();
        Seed.enrolMentee(alice, Forms.with(Forms.with(Forms.mentee(), "hopes", SECRET_HOPES), "other",
                SECRET_OTHER));
        Seed.enrolMentor(bob, Forms.with(Forms.mentor(), "why", SECRET_WHY));
        Seed.enrolMentor(frank, Forms.with(Forms.with(Forms.mentor(), "capacity", "1"), "languages", List.of("en")));
        Seed.enrolMentor(hugo, Forms.with(Forms.with(Forms.mentor(), "capacity", "1"), "languages", List.of("en")));
        Seed.enrolMentor(kim, Forms.with(Forms.mentor(), "capacity", "1"));
        Seed.enrolMentee(gina, Forms.mentee());
        Seed.enrolMentee(eve, Forms.mentee());
        Seed.enrolMentee(dan, Forms.with(Forms.mentee(), "languages", List.of("fr")));
        Seed.enrolMentee(ivy, Forms.mentee());

        request(alice, bob);
        bob.clicksButton("Accept");
        aliceAndBob = pairs.of(alice.ref(), PairStatus.OPEN).get(0);
        request(eve, frank);
        pairs.open(program.scope(), program.id(), gina.ref(), bob.ref(), 2, PairStatus.PROPOSED, 30, List.of(),
                Optional.empty(), chat.clock().instant());
        // Kim declines a request of Dan's, with a reason for coordinators only; Kim's place stays free for nobody
        request(dan, kim);
        kim.clicksButton("Decline");
        kim.submits("request.decline-form", java.util.Map.of("reason", SECRET_DECLINE));
        kim.says("leave");
        kim.clicksButton("Yes, leave");
    }

    void request(Chat.Person mentee, Chat.Person mentor) {
        chat.core().pairing().request(program, mentee.ref(), mentor.ref(), 40,
                List.of(new Pair.Reason("match.reason.topics", List.of("public speaking"), 10)));
    }

    static List<String> secrets() {
        return List.of(SECRET_HOPES, SECRET_WHY, SECRET_OTHER, SECRET_DECLINE, "Secret-");
    }
}
