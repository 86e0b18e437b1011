package org.tandem.core.meetings;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.tandem.core.conversation.Scope;
import org.tandem.core.store.Inserts;

/** What the coordinators were told about the online calendar, so that each workspace hears it once. */
final class CalendarNotices {

    private final MongoCollection<Document> collection;

    CalendarNotices(MongoDatabase db) {
        this.collection = db.getCollection("calendar_notices");
    }

    /** True the first time a workspace's calendar refused for a missing permission (a unique key decides). */
    boolean first(Scope scope, Instant now) {
        return Inserts.once(collection, new Document("_id", scope.platform() + "|" + scope.tenant() + "|forbidden")
                .append("tenant", scope.tenant()).append("at", Date.from(now)));
    }
}
