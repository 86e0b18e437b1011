package org.tandem.core.admin;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Scope;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.Enrollment;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.matching.Unmatched;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.pairs.Shortlist;
import org.tandem.core.pairs.Shortlists;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.ProgramState;
import org.tandem.core.program.Programs;
import org.tandem.core.rounds.Waiting;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItem;
import org.tandem.core.schedule.DueItems;
import org.tandem.core.settings.Settings;

/**
 * The coordinators' weekly digest, on Monday at the digest time: per live programme, what changed in the last
 * seven days and who needs attention — numbers only. One due item per workspace and ISO week (the key says so),
 * so it is posted once however many replicas plan it; each digest plans the next, and any admin action plans the
 * coming one again should the chain ever break (a digest that failed for good).
 */
public final class WeeklyDigest implements DueHandler {

    static final String KIND = "digest.weekly";
    static final Duration WEEK = Duration.ofDays(7);
    /** Past this many, a group of mentees is named in part ("and 4 more"). */
    static final int MAX_NAMES = 6;

    private final Programs programs;
    private final Enrollments enrollments;
    private final Pairs pairs;
    private final Waiting waiting;
    private final Figures figures;
    private final Messenger messenger;
    private final DueItems due;
    private final Settings settings;
    private final People people;
    private final Shortlists shortlists;
    private final DigestTrend trend;
    // keys this replica already planned: spares a write per admin command (planning is idempotent anyway)
    private final Set<String> planned = ConcurrentHashMap.newKeySet();

    public WeeklyDigest(Programs programs, Enrollments enrollments, Pairs pairs, Waiting waiting, Figures figures,
                        Messenger messenger, DueItems due, Settings settings, People people, Shortlists shortlists,
                        DigestTrend trend) {
        this.trend = trend;
        this.people = people;
        this.shortlists = shortlists;
        this.programs = programs;
        this.enrollments = enrollments;
        this.pairs = pairs;
        this.waiting = waiting;
        this.figures = figures;
        this.messenger = messenger;
        this.due = due;
        this.settings = settings;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Plans the first digest strictly after {@code now} for a workspace, once. */
    public void plan(Scope scope, Instant now) {
        ZonedDateTime at = next(now);
        String key = KIND + "|" + scope.key() + "|" + at.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + at.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        if (planned.add(key)) {
            due.schedule(key, KIND, scope.platform(), scope.tenant(), Map.of("at", at.toInstant().toString()),
                    at.toInstant());
        }
    }

    /** The next Monday at the digest time, strictly after an instant. */
    ZonedDateTime next(Instant now) {
        ZonedDateTime local = now.atZone(settings.digestZone());
        ZonedDateTime monday = local.toLocalDate().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY))
                .atTime(settings.digestTime()).atZone(settings.digestZone());
        return monday.isAfter(local) ? monday : monday.plusWeeks(1);
    }

    @Override
    public void perform(DueItem item) {
        Scope scope = item.scope();
        Instant until = Instant.parse(item.payloadString("at"));
        // a draft has nothing to tell yet, a closed programme nothing more
        List<Program> live = programs.all(scope).stream()
                .filter(p -> p.state() != ProgramState.CLOSED && p.state() != ProgramState.DRAFT).toList();
        Optional<Message> digest = message(scope, live, until);
        digest.ifPresent(m -> messenger.send(Address.admin(scope), m));
        if (digest.isPresent()) {
            chart(scope, live, until);
        }
        plan(scope, until);
    }

    /** The digest's trend chart, after it; a platform that takes no files simply has the digest alone. */
    private void chart(Scope scope, List<Program> live, Instant until) {
        Texts t = people.adminTexts(scope, settings.adminLocale());
        int atRisk = live.stream().mapToInt(p -> figures.of(p, until).atRisk()).sum();
        trend.of(t, scope, live, until, atRisk).ifPresent(c -> {
            try {
                messenger.sendFile(Address.admin(scope), c.png(), c.caption());
            } catch (UnsupportedOperationException e) {
                // the digest's words carry the same numbers
            }
        });
    }

    /** The digest of the programmes where something happened this week; empty when nothing did anywhere. */
    private Optional<Message> message(Scope scope, List<Program> live, Instant until) {
        Texts t = people.adminTexts(scope, settings.adminLocale());
        Instant from = until.minus(WEEK);
        Message.Builder m = Message.builder().text(t.rich("weekly.title",
                Dates.day(t, settings.digestZone(), from)));
        List<Enrollment> joined = enrollments.enrolledBetween(scope, from, until);
        boolean any = false;
        for (Program p : live) {
            int newcomers = (int) joined.stream().filter(e -> e.program().equals(p.id())).count();
            int introduced = 0;
            int active = 0;
            int closed = 0;
            for (Map<String, Instant> at : pairs.milestonesOf(p.id()).values()) {
                introduced += within(at.get("introducedAt"), from, until);
                active += within(at.get("activeAt"), from, until);
                closed += within(at.get("closedAt"), from, until);
            }
            List<Pair> waitingPairs = pairs.inProgram(p.id(), EnumSet.of(PairStatus.PROPOSED, PairStatus.REQUESTED));
            long proposals = waitingPairs.stream().filter(x -> x.status() == PairStatus.PROPOSED).count();
            Figures.Programme f = figures.of(p, until);
            List<Unmatched> without = waiting.of(p, until);
            List<Rich> lines = new ArrayList<>(List.of(
                    t.rich("weekly.changed", newcomers, introduced, active, closed),
                    t.rich("weekly.attention", proposals, waitingPairs.size() - proposals, without.size(),
                            f.atRisk())));
            lines.addAll(withoutMentor(t, p, without));
            OptionalInt meetings = figures.rhythm().meetingsBetween(p.id(), from, until);
            meetings.ifPresent(n -> lines.add(t.rich("weekly.meetings", n)));
            f.planned().ifPresent(n -> lines.add(t.rich("weekly.planned", n)));
            if (newcomers + introduced + active + closed + meetings.orElse(0) == 0) {
                // a week in which nothing happened there: no news is no message
                continue;
            }
            any = true;
            m.text(t.rich("status.title", p.name(), t.get(p.state().labelKey())));
            m.text(Rich.join("\n", lines));
        }
        return any ? Optional.of(m.context(t.rich("weekly.footer")).build()) : Optional.empty();
    }

    /**
     * Who is without a mentor, by what would help them: those choosing from their shortlist (they may need a word),
     * those a round would place now ({@code match}), and those no mentor fits yet ({@code pending} says why).
     */
    private List<Rich> withoutMentor(Texts t, Program p, List<Unmatched> without) {
        List<PersonRef> choosing = new ArrayList<>();
        List<PersonRef> matchable = new ArrayList<>();
        List<PersonRef> unplaced = new ArrayList<>();
        // one query for the programme's shortlists, not one per mentee
        Map<String, Shortlist> lists = shortlists.inProgram(p.id());
        for (Unmatched u : without) {
            PersonRef mentee = PersonRef.fromKey(u.mentee());
            Shortlist list = lists.get(u.mentee());
            if (list != null && !list.remaining().isEmpty()) {
                choosing.add(mentee);
            } else if (u.key().equals(Waiting.MATCHABLE)) {
                matchable.add(mentee);
            } else {
                unplaced.add(mentee);
            }
        }
        List<Rich> out = new ArrayList<>();
        names(t, "weekly.choosing", choosing, p).ifPresent(out::add);
        names(t, "weekly.matchable", matchable, p).ifPresent(out::add);
        names(t, "weekly.unplaced", unplaced, p).ifPresent(out::add);
        return out;
    }

    private Optional<Rich> names(Texts t, String key, List<PersonRef> who, Program p) {
        if (who.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>(who.stream().limit(MAX_NAMES).map(people::name).toList());
        if (who.size() > MAX_NAMES) {
            names.add(t.get("digest.more", who.size() - MAX_NAMES));
        }
        return Optional.of(t.rich(key, who.size(), String.join(", ", names), p.name()));
    }

    private static int within(Instant at, Instant from, Instant until) {
        return at != null && !at.isBefore(from) && at.isBefore(until) ? 1 : 0;
    }
}
