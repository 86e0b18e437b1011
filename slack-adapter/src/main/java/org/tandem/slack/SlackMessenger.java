package org.tandem.slack;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.FileAttachment;
import org.tandem.core.conversation.GroupRef;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.ReplyChannel;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.PlatformMessenger;
import org.tandem.core.conversation.Scope;
import org.tandem.core.i18n.Texts;

/**
 * The core's port to Slack: DMs ({@code chat.postMessage} to the user), group DMs ({@code conversations.open}
 * with the members), each workspace's admin channel, updates, private answers in shared places ({@link Whispers}),
 * and forms as modals when the {@link Interaction} allows. Messages are rendered here and posted by the
 * {@link Outbox}, which keeps what Slack does not take for the core's sweep.
 */
final class SlackMessenger implements PlatformMessenger {

    private static final Logger log = LoggerFactory.getLogger(SlackMessenger.class);
    static final String PLATFORM = "slack";
    /** What a send returns when the message goes out later (after an ack) or not at all. */
    static final MessageRef PENDING = new MessageRef(PLATFORM, "pending");

    /** Whether Tandem is still installed in a workspace, as Slack says now. */
    @FunctionalInterface
    interface Presences {
        Presence presence(String tenant);
    }

    private final WebApi api;
    private final SlackStores stores;
    private final PendingForms forms;
    private final Function<PersonRef, Locale> locales;
    private final Outbox outbox;
    private final Undelivered undelivered;
    private final Presences presences;
    private final ResponseUrls responses;
    private final Whispers whispers;
    private final Gson gson = GsonFactory.createSnakeCase();

    SlackMessenger(WebApi api, SlackStores stores, Function<PersonRef, Locale> locales, Presences presences,
                   ResponseUrls responses) {
        this.api = api;
        this.stores = stores;
        this.forms = stores.forms();
        this.undelivered = stores.undelivered();
        this.locales = locales;
        this.presences = presences;
        this.responses = responses;
        this.outbox = new Outbox(api, stores.admins(), undelivered);
        this.whispers = new Whispers(api, stores.admins(), responses);
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public MessageRef send(Address to, Message message) {
        return deliver(Destination.of(to), message);
    }

    MessageRef sendToPerson(PersonRef person, Message message) {
        return deliver(new Destination.Person(person), message);
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
        deliver(new Destination.Group(tenant, channel), message);
        return new GroupRef(PLATFORM, tenant, channel);
    }

    @Override
    public boolean update(MessageRef ref, Message message) {
        String[] parts = ref.id().split("/", 3);
        if (parts.length != 3) {
            return false;
        }
        try {
            List<LayoutBlock> blocks = BlockKit.perMessage(BlockKit.blocks(message)).get(0);
            api.call(parts[0], "chat.update", c -> c.chatUpdate(r -> r.channel(parts[1]).ts(parts[2])
                    .text(BlockKit.fallback(message)).blocks(blocks)));
            return true;
        } catch (WebApi.Failed e) {
            log.warn("could not update a message in {}: {}", parts[0], e.error);
            return false;
        }
    }

    @Override
    public MessageRef sendFile(Address to, FileAttachment file, Message message) {
        if (to instanceof Address.Person p) {
            return sendFileToPerson(p.person(), file, message);
        }
        if (to instanceof Address.Admin a) {
            return sendFileToAdmin(a.scope().tenant(), file, message);
        }
        throw new IllegalArgumentException("a file goes to a person or to the coordinators, not to a group");
    }

    /** The message, then the file uploaded to the person's DM ({@code files.uploadV2} needs the DM's channel id). */
    private MessageRef sendFileToPerson(PersonRef person, FileAttachment file, Message message) {
        MessageRef ref = deliver(new Destination.Person(person), message);
        String dm = api.call(person.tenant(), "conversations.open",
                c -> c.conversationsOpen(r -> r.users(List.of(person.userId())))).getChannel().getId();
        upload(person.tenant(), dm, file);
        return ref;
    }

    /** The message, then the file into the workspace's admin channel; with none yet, the message waits alone. */
    private MessageRef sendFileToAdmin(String tenant, FileAttachment file, Message message) {
        MessageRef ref = deliver(new Destination.Admin(tenant), message);
        stores.admins().of(tenant).ifPresentOrElse(channel -> upload(tenant, channel, file),
                () -> log.warn("a file for the coordinators of Slack workspace {} was not sent: no admin channel yet",
                        tenant));
        return ref;
    }

    /**
     * Private to the person where they are (see {@link Whispers}), or in their DM when Slack shows it nowhere
     * else; a form always goes to the DM, where it opens.
     */
    MessageRef whisper(PersonRef person, Place place, Message message) {
        if (place instanceof Place.Direct || BlockKit.formOf(message).isPresent()) {
            return sendToPerson(person, message);
        }
        Optional<Interaction> interaction = Interaction.current();
        if (interaction.isPresent() && interaction.get().capturing()) {
            interaction.get().defer(() -> whisperNow(person, place, message));
            return PENDING;
        }
        return whisperNow(person, place, message);
    }

    private MessageRef whisperNow(PersonRef person, Place place, Message message) {
        return whispers.inPlace(person, place, parts(BlockKit.blocks(message), message))
                .orElseGet(() -> sendToPerson(person, message));
    }

    /** How the core's answers to an event of {@code who} in {@code place} go: privately where they are, too. */
    ReplyChannel replies(PersonRef who, Place place) {
        ReplyChannel plain = ReplyChannel.of(this, who, place);
        return new ReplyChannel() {
            @Override
            public MessageRef reply(Message message) {
                return plain.reply(message);
            }

            @Override
            public MessageRef whisper(Message message) {
                return SlackMessenger.this.whisper(who, place, message);
            }

            @Override
            public MessageRef replyWithFile(FileAttachment file, Message message) {
                return plain.replyWithFile(file, message);
            }

            @Override
            public boolean update(MessageRef ref, Message message) {
                return plain.update(ref, message);
            }
        };
    }

    /** The workspace has an admin channel now: what waited for it goes out. */
    void flushAdmin(String tenant) {
        long released = undelivered.release(tenant, Outbox.address(new Destination.Admin(tenant)));
        if (released > 0) {
            log.info("{} message(s) kept for the admin channel of {} go out now", released, tenant);
            outbox.redeliver((int) Math.min(released + 10, 200));
        }
    }

    /** A failed upload is thrown: the person sees that it went wrong and may ask again (a file is not parked). */
    private void upload(String tenant, String channel, FileAttachment file) {
        api.call(tenant, "files.uploadV2", c -> c.filesUploadV2(r -> r.channel(channel).filename(file.name())
                .title(file.name()).fileData(file.bytes()).requestFileInfo(false)));
    }

    /** Slack keeps what it delivered; the copies Tandem kept go (see {@link SlackStores#forget}). */
    @Override
    public void forget(Forgotten forgotten) {
        stores.forget(forgotten);
    }

    /** Asked before a workspace that removed Tandem is erased: {@code auth.test} with its token decides. */
    @Override
    public Presence presence(Scope scope) {
        Presence p = presences.presence(scope.tenant());
        log.info("asked Slack whether workspace {} still has Tandem: {}", scope.tenant(), p);
        return p;
    }

    /** Publishes a person's App Home tab. */
    void publishHome(PersonRef person, Message home) {
        try {
            View view = BlockKit.home(home);
            api.call(person.tenant(), "views.publish", c -> c.viewsPublish(r -> r.userId(person.userId())
                    .viewAsString(gson.toJson(view))));
        } catch (WebApi.Failed e) {
            log.warn("could not publish the home of a person in {}: {}", person.tenant(), e.error);
        }
    }

    /** Opens a form kept earlier (the "open the form" button) with a fresh trigger. */
    boolean openKept(String tenant, String triggerId, String viewJson) {
        try {
            api.call(tenant, "views.open", c -> c.viewsOpen(r -> r.triggerId(triggerId).viewAsString(viewJson)));
            return true;
        } catch (WebApi.Failed e) {
            log.warn("could not open a kept form in {}: {}", tenant, e.error);
            return false;
        }
    }

    private MessageRef deliver(Destination to, Message message) {
        Optional<Interaction> interaction = Interaction.current();
        Optional<Block.Form> form = BlockKit.formOf(message);
        if (form.isPresent() && interaction.isPresent() && interaction.get().answers(to)) {
            if (interaction.get().capture(message)) {
                return PENDING;
            }
            Optional<String> trigger = interaction.get().takeTrigger();
            if (trigger.isPresent() && openModal(to, message, form.get(), trigger.get())) {
                return PENDING;
            }
        }
        if (interaction.isPresent() && interaction.get().capturing()) {
            interaction.get().defer(() -> post(to, message));
            return PENDING;
        }
        return post(to, message);
    }

    private boolean openModal(Destination to, Message message, Block.Form form, String triggerId) {
        View view = modal(to, message, form);
        try {
            api.call(to.tenant(), "views.open", c -> c.viewsOpen(r -> r.triggerId(triggerId)
                    .viewAsString(gson.toJson(view))));
            return true;
        } catch (WebApi.Failed e) {
            log.info("could not open a form as a modal ({}); sending a button to open it instead", e.error);
            return false;
        }
    }

    /** The modal a form opens as, in the language of whom it is for. */
    View modal(Destination to, Message message, Block.Form form) {
        return BlockKit.modal(message, form, texts(to).get("form.cancel"), to.place().key());
    }

    private MessageRef post(Destination to, Message message) {
        List<LayoutBlock> blocks = new ArrayList<>(BlockKit.blocks(message));
        Optional<Block.Form> form = BlockKit.formOf(message);
        if (form.isPresent()) {
            Texts t = texts(to);
            String kept = forms.keep(to.tenant(), to instanceof Destination.Person p ? p.who().userId() : null,
                    gson.toJson(modal(to, message, form.get())));
            blocks.addAll(BlockKit.openFormPrompt(t.rich("form.open.prompt", form.get().title()),
                    t.get("form.open"), kept));
        }
        List<Undelivered.Part> parts = parts(blocks, message);
        Optional<String> url = to instanceof Destination.Group g ? Interaction.current()
                .flatMap(i -> i.responseUrl(i.actor(), g.channel())) : Optional.empty();
        if (url.isPresent()) {
            // a slash command typed in a group DM Tandem is not in: the answer is for the one who typed it
            return outbox.send(to.tenant(), Outbox.address(to), parts,
                    rest -> responses.send(url.get(), rest) ? PENDING : null);
        }
        return outbox.send(to.tenant(), Outbox.address(to), parts);
    }

    private List<Undelivered.Part> parts(List<LayoutBlock> blocks, Message message) {
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

    /** The adapter's own words (a button, a modal's close label) in the language of whom they are for. */
    private Texts texts(Destination to) {
        if (to instanceof Destination.Person p) {
            return Texts.of(locales.apply(p.who()));
        }
        return Texts.of(Interaction.current().map(i -> locales.apply(i.actor())).orElse(Locale.ENGLISH));
    }
}
