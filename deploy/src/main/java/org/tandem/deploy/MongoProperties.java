package org.tandem.deploy;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tandem.mongodb.*}.
 *
 * @param uri      a MongoDB connection string; when blank, an embedded server is started
 * @param database the database name, when the URI names none
 * @param dataFile the embedded server's file
 */
@ConfigurationProperties("tandem.mongodb")
public record MongoProperties(String uri, String database, Path dataFile) {

    public MongoProperties {
        database = database == null || database.isBlank() ? "tandem" : database.strip();
        dataFile = dataFile == null ? Path.of("data", "tandem.mv") : dataFile;
    }

    public boolean embedded() {
        return uri == null || uri.isBlank();
    }
}
