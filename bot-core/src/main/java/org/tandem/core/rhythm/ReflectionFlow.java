package org.tandem.core.rhythm;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.ChannelRef;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.ConversationState;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.FormCheck;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Questions;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairAccess;
import org.tandem.core.pairs.Pairs;

/**
 * Reflection prompts after a meeting, at the midpoint and at the close; private to their author ({@code journal}
 * shows a person their own). At the close the mentee may thank the mentor; with both consenting, the thanks are
 * shared in the admin channel: visible appreciation of the mentor.
 */
final class ReflectionFlow implements Flow {

    static final String ID = "reflection";
    static final String WRITE = ID + ".write";
    static final String SHARE = ID + ".share";
    static final String FORM = ID + ".form";

    /** The steps of a reflection: it is being written. */
    enum Step { WRITE }

    private final Rhythm rhythm;
    private final Pairs pairs;

    ReflectionFlow(Rhythm rhythm, Pairs pairs) {
        this.pairs = pairs;
        this.rhythm = rhythm;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("journal", Audience.PARTICIPANT, "help.usage.journal", "help.about.journal"));
    }

    @Override
    public void bind(Bindings on) {
        on.click(WRITE, PairAccess.members(pairs), (turn, click) -> click(turn, click, false))
                .click(SHARE, PairAccess.mentor(pairs), (turn, click) -> click(turn, click, true))
                .submit(FORM, Access.SELF, ReflectionForms.FIELDS, this::submit);
    }


    /** The day an entry is about: its meeting's, or the day it was written in the author's zone. */
    private LocalDate day(Reflections.Reflection r, PersonRef who) {
        return r.meetingOn().orElseGet(() -> LocalDate.ofInstant(r.at(), rhythm.zone(who, r.program())));
    }

    private static Optional<LocalDate> meetingDay(String ref) {
        try {
            return Optional.of(LocalDate.parse(ref));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    void afterMeeting(Pair pair, LocalDate date) {
        prompt(pair, "meeting", date.toString());
    }

    /** Invites both sides to reflect; {@code ref} tells this prompt from others of the same kind. */
    void prompt(Pair pair, String kind, String ref) {
        for (PersonRef who : List.of(pair.mentee(), pair.mentor())) {
            prompt(pair, kind, ref, who);
        }
    }

    /** Invites one side to reflect. */
    void prompt(Pair pair, String kind, String ref, PersonRef who) {
        Texts t = rhythm.texts(who);
        rhythm.send(who, Message.builder()
                .text(t.rich("reflection.invite." + kind, rhythm.name(pair.other(who))))
                .buttons(List.of(new Block.Button(WRITE, t.get("reflection.write"),
                        pair.id() + ":" + kind + ":" + ref, Block.Style.PRIMARY)))
                .context(t.rich("reflection.private.note"))
                .build().asking(key(pair, kind, ref, who), t.locale()));
    }

    /** The key of one person's invitation to reflect (a meeting, the midpoint, the close). */
    static String key(Pair pair, String kind, String ref, PersonRef who) {
        return pair.id() + "|reflection|" + kind + "|" + ref + "|" + pair.roleOf(who);
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        List<Reflections.Reflection> mine = rhythm.reflections.of(turn.who());
        if (mine.isEmpty()) {
            turn.reply("journal.empty");
            return;
        }
        Texts t = turn.t();
        // what is about a meeting is shown under the meeting's day, the rest under the day it was written
        List<Reflections.Reflection> ordered = mine.stream()
                .sorted(Comparator.comparing((Reflections.Reflection r) -> day(r, turn.who())).reversed()).toList();
        long notes = mine.stream().filter(Reflections.Reflection::note).count();
        Message.Builder m = Message.builder().text(notes == 0 ? t.rich("journal.title", mine.size())
                : t.rich("journal.title.notes", mine.size() - notes, notes));
        for (Reflections.Reflection r : ordered.subList(0, Math.min(10, ordered.size()))) {
            List<Block.Field> fields = new ArrayList<>();
            r.answers().forEach((k, v) -> fields.add(new Block.Field(t.get("journal.field." + k), v)));
            if (!r.outcomes().isEmpty()) {
                fields.add(new Block.Field(t.get("journal.field.outcomes"), String.join(", ",
                        r.outcomes().stream().map(o -> t.get("reflection.outcome." + o)).toList())));
            }
            if (!r.progress().isEmpty()) {
                fields.add(new Block.Field(t.get("journal.field.progress"), r.progress().toString()));
            }
            if (r.satisfaction() > 0) {
                fields.add(new Block.Field(t.get("journal.field.satisfaction"), r.satisfaction() + "/5"));
            }
            m.text(t.rich("journal.entry", rhythm.date(t, day(r, turn.who())), t.get("journal.kind." + r.kind())))
                    .fields(fields);
        }
        turn.reply(m.context(t.rich("journal.private")).build());
    }

    private void click(Turn turn, Input.Click click, boolean share) {
        String[] parts = click.value().split(":", 3);
        Optional<Pair> pair = parts.length == 3 ? pairs.find(parts[0]) : Optional.empty();
        if (pair.isEmpty()) {
            turn.reply("reflection.gone");
            return;
        }
        if (share) {
            share(turn, pair.get(), parts[1]);
            return;
        }
        if (!Set.of("meeting", "midpoint", "closing").contains(parts[1])) {
            turn.reply("reflection.gone");
            return;
        }
        turn.save(ConversationState.start(ID, Step.WRITE).with("pair", pair.get().id()).with("kind", parts[1])
                .with("ref", parts[2]));
        boolean mentee = pair.get().mentee().equals(turn.who());
        turn.reply(Message.of(ReflectionForms.form(turn.t(), pair.get(), parts[1], mentee,
                rhythm.name(pair.get().other(turn.who())), channelName(pair.get()), Map.of(), Map.of())));
    }

    private void submit(Turn turn, Input.Submit submit) {
        Optional<ConversationState> state = turn.state().filter(s -> s.in(ID, Step.WRITE));
        Optional<Pair> pair = state.flatMap(s -> pairs.find(s.string("pair")))
                .filter(p -> p.mentee().equals(turn.who()) || p.mentor().equals(turn.who()));
        if (pair.isEmpty()) {
            turn.reply("reflection.gone");
            return;
        }
        String kind = state.get().string("kind");
        boolean mentee = pair.get().mentee().equals(turn.who());
        FormCheck check = new FormCheck(submit, turn.t());
        ReflectionForms.Answers a = ReflectionForms.parse(check, pair.get(), kind, mentee,
                channelName(pair.get()).isPresent());
        if (!check.ok()) {
            turn.reply(Message.of(ReflectionForms.form(turn.t(), pair.get(), kind, mentee,
                    rhythm.name(pair.get().other(turn.who())), channelName(pair.get()), check.submitted(),
                    check.errors())));
            return;
        }
        turn.clearState();
        String ref = state.get().string("ref");
        // a meeting's reflection is about the day of the meeting, which its prompt names
        Optional<LocalDate> on = kind.equals("meeting") ? meetingDay(ref) : Optional.empty();
        rhythm.reflections.save(new Reflections.Reflection(pair.get().id(), pair.get().program(), turn.who(), kind,
                a.texts(), a.progress(), a.outcomes(), a.satisfaction(), turn.now(), on), kind + ":" + ref);
        turn.answered(key(pair.get(), kind, state.get().string("ref"), turn.who()),
                t -> t.rich("reflection.outcome.saved", t.date(turn.now(), ZoneOffset.UTC)));
        turn.reply("reflection.saved");
        String thanks = a.texts().get("thanks");
        if (thanks != null) {
            thank(pair.get(), thanks, a.share());
        }
    }

    /** The programme's recognition channel's name, when it names one: only then is it offered. */
    private Optional<String> channelName(Pair pair) {
        return rhythm.programs.recognition(pair.program()).map(ChannelRef::name);
    }

    /**
     * The mentee's thanks reach the mentor; if the mentee offered to share them, the mentor is asked, for the places
     * the mentee chose: all of them, only the coordinators, or nowhere.
     */
    private void thank(Pair pair, String thanks, List<String> to) {
        pairs.thanked(pair.id(), thanks, to);
        Texts t = rhythm.texts(pair.mentor());
        Message.Builder m = Message.builder().text(t.rich("reflection.thanked", rhythm.name(pair.mentee())))
                .text(Rich.literal(thanks));
        if (!to.isEmpty()) {
            m.text(t.rich("reflection.share.ask.to", places(t, pair, to, true)));
            List<Block.Button> buttons = new ArrayList<>();
            if (to.size() > 1 && to.contains(ReflectionForms.COORDINATORS)) {
                buttons.add(new Block.Button(SHARE, t.get("reflection.share.everywhere"), pair.id() + ":yes:-",
                        Block.Style.PRIMARY));
                buttons.add(new Block.Button(SHARE, t.get("reflection.share.coordinators-only"),
                        pair.id() + ":coordinators:-"));
            } else {
                buttons.add(new Block.Button(SHARE, t.get("reflection.share.ok"), pair.id() + ":yes:-",
                        Block.Style.PRIMARY));
            }
            buttons.add(new Block.Button(SHARE, t.get("reflection.share.no"), pair.id() + ":no:-"));
            m.buttons(buttons);
        }
        rhythm.send(pair.mentor(), to.isEmpty() ? m.build() : m.build().asking(pair.id() + "|thanks", t.locale()));
    }

    /** "the coordinators, #kudos, your manager", in the order of the form. */
    private Rich places(Texts t, Pair pair, List<String> to, boolean toMentor) {
        List<Rich> out = new ArrayList<>();
        for (String place : to) {
            if (place.equals(ReflectionForms.COORDINATORS)) {
                out.add(t.rich("reflection.to.coordinators"));
            } else if (place.equals(ReflectionForms.CHANNEL)) {
                rhythm.programs.recognition(pair.program())
                        .ifPresent(c -> out.add(t.rich("reflection.to.channel", c.name())));
            } else if (place.equals(ReflectionForms.MANAGER)) {
                out.add(toMentor ? t.rich("reflection.to.manager.yours")
                        : t.rich("reflection.to.manager.theirs", rhythm.name(pair.mentor())));
            }
        }
        return Rich.join(", ", out);
    }

    /**
     * The mentor's answer. Nothing goes anywhere without both consents: only the places the mentee chose, and of
     * those only what the mentor accepted; posted once, however many clicks (guard: {@link Pairs#claimThanks}).
     */
    private void share(Turn turn, Pair pair, String choice) {
        boolean no = choice.equals("no");
        turn.answered(pair.id() + "|thanks", Questions.Outcome.of(no ? "reflection.outcome.kept"
                : "reflection.outcome.shared"));
        if (no) {
            turn.reply("reflection.share.kept");
            return;
        }
        org.bson.Document d = pairs.claimThanks(pair.id());
        if (d == null) {
            turn.reply("reflection.share.again");
            return;
        }
        // a note thanked before there was a choice of places was offered to the coordinators only
        List<String> asked = d.getList("thanksTo", String.class, List.of(ReflectionForms.COORDINATORS));
        List<String> agreed = choice.equals("coordinators")
                ? asked.stream().filter(ReflectionForms.COORDINATORS::equals).toList() : asked;
        String note = d.getString("thanks");
        String programme = rhythm.program(pair).map(p -> p.name()).orElse("?");
        List<String> reached = new ArrayList<>();
        boolean noManager = false;
        if (agreed.contains(ReflectionForms.COORDINATORS)) {
            rhythm.toAdmin(pair, "reflection.share.admin", rhythm.name(pair.mentee()), rhythm.name(pair.mentor()),
                    programme, note);
            reached.add(ReflectionForms.COORDINATORS);
        }
        Optional<ChannelRef> channel = agreed.contains(ReflectionForms.CHANNEL)
                ? rhythm.programs.recognition(pair.program()) : Optional.empty();
        if (channel.isPresent()) {
            // one post for everyone there, in the mentor's language: it is about them
            Texts t = rhythm.texts(pair.mentor());
            rhythm.messenger.send(Address.channel(channel.get()), Message.builder()
                    .text(t.rich("reflection.share.post", rhythm.name(pair.mentee()), rhythm.name(pair.mentor()),
                            programme))
                    .text(Rich.literal(note)).build());
            reached.add(ReflectionForms.CHANNEL);
        }
        if (agreed.contains(ReflectionForms.MANAGER)) {
            Optional<PersonRef> manager = rhythm.messenger.manager(pair.mentor());
            if (manager.isPresent()) {
                Texts t = Texts.of(rhythm.people.find(manager.get()).map(p -> p.locale()).orElse(rhythm.adminLocale));
                rhythm.send(manager.get(), Message.builder()
                        .text(t.rich("reflection.share.to-manager", rhythm.name(pair.mentor()), programme))
                        .text(Rich.literal(note))
                        .context(t.rich("reflection.share.to-manager.why", rhythm.name(pair.mentor())))
                        .build());
                reached.add(ReflectionForms.MANAGER);
            } else {
                noManager = true;
            }
        }
        if (!reached.isEmpty()) {
            turn.reply(Message.text(turn.t().rich("reflection.share.done.to", places(turn.t(), pair, reached, true))));
        }
        if (noManager) {
            turn.reply("reflection.share.no-manager");
        }
        Texts mentee = rhythm.texts(pair.mentee());
        rhythm.send(pair.mentee(), Message.text(reached.isEmpty()
                ? mentee.rich("reflection.share.told.none", rhythm.name(pair.mentor()))
                : mentee.rich("reflection.share.told.to", rhythm.name(pair.mentor()),
                        places(mentee, pair, reached, false))));
    }
}
