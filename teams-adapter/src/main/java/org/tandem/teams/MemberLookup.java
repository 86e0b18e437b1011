package org.tandem.teams;

import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsInfo;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A person's UPN / e-mail through the SDK's Teams member lookup ({@link TeamsInfo#getMember}), remembered once
 * found: deep links to a chat need it, and coordinators may be configured by address.
 */
final class MemberLookup {

    private static final Logger log = LoggerFactory.getLogger(MemberLookup.class);

    private final TeamsBotAdapter adapter;
    private final TeamsConversations conversations;
    private final String appId;

    MemberLookup(TeamsBotAdapter adapter, TeamsConversations conversations, TeamsProperties properties) {
        this.adapter = adapter;
        this.conversations = conversations;
        this.appId = properties.appId();
    }

    /** Within a turn: the sender as Teams describes them. */
    Optional<TeamsChannelAccount> inTurn(TurnContext turn, String memberId) {
        try {
            return Optional.ofNullable(TeamsInfo.getMember(turn, memberId).get(20, TimeUnit.SECONDS));
        } catch (Exception e) {
            log.warn("Teams member lookup of {} failed: {}", memberId, e.toString());
            return Optional.empty();
        }
    }

    /** Outside a turn: looks the person up through their personal chat, unless their address is known already. */
    Optional<String> address(TeamsConversations.Stored person) {
        if (person.upn() != null || person.email() != null) {
            return Optional.ofNullable(person.upn() != null ? person.upn() : person.email());
        }
        String user = person.reference().getUser() == null ? null : person.reference().getUser().getId();
        if (user == null) {
            return Optional.empty();
        }
        AtomicReference<TeamsChannelAccount> found = new AtomicReference<>();
        try {
            adapter.continueConversation(appId, person.reference(), turn -> TeamsInfo.getMember(turn, user)
                    .thenAccept(found::set).exceptionally(e -> {
                log.warn("Teams member lookup of {} failed: {}", user, e.toString());
                return null;
            }).thenApply(x -> null))
                    .get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Teams member lookup of {} failed: {}", user, e.toString());
        }
        TeamsChannelAccount m = found.get();
        if (m == null || m.getUserPrincipalName() == null && m.getEmail() == null) {
            return Optional.empty();
        }
        String userId = person.key().substring(person.key().lastIndexOf('|') + 1);
        conversations.saveContact(person.tenant(), userId, m.getUserPrincipalName(), m.getEmail());
        return Optional.of(m.getUserPrincipalName() != null ? m.getUserPrincipalName() : m.getEmail());
    }
}
