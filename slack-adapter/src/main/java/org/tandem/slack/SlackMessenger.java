package org.tandem.slack;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.ChannelRef;
import org.tandem.core.conversation.Contact;
import org.tandem.core.conversation.FileAttachment;
import org.tandem.core.conversation.GroupRef;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.Pace;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.PlatformMessenger;
import org.tandem.core.conversation.Scope;
import org.tandem.core.conversation.i18n.Texts;

/**
 * The core's port to Slack: DMs ({@code chat.postMessage} to the user), group DMs ({@code conversations.open}
 * with the members), each workspace's admin channel, the channels coordinators name ({@link Channels}), files (a
 * chart shown inline), the workspace's directory ({@link Contacts}), and updates in place ({@link #update}). Messages are
 * rendered here and posted by the {@link Outbox}, one conversation at a time in its {@link Lanes lane}, which keeps
 * what Slack does not take for the core's sweep. A form sent on the core's own goes with a button that opens it; the
 * answers to an interaction go through its {@link SlackReplies}, which may open a modal instead.
 */
final class SlackMessenger implements PlatformMessenger {

    private static final Logger log = LoggerFactory.getLogger(SlackMessenger.class);
    static final String PLATFORM = "slack";
    /** What a send returns when there is nothing to update later (an ephemeral answer, nothing sent). */
    static final MessageRef PENDING = new MessageRef(PLATFORM, "pending");
    /** The longest alt text Slack keeps for an image. */
    static final int ALT_MAX = 1000;

    /** Whether Tandem is still installed in a workspace, as Slack says now. */
    @FunctionalInterface
    interface Presences {
        Presence presence(String tenant);
    }

    private final WebApi api;
    private final SlackStores stores;
    private final PendingForms forms;
    private final Function<PersonRef, Locale> locales;
    private final Lanes lanes = new Lanes();
    private final Outbox outbox;
    private final Undelivered undelivered;
    private final Presences presences;
    private final ResponseUrls responses;
    private final Whispers whispers;
    private final InPlace updates;
    private final Channels channels;
    private final Contacts contacts;
    private final Gson gson = GsonFactory.createSnakeCase();

    SlackMessenger(WebApi api, SlackStores stores, Function<PersonRef, Locale> locales, Presences presences,
                   ResponseUrls responses) {
        this(api, stores, locales, presences, responses, null);
    }

    /** {@code managerField}: the profile field that names a person's manager ({@code tandem.slack.manager-field}). */
    SlackMessenger(WebApi api, SlackStores stores, Function<PersonRef, Locale> locales, Presences presences,
                   ResponseUrls responses, String managerField) {
        this.api = api;
        this.stores = stores;
        this.forms = stores.forms();
        this.undelivered = stores.undelivered();
        this.locales = locales;
        this.presences = presences;
        this.responses = responses;
        this.channels = new Channels(api);
        this.outbox = new Outbox(api, stores.admins(), undelivered, lanes, channels);
        this.whispers = new Whispers(api, stores.admins(), responses, lanes);
        this.updates = new InPlace(api, undelivered, lanes, this);
        this.contacts = new Contacts(api, managerField);
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public MessageRef send(Address to, Message message) {
        return send(Destination.of(to), message, Optional.empty());
    }

    /**
     * Posts a message; {@code responseUrl}, the slash command's way back to the group DM it was typed in, answers
     * there when Slack says Tandem is not in it.
     */
    MessageRef send(Destination to, Message message, Optional<String> responseUrl) {
        List<Undelivered.Part> parts = parts(rendered(to, message), message);
        if (responseUrl.isPresent()) {
            return outbox.send(to, parts, rest -> responses.send(responseUrl.get(), rest) ? PENDING : null);
        }
        return outbox.send(to, parts);
    }

    @Override
    public GroupRef openGroup(List<PersonRef> members, Message message) {
        String tenant = members.get(0).tenant();
        List<String> users = members.stream().map(PersonRef::userId).toList();
        String channel;
        try {
            channel = api.call(tenant, "conversations.open",
                    c -> c.conversationsOpen(r -> r.users(users))).getChannel().getId();
        } catch (WebApi.Failed e) {
            // the core finishes an interrupted introduction on its own timer: it needs to know this one failed
            log.warn("conversations.open for a group of {} in {} failed ({})", users.size(), tenant, e.error);
            throw e;
        }
        send(new Destination.Group(tenant, channel), message, Optional.empty());
        return new GroupRef(PLATFORM, tenant, channel);
    }

    /** See {@link InPlace}: false when Slack refused (the message is gone, too old) or the reference is not one. */
    @Override
    public boolean update(MessageRef ref, Message message) {
        return SlackRef.of(ref).map(r -> updates.update(r, message)).orElse(false);
    }

    @Override
    public MessageRef sendFile(Address to, FileAttachment file, Message message) {
        if (to instanceof Address.Person p) {
            return sendFileToPerson(p.person(), file, message);
        }
        if (to instanceof Address.Admin a) {
            return sendFileToAdmin(a.scope().tenant(), file, message);
        }
        if (to instanceof Address.Channel c) {
            // the message first: it joins the channel when Tandem is not in it yet
            MessageRef ref = send(to, message);
            upload(c.channel().tenant(), c.channel().id(), file, message);
            return ref;
        }
        throw new IllegalArgumentException("a file goes to a person, a channel or the coordinators, not to a group");
    }

    /** The message, then the file uploaded to the person's DM ({@code files.uploadV2} needs the DM's channel id). */
    private MessageRef sendFileToPerson(PersonRef person, FileAttachment file, Message message) {
        MessageRef ref = send(new Destination.Person(person), message, Optional.empty());
        String dm = api.call(person.tenant(), "conversations.open",
                c -> c.conversationsOpen(r -> r.users(List.of(person.userId())))).getChannel().getId();
        upload(person.tenant(), dm, file, message);
        return ref;
    }

    /** The message, then the file into the workspace's admin channel; with none yet, the message waits alone. */
    private MessageRef sendFileToAdmin(String tenant, FileAttachment file, Message message) {
        MessageRef ref = send(new Destination.Admin(tenant), message, Optional.empty());
        stores.admins().of(tenant).ifPresentOrElse(channel -> upload(tenant, channel, file, message),
                () -> log.warn("a file for the coordinators of Slack workspace {} was not sent: no admin channel yet",
                        tenant));
        return ref;
    }

    @Override
    public Optional<ChannelRef> channel(Scope scope, String typed) {
        return channels.channel(scope.tenant(), typed);
    }

    @Override
    public Map<String, Contact> lookup(Scope scope, List<String> handles) {
        return contacts.lookup(scope.tenant(), handles);
    }

    @Override
    public List<Contact> members(ChannelRef channel) {
        return contacts.members(channel.tenant(), channel.id());
    }

    @Override
    public Optional<PersonRef> manager(PersonRef person) {
        return contacts.manager(person);
    }

    /**
     * Private to the person in a shared place (see {@link Whispers}; {@code responseUrl} gives the slash command's
     * way back to a channel it was typed in), or in their DM when Slack shows it nowhere else.
     */
    MessageRef whisper(PersonRef person, Place place, Message message,
                       Function<String, Optional<String>> responseUrl) {
        return whispers.inPlace(person, place, parts(BlockKit.blocks(message), message), responseUrl)
                .orElseGet(() -> send(new Destination.Person(person), message, Optional.empty()));
    }

    /** Replaces the ephemeral message a click came from, through the click's {@code response_url}. */
    boolean replaceClicked(String responseUrl, Message message) {
        return responses.replace(responseUrl, parts(BlockKit.blocks(message), message));
    }

    /** The answers to an interaction, the Slack way. */
    SlackReplies replies(Interaction interaction) {
        return new SlackReplies(this, interaction);
    }

    /**
     * A message a person clicked on, as the core knows it: a message that went out late is known by the reference
     * it was kept under.
     */
    MessageRef clicked(String tenant, String channel, String ts) {
        SlackRef.Posted posted = new SlackRef.Posted(tenant, channel, ts);
        return undelivered.keptAs(posted).map(SlackRef::ref).orElseGet(posted::ref);
    }

    /** The workspace has an admin channel now: what waited for it goes out. */
    void flushAdmin(String tenant) {
        long released = undelivered.release(tenant, new Destination.Admin(tenant).key());
        if (released > 0) {
            log.info("{} message(s) kept for the admin channel of {} go out now", released, tenant);
            outbox.redeliver((int) Math.min(released + 10, 200));
        }
    }

    /**
     * A failed upload is thrown: the person sees that it went wrong and may ask again (a file is not parked). A picture
     * (a chart) is shown inline by Slack, which tells its type by the name's extension ({@code files.uploadV2} has no
     * file type): a PNG is named {@code .png}, and its alt text is the message's text, which carries the chart's
     * numbers, for whoever cannot see it. The message itself is posted just before, so it is not repeated as the
     * file's comment.
     */
    private void upload(String tenant, String channel, FileAttachment file, Message message) {
        String name = uploadName(file);
        String alt = file.image() ? altText(message) : null;
        api.post(tenant, channel, "files.uploadV2", false, c -> c.filesUploadV2(r -> r.channel(channel).filename(name)
                .title(file.name()).altTxt(alt).fileData(file.bytes()).requestFileInfo(false)));
    }

    /** The name Slack gets: a PNG's ends in {@code .png}, which makes Slack show it as a picture. */
    static String uploadName(FileAttachment file) {
        return "image/png".equals(file.mediaType()) && !file.name().toLowerCase(Locale.ROOT).endsWith(".png")
                ? file.name() + ".png" : file.name();
    }

    /** The message's words ({@link Message#words()}), cut to the 1,000 characters Slack keeps of an alt text. */
    static String altText(Message message) {
        String text = message.words();
        return text.length() <= ALT_MAX ? text : text.substring(0, ALT_MAX - 1) + "…";
    }

    @Override
    public Pace pace(Scope scope) {
        return api.pace();
    }

    @Override
    public java.time.Duration backlog(Scope scope) {
        return api.backlog(scope.tenant());
    }

    /** Slack keeps what it delivered; the copies Tandem kept go (see {@link SlackStores#forget}). */
    @Override
    public void forget(Forgotten forgotten) {
        stores.forget(forgotten);
        api.forgetPace(forgotten.person().tenant(), forgotten.person().userId());
    }

    /** Asked before a workspace that removed Tandem is erased: {@code auth.test} with its token decides. */
    @Override
    public Presence presence(Scope scope) {
        Presence p = presences.presence(scope.tenant());
        log.info("asked Slack whether workspace {} still has Tandem: {}", scope.tenant(), p);
        return p;
    }

    /** Publishes a person's App Home tab; false when Slack did not take it. */
    boolean publishHome(PersonRef person, Message home) {
        try {
            View view = BlockKit.home(home);
            api.call(person.tenant(), "views.publish", c -> c.viewsPublish(r -> r.userId(person.userId())
                    .viewAsString(gson.toJson(view))));
            return true;
        } catch (WebApi.Failed e) {
            log.warn("could not publish the home of a person in {}: {}", person.tenant(), e.error);
            return false;
        }
    }

    /** Opens a form as a modal with a trigger; the modal's reference, or empty when Slack did not open it. */
    Optional<MessageRef> openModal(Destination to, Message message, Block.Form form, String triggerId) {
        SlackRef.Origin origin = new SlackRef.Origin(to.place().key());
        String view = gson.toJson(modal(to, message, form, origin));
        return open(to.tenant(), triggerId, view).map(id -> new SlackRef.Modal(to.tenant(), id, form.formId(),
                origin.placeKey()).ref());
    }

    /**
     * Opens a form kept earlier (the "open the form" button) with a fresh trigger; the modal says it came from
     * {@code from}, the message with the button: that copy is the one its answer or its cancel closes.
     */
    boolean openKept(String tenant, String triggerId, String viewJson, MessageRef from) {
        JsonObject view = JsonParser.parseString(viewJson).getAsJsonObject();
        String place = view.has("private_metadata") ? view.get("private_metadata").getAsString() : "dm";
        view.addProperty("private_metadata", new SlackRef.Origin(SlackRef.Origin.read(place).placeKey(),
                SlackRef.of(from)).write());
        return open(tenant, triggerId, view.toString()).isPresent();
    }

    private Optional<String> open(String tenant, String triggerId, String viewJson) {
        try {
            return Optional.of(api.call(tenant, "views.open", c -> c.viewsOpen(r -> r.triggerId(triggerId)
                    .viewAsString(viewJson))).getView().getId());
        } catch (WebApi.Failed e) {
            log.info("could not open a form as a modal ({}); it is sent with a button to open it", e.error);
            return Optional.empty();
        }
    }

    /** The modal a form opens as, reporting back where it was opened for (and from). */
    View modal(Destination to, Message message, Block.Form form, SlackRef.Origin origin) {
        return BlockKit.modal(message, form, origin.write());
    }

    /**
     * A message as Block Kit: a form cannot be shown in a message, so it is kept (with the place its modal
     * reports back) and the message gets a button that opens it, and its cancel.
     */
    List<LayoutBlock> rendered(Destination to, Message message) {
        List<LayoutBlock> blocks = new ArrayList<>(BlockKit.blocks(message));
        Optional<Block.Form> form = BlockKit.formOf(message);
        if (form.isPresent()) {
            Texts t = texts(to, message);
            String kept = forms.keep(to.tenant(), to instanceof Destination.Person p ? p.who().userId() : null,
                    gson.toJson(modal(to, message, form.get(), new SlackRef.Origin(to.place().key()))));
            blocks.addAll(BlockKit.openFormPrompt(t.rich("form.open.prompt", form.get().title()),
                    t.get("form.open"), kept, form.get()));
        }
        return blocks;
    }

    List<Undelivered.Part> parts(List<LayoutBlock> blocks, Message message) {
        String text = BlockKit.fallback(message);
        return BlockKit.perMessage(blocks).stream().map(chunk -> new Undelivered.Part(text, gson.toJson(chunk)))
                .toList();
    }

    /**
     * Tries again, at most {@code limit}, the messages Slack did not take; the core's sweep calls it on every
     * replica (see {@link Outbox#redeliver}).
     */
    @Override
    public int redeliver(int limit) {
        return outbox.redeliver(limit);
    }

    AdminChannels admins() {
        return stores.admins();
    }

    /** The adapter's own words (a button) in the language of the message, else of whom it is for. */
    private Texts texts(Destination to, Message message) {
        if (message.question().isPresent()) {
            return Texts.of(message.question().get().locale());
        }
        return Texts.of(to instanceof Destination.Person p ? locales.apply(p.who()) : Locale.ENGLISH);
    }
}
