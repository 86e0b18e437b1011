package org.tandem.core.rhythm;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.module.PersonalData;

/**
 * The rhythm's part in a person's data: their own reflections (only theirs: never the partner's), the meetings
 * they logged, when they paused. Erasing removes what they wrote and leaves the numbers without a name.
 */
final class RhythmData {

    private RhythmData() {
    }

    static List<PersonalData> parts(Rhythm rhythm) {
        return List.of(new PersonalData() {
            @Override
            public String section() {
                return "reflections";
            }

            @Override
            public Optional<Object> export(PersonRef person) {
                List<Map<String, Object>> mine = rhythm.reflections.of(person).stream().map(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("at", r.at());
                    m.put("kind", r.kind());
                    m.put("answers", r.answers());
                    m.put("progress", r.progress());
                    m.put("satisfaction", r.satisfaction());
                    return m;
                }).toList();
                return mine.isEmpty() ? Optional.empty() : Optional.of(mine);
            }

            @Override
            public void erase(PersonRef person, PersonRef standIn) {
                rhythm.reflections.forget(person);
            }

            @Override
            public Set<String> traces(PersonRef person) {
                Set<String> out = new LinkedHashSet<>();
                rhythm.reflections.of(person).forEach(r -> out.addAll(r.answers().values()));
                return out;
            }

            @Override
            public void eraseProgram(String programId) {
                rhythm.reflections.eraseProgram(programId);
            }
        }, new PersonalData() {
            @Override
            public String section() {
                return "meetings";
            }

            @Override
            public Optional<Object> export(PersonRef person) {
                Map<String, Object> m = new LinkedHashMap<>();
                List<Map<String, Object>> logged = rhythm.meetings.loggedBy(person);
                if (!logged.isEmpty()) {
                    m.put("logged", logged);
                }
                rhythm.pauses.personUntil(person).ifPresent(u -> m.put("pausedUntil", u));
                return m.isEmpty() ? Optional.empty() : Optional.of(m);
            }

            @Override
            public void erase(PersonRef person, PersonRef standIn) {
                rhythm.meetings.forget(person, standIn);
                rhythm.courtesy.forget(person);
                rhythm.pauses.forget(person);
            }

            @Override
            public void eraseProgram(String programId) {
                rhythm.meetings.eraseProgram(programId);
                rhythm.pauses.resumeProgram(programId);
            }
        });
    }
}
