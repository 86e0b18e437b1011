package org.tandem.core.module;

import java.util.Optional;
import java.util.Set;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;

/**
 * One store's part in a person's data. {@code my-data} gathers every part's {@link #export}; {@code forget-me}
 * calls every part's {@link #erase}; the retention of closed programmes calls {@link #eraseProgram}. A feature
 * that stores something about people (the rhythm's agreements, meetings and reflections) adds its own part, so
 * that nothing is forgotten by the erasure and the person's copy is complete.
 */
public interface PersonalData {

    /** The section's name in the person's file, e.g. {@code enrolments}. */
    String section();

    /**
     * What this store keeps about the person, as JSON-ready values: maps with string keys, lists, strings,
     * numbers, booleans, instants. Only what is theirs to see: never another person's private answer. Empty
     * when the store keeps nothing about them.
     */
    Optional<Object> export(PersonRef person);

    /**
     * Erases it. Where a record must stay for the programme's numbers (a pair), {@code standIn} takes the person's
     * place: an identity that stands for nobody. The person's open pairs are already ended when this is called.
     */
    void erase(PersonRef person, PersonRef standIn);

    /**
     * What this store holds that the person wrote, or that identifies them (free-text answers, objectives, notes,
     * an e-mail address), read before the erasure so that the adapters can drop their stored copies of it
     * (a message to the partner quoting it, an export listing it). Default: nothing.
     */
    default Set<String> traces(PersonRef person) {
        return Set.of();
    }

    /** Erases what a closed programme kept about its people (the retention period is over). */
    default void eraseProgram(String programId) {
    }

    /**
     * Erases what this store keeps about anyone of a workspace that removed Tandem, people who never wrote to the
     * bot included (someone invited, known only by the directory's look-up). Called after each known person of the
     * workspace was erased (what is left is about people the bot never met). Default: nothing (the store keeps only people the bot has met).
     */
    default void eraseWorkspace(Scope scope) {
    }
}
