package org.tandem.core.conversation;

import java.time.Duration;

/**
 * One platform's sends at its {@link Pace}, with the budgets every replica shares ({@link SendBudgets}): an adapter
 * takes a slot before each send and waits for it, tells a "slow down" (HTTP 429) to the whole workspace, and the
 * core's sweep leaves a workspace's due items in the store while its budget is spent far ahead.
 */
public final class Pacing {

    private final SendBudgets budgets;
    private final String platform;
    private final Pace pace;

    public Pacing(SendBudgets budgets, String platform, Pace pace) {
        this.budgets = budgets;
        this.platform = platform;
        this.pace = pace;
    }

    public Pace pace() {
        return pace;
    }

    /**
     * Takes the slot of one send to {@code destination} in {@code tenant}, from the workspace's budget and the
     * conversation's: how long the send must wait (the later of the two).
     */
    public Duration reserve(String tenant, String destination) {
        Duration workspace = budgets.take(workspace(tenant), pace.perWorkspace());
        Duration conversation = budgets.take(conversation(tenant, destination), pace.perDestination());
        return workspace.compareTo(conversation) >= 0 ? workspace : conversation;
    }

    /** How long a send to the workspace would wait now (its budget spent ahead), without taking a slot. */
    public Duration backlog(String tenant) {
        return budgets.wait(workspace(tenant), pace.perWorkspace());
    }

    /** The platform asked to wait: the whole workspace's sends wait, on every replica. */
    public void throttled(String tenant, Duration retryAfter) {
        budgets.slow(workspace(tenant), pace.perWorkspace(), retryAfter);
    }

    /** Forgets a conversation's budget: that of a person who erased their data. */
    public void forget(String tenant, String destination) {
        budgets.forget(conversation(tenant, destination));
    }

    /**
     * A conversation's budget: named by a digest of its id, since a direct conversation's id names its person
     * (Slack posts to a user id), and the budget outlives the send by minutes.
     */
    private String conversation(String tenant, String destination) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(destination.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return workspace(tenant) + "|" + java.util.HexFormat.of().formatHex(d, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private String workspace(String tenant) {
        return platform + "|" + tenant;
    }
}
