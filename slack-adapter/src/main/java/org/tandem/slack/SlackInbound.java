package org.tandem.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewClosedPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.DefaultContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewClosedRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import com.slack.api.model.view.View;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.TandemCore;
import org.tandem.core.conversation.Actor;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.i18n.Texts;

/**
 * Slack's side of the conversation, registered on the Bolt {@link App}: the slash command, DMs, mentions in the
 * admin channel, button clicks, modal submissions and the App Home. Where a person acted is the {@link Places}'
 * call (the admin channel only for coordinators). Each handler translates the payload into
 * the neutral model, acknowledges at once and lets {@link Workers} hand it to the core with the interaction's
 * {@link SlackReplies}; only a modal submission waits for the core's turn before it answers, because Slack takes its
 * validation errors (or the next form) in that answer. A modal's close is the form's cancel.
 */
final class SlackInbound {

    private static final Logger log = LoggerFactory.getLogger(SlackInbound.class);
    private static final Pattern ANY = Pattern.compile(".*");
    private static final Pattern LEADING_MENTION = Pattern.compile("^\\s*<@[A-Z0-9]+>\\s*");

    private final Supplier<TandemCore> core;
    private final Directory directory;
    private final SlackMessenger messenger;
    private final PendingForms forms;
    private final Workers workers;
    private final Workspaces workspaces;
    private final Handoff handoff;
    private final Places places;
    private final AdminHere adminHere;
    private final Clock clock;

    SlackInbound(Supplier<TandemCore> core, Directory directory, SlackMessenger messenger, PendingForms forms,
                 Workers workers, Workspaces workspaces, Places places, AdminHere adminHere, Clock clock) {
        this.core = core;
        this.directory = directory;
        this.messenger = messenger;
        this.forms = forms;
        this.workers = workers;
        this.workspaces = workspaces;
        this.handoff = new Handoff(core, directory, workers, workspaces);
        this.places = places;
        this.adminHere = adminHere;
        this.clock = clock;
    }

    void register(App app) {
        app.command(Pattern.compile("/.*"), this::command);
        app.event(MessageEvent.class, this::message);
        app.event(AppMentionEvent.class, this::mention);
        app.event(AppHomeOpenedEvent.class, this::homeOpened);
        app.event(AppUninstalledEvent.class, (p, ctx) -> uninstalled(p.getEnterpriseId(), p.getTeamId(), ctx));
        app.event(TokensRevokedEvent.class, (p, ctx) -> {
            List<String> bots = p.getEvent().getTokens() == null ? null : p.getEvent().getTokens().getBot();
            return bots == null || bots.isEmpty() ? ctx.ack() : uninstalled(p.getEnterpriseId(), p.getTeamId(), ctx);
        });
        app.blockAction(ANY, this::action);
        app.viewSubmission(ANY, this::submission);
        app.viewClosed(ANY, this::closed);
    }

    /**
     * {@code /mentor join}: the rest of the line is a command; nothing after the slash means {@code help}. The
     * command's {@code response_url} answers privately where it was typed (a refusal, or a group DM Tandem is not
     * in); {@code admin here} is the adapter's own.
     */
    private Response command(SlashCommandRequest req, SlashCommandContext ctx) {
        SlashCommandPayload p = req.getPayload();
        // the manifest escapes mentions (should_escape): "pair @alice" arrives as "pair <@U123|alice>"
        String text = p.getText() == null || p.getText().isBlank() ? "help" : Payloads.unescape(p.getText());
        String tenant = Payloads.tenant(p.getTeamId(), ctx);
        Place place = places.of(tenant, p.getUserId(), p.getChannelId(), p.getChannelName());
        Instant received = clock.instant();
        if (AdminHere.asked(text)) {
            Place typed = AdminHere.place(p.getChannelId());
            return handoff.toAdapter(ctx.ack(), "admin here", tenant, p.getUserId(),
                    who -> replies(Interaction.command(who, typed, p.getTriggerId(), received, clock,
                            p.getChannelId(), p.getResponseUrl())),
                    (who, replies) -> adminHere.run(who, p.getChannelId(), replies));
        }
        // typed in some channel, answered in the DM: say so there, to that person only (an ephemeral answer)
        boolean elsewhere = place instanceof Place.Direct && p.getChannelId() != null
                && !Destination.isDm(p.getChannelId());
        Response ack = elsewhere ? ctx.ack(Texts.of(core.get().locale(new PersonRef(SlackMessenger.PLATFORM, tenant,
                p.getUserId()))).get("slack.answered-in-dm")) : ctx.ack();
        return later(ack, "a command in " + tenant, tenant, p.getUserId(), place,
                "cmd:" + p.getTriggerId(), Input.Command.parse(text),
                who -> replies(Interaction.command(who, place, p.getTriggerId(), received, clock, p.getChannelId(),
                        p.getResponseUrl())));
    }

    /** A DM to the bot: free text or a command without the slash. The bot's own messages are not for it. */
    private Response message(EventsApiPayload<MessageEvent> p, EventContext ctx) {
        MessageEvent e = p.getEvent();
        if (!"im".equals(e.getChannelType()) || e.getBotId() != null || e.getUser() == null || e.getText() == null
                || e.getText().isBlank()) {
            return ctx.ack();
        }
        String tenant = Payloads.tenant(p.getTeamId(), ctx);
        Function<PersonRef, SlackReplies> replies = who -> replies(Interaction.plain(who, Place.DIRECT, clock));
        if (AdminHere.asked(e.getText())) {
            return handoff.toAdapter(ctx.ack(), "admin here", tenant, e.getUser(), replies,
                    (who, r) -> adminHere.run(who, e.getChannel(), r));
        }
        return later(ctx.ack(), "a DM", tenant, e.getUser(), Place.DIRECT,
                "msg:" + e.getChannel() + ":" + e.getTs(), new Input.FreeText(Payloads.unescape(e.getText())),
                replies);
    }

    /** {@code @Tandem program create} in the admin channel; elsewhere a mention is answered in a DM. */
    private Response mention(EventsApiPayload<AppMentionEvent> p, EventContext ctx) {
        AppMentionEvent e = p.getEvent();
        String text = e.getText() == null ? "" : LEADING_MENTION.matcher(e.getText()).replaceFirst("");
        if (e.getUser() == null || e.getBotId() != null) {
            return ctx.ack();
        }
        String tenant = Payloads.tenant(p.getTeamId(), ctx);
        Place place = places.of(tenant, e.getUser(), e.getChannel(), null);
        if (AdminHere.asked(text)) {
            Place typed = AdminHere.place(e.getChannel());
            return handoff.toAdapter(ctx.ack(), "admin here", tenant, e.getUser(),
                    who -> replies(Interaction.plain(who, typed, clock)),
                    (who, r) -> adminHere.run(who, e.getChannel(), r));
        }
        return later(ctx.ack(), "a mention", tenant, e.getUser(), place,
                "msg:" + e.getChannel() + ":" + e.getTs(),
                new Input.FreeText(text.isBlank() ? "help" : Payloads.unescape(text)),
                who -> replies(Interaction.plain(who, place, clock)));
    }

    /**
     * The App Home opened, its Home or its Messages tab: the person arrived, which the core answers with a welcome in
     * their DM the first time (it says nothing new afterwards); the Home tab is published again after it.
     */
    private Response homeOpened(EventsApiPayload<AppHomeOpenedEvent> p, EventContext ctx) {
        AppHomeOpenedEvent e = p.getEvent();
        boolean home = "home".equals(e.getTab());
        if (e.getUser() == null || !home && !"messages".equals(e.getTab())) {
            return ctx.ack();
        }
        String tenant = Payloads.tenant(p.getTeamId(), ctx);
        String user = e.getUser();
        String eventId = "home:" + (p.getEventId() != null ? p.getEventId() : e.getTab() + ":" + e.getEventTs());
        return handoff.toCore(ctx.ack(), "an App Home in " + tenant, tenant, user, Place.DIRECT, eventId,
                new Input.Arrived(), who -> replies(Interaction.plain(who, Place.DIRECT, clock)),
                home ? () -> publishHome(tenant, user) : () -> { });
    }

    private Response uninstalled(String enterpriseId, String teamId, EventContext ctx) {
        String tenant = Payloads.tenant(teamId, ctx);
        log.info("Tandem was uninstalled from {} (or its token revoked): no more sending there", tenant);
        workspaces.uninstalled(enterpriseId, tenant);
        directory.forget(tenant);
        return ctx.ack();
    }

    /**
     * A button or a choice: the core's action id (made unique per message by the renderer), its value, and what it
     * was clicked on (a message, a modal, the App Home), so that the core can update that.
     */
    private Response action(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        if (p.getActions() == null || p.getActions().isEmpty() || p.getUser() == null) {
            return ctx.ack();
        }
        BlockActionPayload.Action a = p.getActions().get(0);
        String tenant = Payloads.tenant(p.getTeam() == null ? null : p.getTeam().getId(), ctx);
        String user = p.getUser().getId();
        String actionId = BlockKit.coreActionId(a.getActionId());
        Instant received = clock.instant();
        View view = p.getView();
        boolean fromHome = view != null && "home".equals(view.getType());
        Place place;
        if (view != null) {
            place = fromHome ? Place.DIRECT : places.ofModal(tenant, user,
                    SlackRef.Origin.read(view.getPrivateMetadata()).placeKey());
        } else {
            String channel = p.getChannel() == null ? null : p.getChannel().getId();
            place = places.of(tenant, user, channel, p.getChannel() == null ? null : p.getChannel().getName());
        }
        Optional<MessageRef> clicked = clickedOn(tenant, user, p);
        Optional<SlackRef.Ephemeral> ephemeral = clicked.flatMap(SlackRef::of)
                .filter(SlackRef.Ephemeral.class::isInstance).map(SlackRef.Ephemeral.class::cast);
        Function<PersonRef, SlackReplies> replies = who -> replies(ephemeral.isPresent()
                ? Interaction.onEphemeral(who, place, p.getTriggerId(), received, clock, ephemeral.get(),
                p.getResponseUrl())
                : Interaction.triggered(who, place, p.getTriggerId(), received, clock));
        if (actionId.equals(BlockKit.OPEN_FORM)) {
            return handoff.toAdapter(ctx.ack(), "opening a kept form", tenant, user, replies,
                    (who, r) -> openKept(who, place, a.getValue(), p.getTriggerId(), clicked, r));
        }
        if (!core.get().knowsAction(actionId)) {
            log.debug("ignored an action that is not Tandem's: {}", actionId);
            return ctx.ack();
        }
        Input.Click click = new Input.Click(actionId, Payloads.value(a), clicked);
        String eventId = "act:" + (p.getTriggerId() != null ? p.getTriggerId() : a.getActionTs());
        return handoff.toCore(ctx.ack(), "a click in " + tenant, tenant, user, place, eventId, click, replies,
                fromHome ? () -> publishHome(tenant, user) : () -> { });
    }

    /**
     * What a click was on, as the core knows it: a message (by its channel and {@code ts}; one Slack took only on
     * a later try by the reference it was kept under), a message shown to the person only (changed through the
     * click's {@code response_url}), a modal, or the person's App Home.
     */
    private Optional<MessageRef> clickedOn(String tenant, String user, BlockActionPayload p) {
        View view = p.getView();
        if (view != null) {
            return Optional.of("home".equals(view.getType()) ? new SlackRef.Home(tenant, user).ref()
                    : SlackRef.Origin.read(view.getPrivateMetadata()).copy(tenant, view.getId(), view.getCallbackId())
                    .ref());
        }
        BlockActionPayload.Container c = p.getContainer();
        if (c == null || c.getMessageTs() == null || c.getChannelId() == null) {
            return Optional.empty();
        }
        if (c.isEphemeral()) {
            return Optional.of(new SlackRef.Ephemeral(tenant, c.getChannelId(), c.getMessageTs()).ref());
        }
        return Optional.of(messenger.clicked(tenant, c.getChannelId(), c.getMessageTs()));
    }

    /**
     * A modal submitted: handled in the person's lane like every event, while this request waits (a little under
     * Slack's 3 s) for the answer the turn decides: the form's errors next to their inputs, the next form in the
     * same modal, or nothing (the modal closes). The core's messages go out as the turn sends them.
     */
    private Response submission(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        ViewSubmissionPayload p = req.getPayload();
        View view = p.getView();
        String formId = view.getCallbackId();
        if (formId == null || !core.get().knowsForm(formId) || p.getUser() == null) {
            return ctx.ack();
        }
        String tenant = Payloads.tenant(p.getTeam() == null ? null : p.getTeam().getId(), ctx);
        String user = p.getUser().getId();
        SlackRef.Origin origin = SlackRef.Origin.read(view.getPrivateMetadata());
        Place place = places.ofModal(tenant, user, origin.placeKey());
        ModalAnswer answer = new ModalAnswer(ctx, tenant, view.getId(), formId, origin);
        String eventId = "view:" + (p.getTriggerId() != null ? p.getTriggerId() : view.getId() + ":" + view.getHash());
        Input.Submit submit = new Input.Submit(formId, Payloads.values(view.getState()),
                Optional.of(answer.submitted().ref()));
        Response queued = handoff.toCore(ctx.ack(), "a form in " + tenant, tenant, user, place, eventId, submit,
                who -> replies(Interaction.plain(who, place, clock)).answering(answer), answer::done);
        return queued.getStatusCode() == 200 ? answer.await() : queued;
    }

    /**
     * A modal closed by its close button ({@code notify_on_close}): the form's cancel, as a click of
     * {@link Block.Form#CANCEL} with the form's id on the copy it came from; the core ends the dialogue.
     */
    private Response closed(ViewClosedRequest req, DefaultContext ctx) {
        ViewClosedPayload p = req.getPayload();
        View view = p.getView();
        String formId = view == null ? null : view.getCallbackId();
        if (formId == null || !core.get().knowsForm(formId) || p.getUser() == null) {
            return ctx.ack();
        }
        String tenant = Payloads.tenant(p.getTeam() == null ? null : p.getTeam().getId(), ctx);
        String user = p.getUser().getId();
        SlackRef.Origin origin = SlackRef.Origin.read(view.getPrivateMetadata());
        Place place = places.ofModal(tenant, user, origin.placeKey());
        SlackRef copy = origin.copy(tenant, view.getId(), formId);
        Input.Click cancel = new Input.Click(Block.Form.CANCEL, formId, Optional.of(copy.ref()));
        return later(ctx.ack(), "closing a form in " + tenant, tenant, user, place,
                "closed:" + view.getId() + ":" + view.getHash(), cancel,
                who -> replies(Interaction.plain(who, place, clock)).closing(copy));
    }

    private Response later(Response ack, String what, String tenant, String user, Place place, String eventId,
                           Input input, Function<PersonRef, SlackReplies> replies) {
        return handoff.toCore(ack, what, tenant, user, place, eventId, input, replies, () -> { });
    }

    private SlackReplies replies(Interaction interaction) {
        return messenger.replies(interaction);
    }

    /**
     * The "open the form" button of a kept form: a form kept for the admin channel opens only for a coordinator
     * there (the button is in a channel others may read), so nobody else fills in a coordinator's form. The modal
     * remembers the message it was opened from: answered or cancelled, that message shows it.
     */
    private void openKept(PersonRef who, Place place, String id, String triggerId, Optional<MessageRef> from,
                          SlackReplies replies) {
        Optional<String> view = forms.find(id, who.tenant(), who.userId());
        if (view.isEmpty()) {
            return;
        }
        if (PendingForms.forAdmin(view.get()) && !(place instanceof Place.Admin)) {
            log.info("someone who is not a coordinator clicked a coordinators' form in {}: not opened",
                    who.tenant());
            replies.whisper(SlackTexts.of(core.get().locale(who)).message("form.coordinators-only"));
            return;
        }
        messenger.openKept(who.tenant(), triggerId, view.get(), from.orElse(SlackMessenger.PENDING));
    }

    private void publishHome(String tenant, String user) {
        Actor actor = directory.actor(tenant, user);
        messenger.publishHome(actor.person(), core.get().home(actor));
    }
}
