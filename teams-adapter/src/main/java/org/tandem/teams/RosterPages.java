package org.tandem.teams;

import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.schema.PagedMembersResult;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.ResponseBody;
import retrofit2.Response;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * The pages of a roster after the first: the Bot Connector's {@code pagedmembers} with a continuation token. The
 * SDK (4.14.3) declares that call with the token inside its URL template, which Retrofit refuses at the first call
 * ("must not have replace block"); it is declared here with the token as a query parameter, on the SDK's own
 * Retrofit (same HTTP client, credentials, timeouts and no retries), and its failures are the SDK's
 * {@link RestException}, so that {@link Delivery} tells them apart as for any other call.
 */
final class RosterPages {

    /** The call, as Teams documents it. */
    interface Service {
        @GET("v3/conversations/{conversationId}/pagedmembers")
        CompletableFuture<Response<ResponseBody>> page(@Path("conversationId") String conversationId,
                                                       @Query("continuationToken") String continuationToken);
    }

    private static final Map<ConnectorClient, Service> SERVICES = new ConcurrentHashMap<>();

    private RosterPages() {
    }

    /** The page of a conversation's (a team's) members from where {@code continuationToken} left off. */
    static CompletableFuture<PagedMembersResult> next(ConnectorClient client, String conversationId,
                                                      String continuationToken) {
        Service service = SERVICES.computeIfAbsent(client, c -> ((RestConnectorClient) c).getRestClient().retrofit()
                .create(Service.class));
        return service.page(conversationId, continuationToken).thenApply(RosterPages::read);
    }

    private static PagedMembersResult read(Response<ResponseBody> r) {
        if (!r.isSuccessful()) {
            throw new CompletionException(new RestException("Teams answered " + r.code() + " to a roster page", r));
        }
        try (ResponseBody body = r.body()) {
            String json = body == null ? "" : body.string();
            return json.isBlank() ? new PagedMembersResult()
                    : Serialization.treeToValue(Serialization.jsonToTree(json), PagedMembersResult.class);
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }
}
