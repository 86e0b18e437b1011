package org.tandem.teams.graph;

import java.util.Optional;

/**
 * What the Teams adapter asks Microsoft Graph about people of the configured tenant, beside their calendars: whom
 * they report to. Never throws: Graph not answering is "not known", logged, and the caller carries on without it.
 */
public interface GraphDirectory {

    /**
     * The Entra object id of the manager of the person of {@code tenant} known by Entra object id {@code objectId};
     * empty when they have none (Graph's 404), when the tenant is not the configured one, when the id is not an
     * object id, or when Graph could not say.
     */
    Optional<String> manager(String tenant, String objectId);
}
