package org.tandem.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.i18n.Texts;

/** Every sentence the matcher can produce exists in English and French, and renders with its arguments. */
class MatchTextsTest {

    @Test
    void everyReasonAndEveryUnmatchedKeyIsInBothBundles() {
        TreeSet<String> keys = new TreeSet<>();
        for (long seed = 0; seed < 60; seed++) {
            Random r = new Random(seed);
            RandomProgramme p = RandomProgramme.generate(40, 1 + r.nextInt(12), seed, 0, 2, true);
            Weights w = Instance.randomWeights(r).withMust(Criterion.values()[r.nextInt(5)], r.nextBoolean());
            Plan plan = new Matcher(w, Instance.DAY).plan(p.mentees(), p.mentors(), p.exclusions());
            for (Texts t : Texts.SUPPORTED.stream().map(Texts::of).toList()) {
                plan.shortlists().values().forEach(s -> s.options().forEach(o -> o.score().reasons().forEach(x -> {
                    keys.add(x.key());
                    assertThat(x.text(t)).as(x.key()).doesNotContain("{").isNotBlank();
                })));
                plan.unmatched().forEach(u -> {
                    keys.add(u.key());
                    assertThat(u.text(t)).as(u.key()).doesNotContain("{").isNotBlank();
                });
            }
        }
        assertThat(keys).hasSizeGreaterThan(20).allSatisfy(key -> {
            assertThat(Texts.of(Locale.ENGLISH).has(key)).as(key).isTrue();
            assertThat(Texts.of(Locale.FRENCH).has(key)).as(key).isTrue();
        });
    }
}
