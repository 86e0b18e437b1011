package org.tandem.core.privacy;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.module.PersonalData;

/** A {@link PersonalData} made of functions, for the core's own stores. */
record Part(String section, Function<PersonRef, Optional<Object>> exporter, BiConsumer<PersonRef, PersonRef> eraser,
            Consumer<String> programEraser, Function<PersonRef, Set<String>> tracer) implements PersonalData {

    /** A store that holds nothing the person wrote. */
    Part(String section, Function<PersonRef, Optional<Object>> exporter, BiConsumer<PersonRef, PersonRef> eraser,
         Consumer<String> programEraser) {
        this(section, exporter, eraser, programEraser, p -> Set.of());
    }

    @Override
    public Optional<Object> export(PersonRef person) {
        return exporter.apply(person);
    }

    @Override
    public void erase(PersonRef person, PersonRef standIn) {
        eraser.accept(person, standIn);
    }

    @Override
    public void eraseProgram(String programId) {
        programEraser.accept(programId);
    }

    @Override
    public Set<String> traces(PersonRef person) {
        return tracer.apply(person);
    }

    /** A list as an export: empty when there is nothing. */
    static Optional<Object> nonEmpty(Collection<?> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list);
    }
}
