package org.tandem.core.conversation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The outbound port: how the core reaches people. Each adapter implements it for its platform. Calls may be
 * slow (a platform's Web API): the core calls it after the inbound event was acknowledged, never before.
 */
public interface Messenger {

    /** Sends a message where the core wants it (a nudge, an introduction, a notice): proactively. */
    MessageRef send(Address to, Message message);

    /**
     * Opens a group conversation with people of the same platform and tenant (e.g. a pair's introduction) and
     * sends the first message. Returns the group, for later messages to it.
     */
    GroupRef openGroup(List<PersonRef> members, Message message);

    /**
     * Replaces a message sent earlier, e.g. to show a question's outcome instead of its buttons. False when the
     * platform refused (the message is too old, or was deleted): nothing else changes.
     */
    boolean update(MessageRef ref, Message message);

    /**
     * Sends a file to a person (in their direct conversation) or to the admin channel, with a message saying what
     * it is; only they may get at it. An adapter that cannot deliver files throws
     * {@link UnsupportedOperationException}.
     */
    default MessageRef sendFile(Address to, FileAttachment file, Message message) {
        throw new UnsupportedOperationException("this platform's adapter does not deliver files yet");
    }

    /**
     * The channel a coordinator named (as they typed it: {@code #kudos}, a platform's mention of it, its name), if
     * the platform has it and the bot can post there; the adapter may join a public channel to post in it. Default:
     * the platform has no channels the core can name.
     */
    default Optional<ChannelRef> channel(Scope scope, String typed) {
        return Optional.empty();
    }

    /**
     * Looks people up in the workspace's directory by what a coordinator gave (e-mail addresses; user names in the
     * web chat): each handle found maps to its contact, in the order given; a handle the platform does not know is
     * absent. Bots and deactivated accounts are never found. Default: nobody is found.
     */
    default Map<String, Contact> lookup(Scope scope, List<String> handles) {
        return Map.of();
    }

    /** The people in a channel (not bots), for inviting a whole channel. Default: none are known. */
    default List<Contact> members(ChannelRef channel) {
        return List.of();
    }

    /**
     * A person's manager, when the platform knows them (a Slack profile field the workspace names, Microsoft Graph's
     * manager on Teams when configured) and they are in the same workspace. Default: unknown.
     */
    default Optional<PersonRef> manager(PersonRef person) {
        return Optional.empty();
    }

    /**
     * Forgets what the adapter keeps about a person who erased their data: its copies of their messages and files,
     * and every stored message or file that carries their name or one of their {@link Forgotten#traces()} (a copy
     * sent to someone else, an export). What was delivered to a platform stays there. Called after the core erased
     * its own stores and after the person's last answer was sent, so the adapter may drop that too. Default: the
     * adapter keeps nothing of its own.
     */
    default void forget(Forgotten forgotten) {
    }

    /**
     * Whether Tandem is still installed in a workspace, asked before a planned erasure of a workspace that removed
     * it. An adapter that cannot tell (the platform did not answer) says {@link Presence#UNKNOWN}; the erasure then
     * waits and asks again. Default: gone, as the adapter said when it reported the removal.
     */
    default Presence presence(Scope scope) {
        return Presence.REMOVED;
    }

    /**
     * How fast the platform of a workspace takes messages (its adapter's declared limits): the core spreads a
     * broadcast at this pace and estimates how long it takes. Default: no limit.
     */
    default Pace pace(Scope scope) {
        return Pace.NONE;
    }

    /**
     * How long a message to a workspace would wait now for the platform's budget, which every replica shares: the
     * core's sweep leaves a workspace's due items in the store, rather than wait for it, while this is long (after
     * the platform said "slow down"). Default: no wait.
     */
    default java.time.Duration backlog(Scope scope) {
        return java.time.Duration.ZERO;
    }

    /**
     * Tries again, at most {@code limit}, the messages the platform refused after the adapter's own retries (it
     * keeps them, never drops them). The core's scheduled sweep calls it; returns how many went out.
     */
    default int redeliver(int limit) {
        return 0;
    }

    /** Whether a workspace still has Tandem, as its platform says now. */
    enum Presence {
        /** Installed and working (e.g. its token is accepted). */
        INSTALLED,
        /** Removed (e.g. its token is revoked, the bot was removed from every conversation). */
        REMOVED,
        /** The platform could not be asked (network trouble, a 5xx): ask again later. */
        UNKNOWN
    }

    /**
     * A person who erased their data, as the adapters must forget them.
     *
     * @param displayName the name Tandem knew them by (null when it knew none)
     * @param traces      what they wrote that Tandem stored (answers, objectives, notes…) and what identifies them,
     *                    each at least {@link #MIN_TRACE} characters: an adapter drops every stored message or file
     *                    that contains one
     * @param farewell    the answer that confirmed the erasure, when they asked for it: an adapter that keeps copies
     *                    may show it to them once more (it is their last), but must not keep it
     */
    record Forgotten(PersonRef person, String displayName, Set<String> traces, Optional<MessageRef> farewell) {

        /** Shorter strings say nothing about anyone (and would match everything). */
        public static final int MIN_TRACE = 4;

        /** Without a farewell (an erasure nobody is waiting for, e.g. a closed programme's). */
        public Forgotten(PersonRef person, String displayName, Set<String> traces) {
            this(person, displayName, traces, Optional.empty());
        }

        /** The same, with the answer that confirmed the erasure. */
        public Forgotten saying(MessageRef answer) {
            return new Forgotten(person, displayName, traces, Optional.ofNullable(answer));
        }

        public Forgotten {
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(farewell, "farewell");
            traces = traces.stream().filter(Objects::nonNull).map(String::strip)
                    .filter(x -> x.length() >= MIN_TRACE).collect(java.util.stream.Collectors.toUnmodifiableSet());
        }

        /** The name and the traces: everything whose presence in a stored copy means it must go. */
        public Set<String> needles() {
            Set<String> all = new java.util.LinkedHashSet<>();
            if (displayName != null && !displayName.isBlank()) {
                all.add(displayName.strip());
            }
            all.addAll(traces);
            return all;
        }
    }
}
