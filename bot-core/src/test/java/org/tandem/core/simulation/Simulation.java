package org.tandem.core.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Place;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.program.Cadence;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.RecordingMessenger;
import org.tandem.core.testing.TestMongo;

/**
 * A whole programme, deterministic for a seed, through the core's inbound API on a moving clock: a coordinator opens
 * it and runs a matching round every week; mentees and mentors enrol, choose, accept, meet and agree on every
 * cadence, then answer, ignore, answer late, pause, leave, click twice and click old buttons, say it did not click
 * and are matched again, or erase themselves. After every step the {@link Invariants} are checked; the first one
 * broken stops the run with what happened.
 */
public final class Simulation {

    /**
     * How large a run is.
     *
     * @param pairs    mentees (and half as many mentors, who take two each)
     * @param step     how far the clock moves between two looks (the scheduler sweeps at each)
     * @param duration how long the programme runs, in months
     */
    public record Settings(long seed, int pairs, Duration step, int duration) {
        public static Settings small(long seed) {
            return new Settings(seed, 40, Duration.ofHours(3), 6);
        }
    }

    /** What a run did, for a test to assert and a person to read. */
    public record Report(Settings settings, int steps, int messages, int nudges, int questions, int meetings,
                         Map<String, Integer> scheduled, Map<PairStatus, Integer> pairs,
                         Map<Behaviour, Integer> people, int clicks, int staleClicks, int maxNudgesInAWeek,
                         long millis) {
        @Override
        public String toString() {
            return "seed " + settings.seed() + ", " + settings.pairs() + " mentees, " + steps + " steps of "
                    + settings.step() + ": " + messages + " messages, " + nudges + " nudges (" + questions
                    + " check-in questions and reminders; " + meetings + " meetings logged; meetings scheduled in chat "
                    + scheduled + "; at most "
                    + maxNudgesInAWeek + " to one person in a week), " + clicks + " clicks (" + staleClicks
                    + " on old buttons), pairs " + pairs + ", people " + people + ", in " + millis + " ms";
        }
    }

    static final String PROGRAMME = "Simulation";
    static final List<String> TOPICS = List.of("leadership", "public speaking", "career growth", "negotiation",
            "data science");
    static final List<String> ZONES = List.of("Europe/Paris", "Europe/London", "Europe/Berlin", "Europe/Madrid");
    static final Instant START = Instant.parse("2026-03-02T07:00:00Z");

    private final Settings settings;
    private final Random random;
    private final Chat chat;
    private final Pairs pairs;
    private final Chat.Person carol;
    private final Map<String, Participant> byKey = new LinkedHashMap<>();
    private final Map<String, Participant> byGroup = new HashMap<>();
    private final Invariants invariants;
    private int seen;
    private int clicks;
    private int staleClicks;
    private int cadence;

    public Simulation(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.chat = new Chat(TestMongo.freshDatabase(), new MutableClock(START));
        this.pairs = new Pairs(chat.db());
        this.carol = chat.coordinator("carol");
        this.invariants = new Invariants(chat, pairs, byKey::get);
    }

    /** Runs the programme to its end (and the closes after it); throws at the first broken invariant. */
    public Report run() {
        long started = System.currentTimeMillis();
        invariants.start();
        try {
            open();
            enrol();
            // matching rounds stop two months before the end; the pairs formed last still get their whole time
            Instant rounds = START.atZone(ZoneId.of("UTC")).plusMonths(settings.duration() - 2).toInstant();
            Instant limit = START.atZone(ZoneId.of("UTC")).plusMonths(2L * settings.duration() + 4).toInstant();
            int steps = 0;
            while (chat.clock().instant().isBefore(rounds) || anyActive()) {
                if (!chat.clock().instant().isBefore(limit)) {
                    throw new AssertionError("pairs still active at " + limit + ": " + active());
                }
                step(chat.clock().instant().isBefore(rounds));
                steps++;
            }
            // and a month more: nothing may reach anyone once every pair is closed
            Instant quiet = chat.clock().instant().plus(Duration.ofDays(30));
            while (chat.clock().instant().isBefore(quiet)) {
                step(false);
                steps++;
            }
            invariants.atTheEnd();
            return report(steps, System.currentTimeMillis() - started);
        } finally {
            invariants.stop();
        }
    }

    private void open() {
        Map<String, Object> p = Forms.program(PROGRAMME);
        p.put("topics", String.join(", ", TOPICS));
        p.put("duration", Integer.toString(settings.duration()));
        carol.submits("program.create", p);
        carol.says("program open " + PROGRAMME);
    }

    private void enrol() {
        int mentors = (settings.pairs() + 1) / 2 + 2;
        for (int i = 0; i < settings.pairs() + mentors; i++) {
            boolean mentee = i < settings.pairs();
            String user = (mentee ? "mentee" : "mentor") + i;
            Participant p = new Participant(chat.person(user), mentee, Behaviour.pick(random),
                    ZoneId.of(ZONES.get(random.nextInt(ZONES.size()))));
            byKey.put(p.person.ref().key(), p);
            p.person.says("join");
            p.person.clicks("intake.role", mentee ? "mentee" : "mentor");
            List<String> topics = new ArrayList<>(TOPICS);
            java.util.Collections.shuffle(topics, random);
            Map<String, Object> answers = mentee
                    ? Forms.with(Forms.with(Forms.with(Forms.mentee(), "topic1", topics.get(0)), "topic2",
                            topics.get(1)), "timeZone", p.zone.getId())
                    : Forms.with(Forms.with(Forms.mentor(), "topics", topics.subList(0, 3)), "timeZone",
                            p.zone.getId());
            p.person.submits(mentee ? "intake.mentee" : "intake.mentor", answers);
            p.person.clicks("intake.consent", "yes");
        }
        matchRound();
    }

    /** One step: time passes, the scheduler sweeps, everyone reads what they got and acts as they would. */
    private boolean anyActive() {
        return chat.db().getCollection("pairs").countDocuments(new org.bson.Document("status",
                PairStatus.ACTIVE.value())) > 0;
    }

    private List<String> active() {
        List<String> out = new ArrayList<>();
        chat.db().getCollection("pairs").find(new org.bson.Document("status", PairStatus.ACTIVE.value()))
                .forEach(d -> out.add(d.toJson()));
        return out;
    }

    private void step(boolean rounds) {
        Instant now = chat.clock().instant().plus(settings.step());
        chat.clock().set(now);
        invariants.beforeSweep();
        int before = chat.outbox().size();
        chat.core().sweep();
        invariants.afterSweep(before);
        if (rounds && now.atZone(ZoneId.of("UTC")).getDayOfWeek() == java.time.DayOfWeek.MONDAY
                && now.atZone(ZoneId.of("UTC")).getHour() == 10) {
            matchRound();
        }
        deliver();
        List<Participant> everyone = new ArrayList<>(byKey.values());
        java.util.Collections.shuffle(everyone, random);
        for (Participant p : everyone) {
            act(p);
        }
        coordinator();
        invariants.afterStep();
    }

    /** Hands each new message to whoever reads it: a person's DMs to them, a pair's group to its mentee. */
    private void deliver() {
        List<RecordingMessenger.Sent> all = chat.outbox().all();
        for (int i = seen; i < all.size(); i++) {
            RecordingMessenger.Sent s = all.get(i);
            Participant p = byKey.get(s.to().startsWith("whisper:") ? s.to().substring(8) : s.to());
            if (s.to().startsWith("group:")) {
                p = byGroup.computeIfAbsent(s.to().substring(6), this::groupReader);
            }
            if (p != null) {
                p.inbox.add(s);
            } else if (s.to().startsWith("admin:")) {
                adminInbox.add(s);
            }
        }
        seen = all.size();
    }

    private final List<RecordingMessenger.Sent> adminInbox = new ArrayList<>();

    private Participant groupReader(String group) {
        return pairs.find(groupPair(group)).map(pr -> byKey.get(pr.mentee().key())).orElse(null);
    }

    private String groupPair(String group) {
        org.bson.Document d = chat.db().getCollection("pairs").find(new org.bson.Document("group", group)).first();
        return d == null ? "" : d.getString("_id");
    }

    private void act(Participant p) {
        if (p.gone) {
            return;
        }
        Instant now = chat.clock().instant();
        if (p.behaviour == Behaviour.LEAVES && p.active && random.nextInt(600) == 0) {
            Chat.Replies confirm = p.person.says("leave");
            invariants.left(p, now);
            buttons(confirm.messages()).stream().filter(b -> b.value().endsWith(":yes")).findFirst()
                    .ifPresent(b -> p.person.clicks(b.actionId(), b.value()));
            p.gone = true;
            return;
        }
        if (p.behaviour == Behaviour.ERASES && p.active && random.nextInt(600) == 0) {
            p.person.says("forget-me");
            invariants.erasing(p);
            p.person.clicks("forget.confirm", "yes");
            invariants.erased(p, now);
            p.gone = true;
            return;
        }
        if (p.behaviour == Behaviour.PAUSES && p.active && !p.paused && random.nextInt(300) == 0) {
            p.person.says("pause 2 weeks");
            p.paused = true;
        }
        Duration delay = p.behaviour == Behaviour.LATE ? Duration.ofDays(2 + random.nextInt(4)) : Duration.ZERO;
        List<RecordingMessenger.Sent> ready = new ArrayList<>();
        for (RecordingMessenger.Sent s : p.inbox) {
            if (!s.at().plus(delay).isAfter(now)) {
                ready.add(s);
            }
        }
        p.inbox.removeAll(ready);
        for (RecordingMessenger.Sent s : ready) {
            answer(p, s);
            if (p.gone) {
                return;
            }
        }
        if (p.behaviour == Behaviour.DOUBLE_CLICKS && !p.pressed.isEmpty() && random.nextInt(40) == 0) {
            // an old button, found again further up the conversation
            Input.Click old = p.pressed.get(random.nextInt(p.pressed.size()));
            click(p, old, s -> false);
            staleClicks++;
        }
    }

    /** What a person does with one message, by the buttons it has. */
    private void answer(Participant p, RecordingMessenger.Sent s) {
        List<Block.Button> buttons = buttons(s.message());
        if (buttons.isEmpty()) {
            return;
        }
        String action = buttons.get(0).actionId();
        boolean group = s.to().startsWith("group:");
        boolean rhythm = action.startsWith("checkin.") || action.startsWith("reflection.")
                || action.startsWith("milestone.");
        if (rhythm && p.behaviour == Behaviour.IGNORES) {
            return;
        }
        switch (action) {
            case "shortlist.choose" -> clickFirst(p, buttons, "shortlist.choose", group);
            case "request.accept" -> {
                if (p.behaviour != Behaviour.IGNORES || random.nextBoolean()) {
                    clickFirst(p, buttons, "request.accept", group);
                }
            }
            case "intro.scheduled", "intro.met" -> clickFirst(p, buttons, "intro.met", group);
            case "command.offer" -> offered(p, buttons, group);
            case "schedule.propose" -> clickFirst(p, buttons, random.nextInt(8) == 0 ? "schedule.pick"
                    : "schedule.propose", group);
            case "schedule.pick" -> pickTime(p, clickFirst(p, buttons, "schedule.pick", group));
            case "meeting.answer" -> {
                List<Block.Button> times = buttons.stream().filter(b -> b.actionId().equals("meeting.answer")
                        && !b.value().endsWith(":none")).toList();
                boolean none = times.isEmpty() || random.nextInt(6) == 0;
                click(p, none ? new Input.Click("meeting.answer", buttons.get(0).value()
                        .replaceAll(":\\d+$", ":none")) : new Input.Click("meeting.answer",
                        times.get(random.nextInt(times.size())).value()), x -> false);
            }
            case "meeting.held" -> clickFirst(p, buttons, random.nextInt(7) == 0 ? "no" : "yes", group);
            case "click.answer" -> clickFirst(p, buttons, random.nextInt(10) == 0 ? "no" : "yes", group);
            case "agreement.draft" -> draft(p, buttons.get(0));
            case "agreement.confirm" -> clickFirst(p, buttons, "agreement.confirm", group);
            case "checkin.answer" -> checkIn(p, buttons);
            case "reflection.write" -> {
                if (random.nextInt(3) == 0) {
                    Chat.Replies r = click(p, new Input.Click(buttons.get(0).actionId(), buttons.get(0).value()),
                            x -> false);
                    fill(p, r);
                }
            }
            case "milestone.decide" -> {
                boolean extend = random.nextInt(5) == 0 && !p.extended;
                p.extended |= extend;
                clickFirst(p, buttons, extend ? "extend" : "close", group);
            }
            case "workshop.rsvp" -> clickFirst(p, buttons, random.nextBoolean() ? "yes" : "no", group);
            default -> {
            }
        }
    }

    /**
     * A question with "Find a time" beside its answers (the introduction's, a meeting's message): about half find a
     * time in chat, the others answer as before (a meeting's message: most leave it as it is).
     */
    private void offered(Participant p, List<Block.Button> buttons, boolean group) {
        boolean meeting = buttons.stream().anyMatch(b -> b.actionId().equals("meeting.cancel"));
        int r = random.nextInt(20);
        if (meeting) {
            if (r == 0) {
                clickFirst(p, buttons, "meeting.cancel", group);
            } else if (r == 1) {
                clickFirst(p, buttons, "command.offer", group);
            }
            return;
        }
        if (buttons.size() == 1 || r < 10) {
            clickFirst(p, buttons, "command.offer", group);
        } else {
            clickFirst(p, buttons, buttons.get(buttons.size() - 1).actionId(), group);
        }
    }

    /** Picks a date and time by hand: a weekday morning a few days ahead, in their zone. */
    private void pickTime(Participant p, Chat.Replies replies) {
        if (replies == null || replies.blocks(Block.Form.class).isEmpty()) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(chat.clock().instant(), p.zone).plusDays(2 + random.nextInt(5));
        p.person.submits("schedule.form", Map.of("date", day.toString(), "time", "10:30", "minutes", "45"));
    }

    private void checkIn(Participant p, List<Block.Button> buttons) {
        int r = random.nextInt(10);
        String choice = r < 6 ? "met" : r < 8 ? "command.offer" : r < 9 ? "not-yet" : "help";
        Chat.Replies replies = clickFirst(p, buttons, choice, false);
        if (replies == null) {
            return;
        }
        List<Block.Form> forms = replies.blocks(Block.Form.class);
        if (!forms.isEmpty()) {
            LocalDate today = LocalDate.ofInstant(chat.clock().instant(), p.zone);
            LocalDate date = choice.equals("met") ? today.minusDays(random.nextInt(3)) : today.plusDays(2);
            p.person.submits(forms.get(0).formId(), Map.of("date", date.toString()));
        }
    }

    private void draft(Participant p, Block.Button draft) {
        Chat.Replies r = click(p, new Input.Click(draft.actionId(), draft.value()), x -> false);
        if (r == null || r.blocks(Block.Form.class).isEmpty()) {
            return;
        }
        Map<String, Object> v = org.tandem.core.testing.Life.values(r.form());
        v.put("measure1", "I did it");
        v.put("contact", "A chat message");
        v.put("cadence", Cadence.values()[cadence++ % Cadence.values().length].value());
        p.person.submits("agreement.form", v);
        p.active = true;
        pairs.of(p.person.ref(), PairStatus.OPEN).forEach(pair -> byKey.get(pair.mentor().key()).active = true);
    }

    /** Fills a form as a person who answers briefly: every required text, the first option of every choice. */
    private void fill(Participant p, Chat.Replies replies) {
        if (replies == null || replies.blocks(Block.Form.class).isEmpty()) {
            return;
        }
        Block.Form form = replies.form();
        Map<String, Object> v = new LinkedHashMap<>();
        for (Block.FormInput in : form.inputs()) {
            switch (in.kind()) {
                case TEXT, TEXTAREA -> v.put(in.id(), in.required() ? "Simulated words" : "");
                case NUMBER -> v.put(in.id(), "3");
                case SELECT -> v.put(in.id(), in.options().isEmpty() ? "" : in.options().get(
                        random.nextInt(in.options().size())).value());
                case MULTISELECT -> v.put(in.id(), List.of());
                case DATE -> v.put(in.id(), LocalDate.ofInstant(chat.clock().instant(), p.zone).plusDays(3).toString());
                case TIME -> v.put(in.id(), "10:30");
            }
        }
        p.person.submits(form.formId(), v);
    }

    private Chat.Replies clickFirst(Participant p, List<Block.Button> buttons, String wanted, boolean group) {
        Optional<Block.Button> b = buttons.stream().filter(x -> x.actionId().equals(wanted) || x.value().endsWith(
                ":" + wanted) || x.value().equals(wanted) || x.value().contains(":" + wanted + ":")).findFirst();
        if (b.isEmpty()) {
            b = buttons.stream().findFirst();
        }
        Input.Click click = new Input.Click(b.get().actionId(), b.get().value());
        return click(p, click, x -> group);
    }

    /** Clicks as the person (in the pair's group when the button was there); double-clickers click twice. */
    private Chat.Replies click(Participant p, Input.Click click, java.util.function.Predicate<String> inGroup) {
        Chat.Person where = p.person;
        if (inGroup.test(click.actionId())) {
            String group = pairs.of(p.person.ref(), PairStatus.OPEN).stream().map(Pair::group)
                    .flatMap(Optional::stream).findFirst().orElse(null);
            if (group != null) {
                where = p.person.in(Place.group(group));
            }
        }
        clicks++;
        Chat.Replies r = where.send(click);
        p.pressed.add(click);
        if (p.behaviour == Behaviour.DOUBLE_CLICKS) {
            where.send(click);
            clicks++;
        }
        if (click.actionId().equals("click.answer") && click.value().endsWith(":no")) {
            p.active = false;
        }
        return r;
    }

    /** The coordinators answer some alarms, and confirm what they previewed. */
    private void coordinator() {
        for (RecordingMessenger.Sent s : adminInbox) {
            for (Block.Button b : buttons(s.message())) {
                if (b.actionId().equals("checkin.nudge") && random.nextBoolean()) {
                    carol.clicks(b.actionId(), b.value());
                    break;
                }
            }
        }
        adminInbox.clear();
    }

    private void matchRound() {
        Chat.Replies preview = carol.says("match " + PROGRAMME);
        for (Block.Button b : buttons(preview.messages())) {
            if (b.actionId().equals("match.confirm")) {
                carol.clicks(b.actionId(), b.value());
            }
        }
    }

    private static List<Block.Button> buttons(Message m) {
        return buttons(List.of(m));
    }

    private static List<Block.Button> buttons(List<Message> messages) {
        List<Block.Button> out = new ArrayList<>();
        for (Message m : messages) {
            for (Block b : m.blocks()) {
                if (b instanceof Block.Buttons bs) {
                    out.addAll(bs.buttons());
                }
            }
        }
        return out;
    }

    private Report report(int steps, long millis) {
        Map<PairStatus, Integer> byStatus = new java.util.EnumMap<>(PairStatus.class);
        for (org.bson.Document d : chat.db().getCollection("pairs").find()) {
            PairStatus s = PairStatus.valueOf(d.getString("status").toUpperCase(java.util.Locale.ROOT));
            byStatus.merge(s, 1, Integer::sum);
        }
        Map<Behaviour, Integer> behaviours = new java.util.EnumMap<>(Behaviour.class);
        byKey.values().forEach(p -> behaviours.merge(p.behaviour, 1, Integer::sum));
        int meetings = 0;
        for (org.bson.Document d : chat.db().getCollection("pairs").find()) {
            meetings += d.getInteger("meetings", 0);
        }
        Map<String, Integer> scheduled = new java.util.TreeMap<>();
        for (org.bson.Document d : chat.db().getCollection("meeting_plans").find()) {
            scheduled.merge(d.getString("status").toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
        }
        return new Report(settings, steps, chat.outbox().size(), invariants.nudges(), invariants.questions(),
                meetings, scheduled, byStatus, behaviours, clicks,
                staleClicks, invariants.maxNudgesInAWeek(), millis);
    }
}
