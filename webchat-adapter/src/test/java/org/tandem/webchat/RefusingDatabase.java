package org.tandem.webchat;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The web chat's platform, stubbed: a real database whose collections refuse every write while {@link #refuse} is
 * on (as a MongoDB that is down or times out would), reads still answered so that a test sees what was delivered.
 */
final class RefusingDatabase {

    private static final Set<String> WRITES = Set.of("insertOne", "insertMany", "updateOne", "updateMany",
            "replaceOne", "deleteOne", "deleteMany", "findOneAndUpdate", "findOneAndReplace", "findOneAndDelete",
            "bulkWrite");

    private final AtomicBoolean refusing = new AtomicBoolean();
    private final MongoDatabase database;

    RefusingDatabase(MongoDatabase real) {
        this.database = (MongoDatabase) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MongoDatabase.class}, (proxy, method, args) -> {
                    Object out = call(real, method, args);
                    return out instanceof MongoCollection<?> c ? refusing(c) : out;
                });
    }

    MongoDatabase database() {
        return database;
    }

    void refuse(boolean refuse) {
        refusing.set(refuse);
    }

    private MongoCollection<?> refusing(MongoCollection<?> real) {
        return (MongoCollection<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MongoCollection.class}, (proxy, method, args) -> {
                    if (refusing.get() && WRITES.contains(method.getName())) {
                        throw new MongoException("the test's database refuses writes");
                    }
                    return call(real, method, args);
                });
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
