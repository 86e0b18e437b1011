package org.tandem.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.core.TandemCore;
import org.tandem.core.pairs.Shortlist;
import org.tandem.core.pairs.Shortlists;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.Seed;

/** The weekly digest: posted on Monday once per workspace and week, whatever the replicas, then the next planned. */
class WeeklyDigestTest {

    private final Chat chat = new Chat();
    private final Seeded seeded = new Seeded(chat);

    @Test
    void postedOnceOnMondayWithWhatChangedAndWhoNeedsAttention() {
        TandemCore replica = new TandemCore(chat.db(), chat.outbox(), chat.clock());
        int mark = chat.mark();
        chat.clock().set(Instant.parse("2026-03-09T08:59:00Z"));
        chat.core().sweep();
        assertThat(chat.adminSince(mark).text()).doesNotContain("Weekly digest");

        chat.clock().set(Instant.parse("2026-03-09T09:00:30Z"));
        chat.core().sweep();
        replica.sweep();
        chat.core().sweep();
        String digest = chat.adminSince(mark).text();
        assertThat(digest).containsOnlyOnce("*Weekly digest* for the week from Mar 2, 2026");
        assertThat(digest).contains("*Leadership* — Open for enrolment",
                "This week: 8 new enrolments · 1 pair introduced · 0 became active",
                "Needs attention: 1 proposal to approve", "`status`, `pending` and `at-risk` give the details",
                "• No fitting mentor yet (1): Dan.");
        assertThat(Seeded.secrets()).allSatisfy(s -> assertThat(digest).doesNotContain(s));
        assertThat(chat.core().dueItems().find("digest.weekly|test|t1|2026-W12")).as("the next one is planned")
                .isPresent();

        // a week in which nothing happened: no digest, and the next one is planned all the same
        int quiet = chat.mark();
        chat.clock().set(Instant.parse("2026-03-16T09:01:00Z"));
        chat.core().sweep();
        assertThat(chat.adminSince(quiet).text()).doesNotContain("Weekly digest");
        assertThat(chat.core().dueItems().find("digest.weekly|test|t1|2026-W13")).isPresent();

        // something happens again: the next digest tells it
        Chat.Person zoe = chat.person("zoe");
        Seed.enrolMentee(zoe, Forms.mentee());
        int next = chat.mark();
        chat.clock().set(Instant.parse("2026-03-23T09:01:00Z"));
        chat.core().sweep();
        assertThat(chat.adminSince(next).text()).containsOnlyOnce("*Weekly digest* for the week from Mar 16, 2026")
                .contains("This week: 1 new enrolment ·");
    }

    @Test
    void itSaysWhoIsChoosingAndWhoIsWithoutAMentorAndWhatWouldHelpThem() {
        new Shortlists(chat.db()).put(new Shortlist(seeded.program.id(), seeded.ivy.ref(),
                List.of(new Shortlist.Candidate(seeded.hugo.ref(), 30, List.of())), List.of(), chat.clock().instant()));
        int mark = chat.mark();
        chat.clock().set(Instant.parse("2026-03-09T09:00:30Z"));
        chat.core().sweep();
        // the week's due work happens in its order: Eve's request lapsed on Thursday, before the digest
        assertThat(chat.adminSince(mark).text()).contains("3 mentees without a mentor",
                "• Choosing from their shortlist (1): Ivy.",
                "• A matching round would place them now (1): Eve. `match Leadership` proposes their mentors.",
                "• No fitting mentor yet (1): Dan. `pending Leadership` says why.");

        new Shortlists(chat.db()).remove(seeded.program.id(), seeded.ivy.ref());
        mark = chat.mark();
        // Ivy's shortlist is gone: she is back in the pool with Eve
        chat.clock().set(Instant.parse("2026-03-16T09:00:30Z"));
        chat.core().sweep();
        assertThat(chat.adminSince(mark).text())
                .contains("• A matching round would place them now (2): Eve, Ivy. "
                        + "`match Leadership` proposes their mentors.")
                .doesNotContain("Choosing from their shortlist");
    }

    @Test
    void aDraftProgrammeIsLeftOut() {
        chat.coordinator("carol").submits("program.create", Forms.program("Sketch"));
        int mark = chat.mark();
        chat.clock().set(Instant.parse("2026-03-09T09:00:30Z"));
        chat.core().sweep();
        assertThat(chat.adminSince(mark).text()).contains("*Leadership*").doesNotContain("Sketch");
    }

    @Test
    void aRestartPlansItForEveryWorkspaceWithAProgramme() {
        chat.db().getCollection("due_items").deleteMany(new org.bson.Document("kind", "digest.weekly"));
        chat.restart();
        assertThat(chat.core().dueItems().find("digest.weekly|test|t1|2026-W11")).isPresent();
    }
}
