package org.tandem.core.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.Questions;
import org.tandem.core.conversation.Scope;
import org.tandem.core.module.Feature;
import org.tandem.core.module.PersonalData;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.settings.Settings;

/**
 * People's control over their data, assembled: {@code my-data} and {@code forget-me} over every part of a person's
 * data (the core's own stores, then each feature's {@link Feature#personalData() part}), the retention of closed
 * programmes (planned for each workspace), and the erasure of a workspace that removed Tandem. The one entry type
 * of the feature.
 */
public final class PrivacyModule implements Feature {

    private final Erasure erasure;
    private final Retention retention;
    private final WorkspacePurge purge;
    private final List<Flow> flows;

    public PrivacyModule(CoreData.Stores stores, List<PersonalData> featureParts, Messenger messenger,
                         Questions questions, Clock clock, Settings settings) {
        List<PersonalData> data = new ArrayList<>(featureParts);
        data.addAll(CoreData.parts(stores));
        this.erasure = new Erasure(data, stores.pairs(), stores.programs(), stores.enrollments(), stores.people(),
                messenger, questions, stores.audit(), settings.adminLocale());
        this.retention = new Retention(stores.programs(), erasure, stores.ledger(), stores.due(),
                settings.retainClosedProgrammes(), clock);
        this.purge = new WorkspacePurge(stores.due(), stores.people(), erasure, messenger,
                settings.retainClosedProgrammes(), clock);
        this.flows = List.of(new MyDataFlow(data, stores.audit()), new ForgetFlow(erasure));
    }

    @Override
    public String name() {
        return "privacy";
    }

    /** Runs after each erasure is complete. */
    public void afterEachErasure(Runnable listener) {
        erasure.afterEachErasure(listener);
    }

    /** A workspace's erasure after it removed Tandem (planned, or cancelled when it comes back). */
    public WorkspacePurge purge() {
        return purge;
    }

    @Override
    public List<Flow> flows() {
        return flows;
    }

    @Override
    public List<DueHandler> handlers() {
        return List.of(retention, purge);
    }

    @Override
    public void planRecurring(Scope scope, Instant now) {
        retention.plan(scope, now);
    }
}
