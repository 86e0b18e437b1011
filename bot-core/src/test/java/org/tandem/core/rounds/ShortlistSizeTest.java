package org.tandem.core.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.core.matching.Score;
import org.tandem.core.matching.Shortlist;

/** What a confirmed round stores as a mentee's list: the programme's size, and why it is shorter. */
class ShortlistSizeTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final String MENTEE = "test|T1|alice";

    private static Shortlist.Option option(String mentor, boolean planned) {
        return new Shortlist.Option("test|T1|" + mentor, new Score(0, List.of()), planned);
    }

    @Test
    void aShortListCarriesWhyItIsShort() {
        Shortlist few = new Shortlist(MENTEE, List.of(option("bob", true), option("dora", false)),
                Shortlist.FEW, List.of("2"));
        org.tandem.core.pairs.Shortlist stored = Confirmation.toShortlist("p1", few, 3, NOW);
        assertThat(stored.candidates()).hasSize(2);
        assertThat(stored.shortfall()).isEqualTo(new org.tandem.core.pairs.Shortlist.Shortfall(3, Shortlist.FEW,
                List.of("2")));

        Shortlist busy = new Shortlist(MENTEE, List.of(option("bob", true)), Shortlist.BUSY, List.of());
        assertThat(Confirmation.toShortlist("p1", busy, 3, NOW).shortfall().why()).isEqualTo(Shortlist.BUSY);
    }

    @Test
    void aListLongerThanTheProgrammeNowWantsIsCutKeepingThePlannedMentor() {
        Shortlist three = new Shortlist(MENTEE, List.of(option("bob", false), option("cleo", true),
                option("dora", false)));
        org.tandem.core.pairs.Shortlist stored = Confirmation.toShortlist("p1", three, 2, NOW);
        assertThat(stored.candidates()).extracting(c -> c.mentor().userId()).containsExactly("bob", "cleo");
        assertThat(Confirmation.toShortlist("p1", three, 1, NOW).candidates())
                .extracting(c -> c.mentor().userId()).containsExactly("cleo");
        assertThat(stored.shortfall()).as("as long as it should be: nothing to explain")
                .isEqualTo(org.tandem.core.pairs.Shortlist.Shortfall.none(2));
        // a why with a full list (the size grew since) says nothing
        Shortlist full = new Shortlist(MENTEE, List.of(option("bob", true)), Shortlist.FEW, List.of("1"));
        assertThat(Confirmation.toShortlist("p1", full, 1, NOW).shortfall().why()).isEmpty();
    }
}
