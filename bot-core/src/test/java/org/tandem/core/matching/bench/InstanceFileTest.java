package org.tandem.core.matching.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.core.matching.Criterion;
import org.tandem.core.matching.RandomProgramme;
import org.tandem.core.matching.Weights;

/** The benchmark's files: an instance survives a round trip through JSON, and the JSON reader reads JSON. */
class InstanceFileTest {

    @Test
    void anInstanceRoundTrips() {
        RandomProgramme p = RandomProgramme.generate(30, 10, 3);
        InstanceFile file = new InstanceFile(MatchingBenchmark.DAY, Weights.defaults().withMust(Criterion.FORMAT, true),
                p.mentees(), p.mentors(), p.exclusions());

        InstanceFile back = InstanceFile.parse(file.toJson());

        assertThat(back).isEqualTo(file);
    }

    @Test
    void readsAndWritesJson() {
        Object value = Json.parse(" {\"a\": [1, -2.5e1, true, null, \"x\\\"\\u00e9\\n\"], \"b\": {}} ");
        assertThat(value).isEqualTo(Map.of("a", java.util.Arrays.asList(1L, -25.0, true, null, "x\"é\n"),
                "b", Map.of()));
        assertThat(Json.write(Map.of("k", List.of("a\"b", 3L)))).isEqualTo("{\"k\":[\"a\\\"b\",3]}");
        assertThatThrownBy(() -> Json.parse("{\"a\": 1} x")).hasMessageContaining("trailing");
    }
}
