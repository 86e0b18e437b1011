package org.tandem.teams.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.meetings.OnlineCalendar.Unavailable;

/**
 * {@link GraphDirectory} through Graph's {@code GET /users/{id}/manager} (application permission
 * {@code User.Read.All}), for the people of one tenant. Only the manager's id is asked for ({@code $select=id}):
 * nothing else about them is read, and nothing is kept.
 */
final class GraphPeople implements GraphDirectory {

    private static final Logger log = LoggerFactory.getLogger(GraphPeople.class);
    private static final Pattern OBJECT_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final GraphClient graph;
    private final String tenant;

    GraphPeople(GraphClient graph, String tenant) {
        this.graph = graph;
        this.tenant = tenant;
    }

    @Override
    public Optional<String> manager(String tenant, String objectId) {
        if (!this.tenant.equalsIgnoreCase(tenant) || !OBJECT_ID.matcher(objectId).matches()) {
            return Optional.empty();
        }
        try {
            return graph.find("read manager", "/users/" + objectId + "/manager?$select=id")
                    .filter(GraphPeople::user)
                    .map(m -> m.path("id").asText(""))
                    .filter(id -> OBJECT_ID.matcher(id).matches());
        } catch (Unavailable e) {
            // already logged by the client, with Graph's error code
            return Optional.empty();
        }
    }

    /** A manager may be an organisational contact (someone outside the tenant), who is no one in Teams. */
    private static boolean user(JsonNode manager) {
        String type = manager.path("@odata.type").asText("");
        return type.isEmpty() || type.equals("#microsoft.graph.user");
    }
}
