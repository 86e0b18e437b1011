package org.tandem.slack;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Which workspaces this replica knows to be alive, so that a sign of life (a call Slack accepted with the
 * workspace's token, a token that works at start, an install) tells the core once ({@code workspaceBack} cancels
 * a planned erasure) rather than on every event. An uninstall forgets the workspace here and tells the core it is
 * gone; the next sign of life tells it again. Memory only: another replica that did not see the uninstall may
 * still think the workspace alive, which is why the core asks Slack again before it erases anything.
 */
final class Liveness implements Installations.Lifecycle {

    private final Consumer<String> gone;
    private final Consumer<String> back;
    private final Set<String> alive = ConcurrentHashMap.newKeySet();

    Liveness(Consumer<String> gone, Consumer<String> back) {
        this.gone = gone;
        this.back = back;
    }

    /** A sign of life: the core hears of it the first time since start (or since the workspace was gone). */
    void signOfLife(String team) {
        if (alive.add(team)) {
            back.accept(team);
        }
    }

    boolean known(String team) {
        return alive.contains(team);
    }

    /** Known alive without telling the core, which is asking itself (its purge re-checks before erasing). */
    void confirmed(String team) {
        alive.add(team);
    }

    @Override
    public void gone(String team) {
        alive.remove(team);
        gone.accept(team);
    }

    /** An install: always told, it may follow an uninstall another replica saw. */
    @Override
    public void back(String team) {
        alive.add(team);
        back.accept(team);
    }
}
