package org.tandem.core.privacy;

import com.mongodb.client.MongoDatabase;
import java.util.List;

/** {@link DatabaseScan} for the tests of other packages (a feature's own erasure). */
public final class DatabaseScanAccess {

    private DatabaseScanAccess() {
    }

    public static List<String> find(MongoDatabase db, List<String> needles) {
        return DatabaseScan.find(db, needles);
    }
}
