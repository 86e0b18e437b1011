package org.tandem.core.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * The guard most of our writes rely on: an insert on a unique key either happens or finds the key taken, on any
 * number of replicas, without transactions.
 */
public final class Inserts {

    private Inserts() {
    }

    /** Inserts the document unless a unique key of it is taken; true when inserted. Other errors are thrown. */
    public static boolean once(MongoCollection<Document> collection, Document doc) {
        try {
            collection.insertOne(doc);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
