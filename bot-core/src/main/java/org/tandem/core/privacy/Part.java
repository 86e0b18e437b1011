package org.tandem.core.privacy;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tandem.core.conversation.PersonRef;

/** A {@link PersonalData} made of three functions, for the core's own stores. */
record Part(String section, Function<PersonRef, Optional<Object>> exporter, BiConsumer<PersonRef, PersonRef> eraser,
            Consumer<String> programEraser) implements PersonalData {

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

    /** A list as an export: empty when there is nothing. */
    static Optional<Object> nonEmpty(java.util.Collection<?> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list);
    }
}
