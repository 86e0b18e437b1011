package org.tandem.core.simulation;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.Block;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.settings.Settings;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.RecordingMessenger;
import org.tandem.core.testing.Render;

/**
 * What must hold after every step of a {@link Simulation}: at most one open check-in per person and pair; nudges in
 * working hours, one a day, within the weekly cap; nothing of the rhythm after a pair's end or a person's leave,
 * nothing at all after an erasure; every due item performed when due (none left leased, none failed); no error in
 * the log. A broken one throws, saying what and where.
 */
final class Invariants {

    private static final LocalTime OPENS = LocalTime.of(9, 30);
    private static final LocalTime CLOSES = LocalTime.of(17, 0);

    private final Chat chat;
    private final Pairs pairs;
    private final Function<String, Participant> who;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Map<String, List<Instant>> claims = new HashMap<>();
    private final Map<String, Integer> questions = new HashMap<>();
    private final Set<String> activeBefore = new HashSet<>();
    private final Map<String, Instant> left = new HashMap<>();
    private final Map<String, Integer> erasedFrom = new HashMap<>();
    private int erasing;
    private int checkedUpTo;
    private int nudges;
    private int maxInAWeek;
    private int steps;

    Invariants(Chat chat, Pairs pairs, Function<String, Participant> who) {
        this.chat = chat;
        this.pairs = pairs;
        this.who = who;
    }

    void start() {
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        log.stop();
    }

    int nudges() {
        return nudges;
    }

    /** How many check-in questions (and reminders) went out. */
    int questions() {
        return questions.values().stream().mapToInt(Integer::intValue).sum();
    }

    int maxNudgesInAWeek() {
        return maxInAWeek;
    }

    void left(Participant p, Instant at) {
        left.put(p.person.ref().key(), at);
    }

    /** The erasure's own turn comes next: its answer (the farewell) may reach them. */
    void erasing(Participant p) {
        erasing = chat.outbox().size();
    }

    /** From here on, nothing reaches them. */
    void erased(Participant p, Instant at) {
        erasedFrom.put(p.person.ref().key(), chat.outbox().size());
    }

    void beforeSweep() {
        activeBefore.clear();
        for (Document d : chat.db().getCollection("pairs").find(new Document("status", PairStatus.ACTIVE.value()))) {
            activeBefore.add(d.getString("_id"));
        }
    }

    /** What the sweep sent on its own: the nudges, checked one by one; and, now and then, the schedule. */
    void afterSweep(int from) {
        if (steps % 8 == 0) {
            schedule();
        }
        List<RecordingMessenger.Sent> all = chat.outbox().all();
        for (int i = from; i < all.size(); i++) {
            RecordingMessenger.Sent s = all.get(i);
            Participant p = who.apply(s.to());
            Optional<Block.Button> nudge = nudge(s);
            if (p == null || nudge.isEmpty()) {
                continue;
            }
            String pairId = nudge.get().value().split(":")[0];
            require(activeBefore.contains(pairId), "a nudge about pair " + pairId + " that is not active", s);
            require(!left.containsKey(s.to()), "a nudge to " + p + " after they left", s);
            ZonedDateTime local = s.at().atZone(p.zone);
            require(local.getDayOfWeek() != DayOfWeek.SATURDAY && local.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !local.toLocalTime().isBefore(OPENS) && local.toLocalTime().isBefore(CLOSES),
                    "a nudge outside " + p + "'s working hours (" + local + ")", s);
            List<Instant> mine = claims.computeIfAbsent(s.to(), k -> new ArrayList<>());
            if (mine.isEmpty() || !mine.get(mine.size() - 1).equals(s.at())) {
                require(mine.isEmpty() || !mine.get(mine.size() - 1).atZone(p.zone).toLocalDate()
                        .equals(local.toLocalDate()), "a second nudge to " + p + " on " + local.toLocalDate(), s);
                mine.add(s.at());
                nudges++;
                long week = mine.stream().filter(t -> t.isAfter(s.at().minus(Duration.ofDays(7)))).count();
                maxInAWeek = (int) Math.max(maxInAWeek, week);
                require(week <= Settings.DEFAULT_WEEKLY_CAP, week + " nudges to " + p + " within a week", s);
            }
            if (nudge.get().actionId().equals("checkin.answer")) {
                int n = Integer.parseInt(nudge.get().value().split(":")[1]);
                OptionalInt open = pairs.find(pairId).map(x -> x.rhythm().pendingCheckIn()).orElse(OptionalInt.empty());
                require(open.equals(OptionalInt.of(n)), "check-in " + n + " sent to " + p + " while " + open
                        + " is the open one", s);
                int times = questions.merge(s.to() + "|" + pairId + "|" + n, 1, Integer::sum);
                require(times <= 2, "check-in " + n + " of pair " + pairId + " sent " + times + " times to " + p, s);
            }
        }
    }

    /** After everyone acted: nothing to the erased, nothing broken in the log, the schedule kept. */
    void afterStep() {
        steps++;
        List<RecordingMessenger.Sent> all = chat.outbox().all();
        for (int i = checkedUpTo; i < all.size(); i++) {
            RecordingMessenger.Sent s = all.get(i);
            String to = s.to().startsWith("whisper:") ? s.to().substring(8) : s.to();
            Integer erased = erasedFrom.get(to);
            require(erased == null || i < erased, "a message to someone who erased their data", s);
            require(!Render.text(s.message()).contains("something went wrong"), "an error shown to a person", s);
        }
        checkedUpTo = all.size();
        for (ILoggingEvent e : log.list) {
            if (e.getLevel().isGreaterOrEqual(Level.WARN) && e.getLoggerName().startsWith("org.tandem")) {
                throw new AssertionError("logged at " + chat.clock().instant() + ": " + e.getLevel() + " "
                        + e.getLoggerName() + " - " + e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : " / " + e.getThrowableProxy().getClassName() + ": "
                        + e.getThrowableProxy().getMessage()));
            }
        }
    }

    /** Every due item is performed when due: none overdue, none left leased after a sweep, none failed. */
    private void schedule() {
        Instant now = chat.clock().instant();
        for (Document d : chat.db().getCollection("due_items").find()) {
            String status = d.getString("status");
            require(!status.equals("LEASED"), "due item " + d.getString("_id") + " left leased", null);
            require(!status.equals("FAILED"), "due item " + d.getString("_id") + " failed: "
                    + d.getString("lastError"), null);
            require(!status.equals("PENDING") || d.getDate("claimableAt").toInstant().isAfter(now),
                    "due item " + d.getString("_id") + " overdue since " + d.getDate("claimableAt"), null);
        }
    }

    /** At the end: every pair closed, the schedule empty but for the workspace's recurring jobs. */
    void atTheEnd() {
        schedule();
        for (Document d : chat.db().getCollection("pairs").find()) {
            PairStatus s = PairStatus.valueOf(d.getString("status").toUpperCase(java.util.Locale.ROOT));
            require(!s.equals(PairStatus.ACTIVE), "pair " + d.getString("_id") + " still active at the end", null);
        }
        for (Document d : chat.db().getCollection("due_items").find(new Document("status", "PENDING"))) {
            require(!d.getString("kind").startsWith("rhythm."), "rhythm item " + d.getString("_id")
                    + " still planned after every pair closed", null);
        }
    }

    /** A message the rhythm sends on its own, with the button that says about which pair. */
    private static Optional<Block.Button> nudge(RecordingMessenger.Sent s) {
        for (Block b : s.message().blocks()) {
            if (b instanceof Block.Buttons bs) {
                for (Block.Button x : bs.buttons()) {
                    boolean milestone = x.actionId().equals("reflection.write")
                            && (x.value().contains(":midpoint:") || x.value().contains(":closing:"));
                    if (x.actionId().equals("checkin.answer") || milestone || x.actionId().equals("milestone.decide")) {
                        return Optional.of(x);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private void require(boolean ok, String what, RecordingMessenger.Sent s) {
        if (!ok) {
            throw new AssertionError(chat.clock().instant() + ": " + what
                    + (s == null ? "" : " — " + s.to() + " at " + s.at() + ": " + Render.text(s.message())));
        }
    }

}
