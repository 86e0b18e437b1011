package org.tandem.slack;

import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import com.slack.api.methods.response.users.UsersListResponse;
import com.slack.api.model.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.Contact;
import org.tandem.core.conversation.PersonRef;

/**
 * The workspace's directory, for inviting people: by e-mail address ({@code users.lookupByEmail}), a channel's members
 * ({@code conversations.members}), and a person's manager from the profile field the workspace keeps it in (Slack has
 * no manager of its own). Bots, Slackbot and deactivated accounts are nobody. Every call goes through {@link WebApi},
 * which waits out a 429's {@code Retry-After}: {@code users.lookupByEmail} is Tier 3 (about 50 a minute), and a
 * list of 200 addresses takes minutes, not a failure. What Slack still refuses (busy for long, a scope missing) is
 * thrown rather than taken for "not found": nobody is left out of an invitation because Slack was busy.
 */
final class Contacts {

    private static final Logger log = LoggerFactory.getLogger(Contacts.class);

    /** What is looked up as an e-mail address; anything else is not found without asking Slack. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+");
    private static final String SLACKBOT = "USLACKBOT";
    /**
     * Up to this many members, each is asked with {@code users.info} (Tier 4, 100+ a minute); a bigger channel reads
     * {@code users.list} (Tier 2, 20 a minute, but 200 people a page) until every member was seen: for a channel of
     * 2,000 in a workspace of 10,000 that is at most 50 calls instead of 2,000. Below it a small channel in a big
     * workspace costs fewer calls member by member.
     */
    static final int ONE_BY_ONE = 50;

    private final WebApi api;
    private final String managerField;

    /** {@code managerField}: the id of the profile field (of type "user") that names a person's manager, or null. */
    Contacts(WebApi api, String managerField) {
        this.api = api;
        this.managerField = managerField;
    }

    Map<String, Contact> lookup(String tenant, List<String> handles) {
        Map<String, Contact> found = new LinkedHashMap<>();
        Map<String, Optional<Contact>> asked = new HashMap<>();
        for (String handle : handles) {
            String email = handle == null ? "" : handle.strip().toLowerCase(Locale.ROOT);
            if (!EMAIL.matcher(email).matches()) {
                continue;
            }
            Optional<Contact> c = asked.computeIfAbsent(email, e -> byEmail(tenant, e));
            c.ifPresent(contact -> found.put(handle, contact));
        }
        return found;
    }

    private Optional<Contact> byEmail(String tenant, String email) {
        try {
            User u = api.call(tenant, "users.lookupByEmail", m -> m.usersLookupByEmail(r -> r.email(email)))
                    .getUser();
            return contact(tenant, u);
        } catch (WebApi.Failed e) {
            if ("users_not_found".equals(e.error) || e.notInstalled()) {
                return Optional.empty();
            }
            log.warn("users.lookupByEmail failed in Slack workspace {} ({})", tenant, e.error);
            throw e;
        }
    }

    /** A channel's people, in Slack's order; a channel Tandem cannot see has none. */
    List<Contact> members(String tenant, String channel) {
        List<String> ids;
        try {
            ids = memberIds(tenant, channel);
        } catch (WebApi.Failed e) {
            if ("channel_not_found".equals(e.error) || "not_in_channel".equals(e.error) || e.notInstalled()) {
                log.info("the members of channel {} of Slack workspace {} are unknown ({})", channel, tenant, e.error);
                return List.of();
            }
            throw e;
        }
        ids.remove(SLACKBOT);
        Map<String, User> users = ids.size() <= ONE_BY_ONE ? oneByOne(tenant, ids) : listed(tenant, Set.copyOf(ids));
        List<Contact> out = new ArrayList<>();
        for (String id : ids) {
            contact(tenant, users.get(id)).ifPresent(out::add);
        }
        return out;
    }

    private List<String> memberIds(String tenant, String channel) {
        Set<String> ids = new LinkedHashSet<>();
        String cursor = null;
        do {
            String page = cursor;
            ConversationsMembersResponse r = api.call(tenant, "conversations.members", m -> m.conversationsMembers(
                    q -> q.channel(channel).limit(Channels.PAGE).cursor(page)));
            ids.addAll(r.getMembers());
            cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
        } while (cursor != null && !cursor.isBlank());
        return new ArrayList<>(ids);
    }

    /** One {@code users.info} a member; one Slack no longer knows is left out. */
    private Map<String, User> oneByOne(String tenant, List<String> ids) {
        Map<String, User> users = new HashMap<>();
        for (String id : ids) {
            try {
                users.put(id, api.call(tenant, "users.info", m -> m.usersInfo(r -> r.user(id))).getUser());
            } catch (WebApi.Failed e) {
                if (!"user_not_found".equals(e.error)) {
                    throw e;
                }
            }
        }
        return users;
    }

    /** {@code users.list}, page after page, until every one of {@code ids} was seen. */
    private Map<String, User> listed(String tenant, Set<String> ids) {
        Map<String, User> users = new HashMap<>();
        String cursor = null;
        do {
            String page = cursor;
            UsersListResponse r = api.call(tenant, "users.list", m -> m.usersList(q -> q.limit(Channels.PAGE)
                    .cursor(page)));
            for (User u : r.getMembers()) {
                if (ids.contains(u.getId())) {
                    users.put(u.getId(), u);
                }
            }
            cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
        } while (users.size() < ids.size() && cursor != null && !cursor.isBlank());
        return users;
    }

    /**
     * The person the configured profile field names ({@code users.profile.get}): its value is a user id of the same
     * workspace. None without the setting, with the field empty, or naming a bot or a deactivated account.
     */
    Optional<PersonRef> manager(PersonRef person) {
        if (managerField == null) {
            return Optional.empty();
        }
        User.Profile profile;
        try {
            profile = api.call(person.tenant(), "users.profile.get", m -> m.usersProfileGet(r -> r
                    .user(person.userId()))).getProfile();
        } catch (WebApi.Failed e) {
            if ("user_not_found".equals(e.error) || e.notInstalled()) {
                return Optional.empty();
            }
            throw e;
        }
        Map<String, User.Profile.Field> fields = profile == null ? null : profile.getFields();
        User.Profile.Field field = fields == null ? null : fields.get(managerField);
        String value = field == null || field.getValue() == null ? "" : field.getValue().strip();
        if (!value.matches("[UW][A-Z0-9]+") || value.equals(person.userId())) {
            return Optional.empty();
        }
        try {
            User manager = api.call(person.tenant(), "users.info", m -> m.usersInfo(r -> r.user(value))).getUser();
            return contact(person.tenant(), manager).map(Contact::person);
        } catch (WebApi.Failed e) {
            if ("user_not_found".equals(e.error)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Optional<Contact> contact(String tenant, User u) {
        if (u == null || u.isBot() || u.isDeleted() || SLACKBOT.equals(u.getId())) {
            return Optional.empty();
        }
        // Slack opens a DM with anyone in the workspace: everyone found is reachable now
        return Optional.of(new Contact(new PersonRef(SlackMessenger.PLATFORM, tenant, u.getId()), Directory.name(u),
                true));
    }
}
