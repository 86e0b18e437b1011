package org.tandem.slack;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.MessageRef;

/**
 * Slack's answer to one modal submission ({@code response_action}), decided by the core's turn while it runs in the
 * person's lane: the submitted form again with its errors beside their inputs, the next form in the same modal, or
 * nothing (the modal closes). The request's thread waits for it ({@link #await}) a little under Slack's 3 s; once
 * the answer is given, what the core shows later cannot go in it and is sent as a message instead.
 */
final class ModalAnswer {

    /** Slack wants the answer within 3 s; the margin is for the network. */
    static final Duration WAIT = Duration.ofMillis(2500);
    static final int MAX_ERROR = 2000;

    private final CompletableFuture<Response> response = new CompletableFuture<>();
    private final ViewSubmissionContext ctx;
    private final String tenant;
    private final String viewId;
    private final String formId;
    private final SlackRef.Origin origin;

    ModalAnswer(ViewSubmissionContext ctx, String tenant, String viewId, String formId, SlackRef.Origin origin) {
        this.ctx = ctx;
        this.tenant = tenant;
        this.viewId = viewId;
        this.formId = formId;
        this.origin = origin;
    }

    /** The copy of the form the submission answers: the message it was opened from, else the modal itself. */
    SlackRef submitted() {
        return origin.copy(tenant, viewId, formId);
    }

    /** Whether a reference is the submitted copy (the core shows it again, or says it was sent). */
    boolean answers(MessageRef ref) {
        return SlackRef.of(ref).filter(submitted()::equals).isPresent();
    }

    /** How the modal says where it was opened from, for the form shown again in it. */
    SlackRef.Origin origin() {
        return origin;
    }

    /**
     * The submitted form shown again ({@code view} renders it): its inputs' errors beside them when it is the same
     * form, else the modal updated. False when Slack has its answer already (the modal is closed).
     */
    boolean showAgain(Block.Form form, View view) {
        Map<String, String> errors = new LinkedHashMap<>();
        form.inputs().stream().filter(in -> in.error() != null)
                .forEach(in -> errors.put(in.id(), BlockKit.cut(in.error(), MAX_ERROR)));
        return response.complete(form.formId().equals(formId) && !errors.isEmpty() ? ctx.ackWithErrors(errors)
                : ctx.ackWithUpdate(view));
    }

    /** The next form in the same modal; empty when Slack has its answer already. */
    Optional<MessageRef> next(Block.Form form, View view, String placeKey) {
        return response.complete(ctx.ackWithUpdate(view))
                ? Optional.of(new SlackRef.Modal(tenant, viewId, form.formId(), placeKey).ref()) : Optional.empty();
    }

    /** The turn is over: whatever it did not show in the modal, the modal closes. */
    void done() {
        response.complete(ctx.ack());
    }

    /** The answer for Slack, as soon as the turn decided it, or an empty one (the modal closes) after {@link #WAIT}. */
    Response await() {
        try {
            return response.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            done();
        } catch (ExecutionException e) {
            done();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done();
        }
        return response.getNow(ctx.ack());
    }
}
