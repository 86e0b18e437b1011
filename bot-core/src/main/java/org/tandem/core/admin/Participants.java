package org.tandem.core.admin;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Turn;
import org.tandem.core.intake.Enrollment;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;

/**
 * Finds the participant a coordinator named: a platform mention ({@code <@U123>} on Slack), a user id, a display
 * name (any case), else a unique part of one. Only people enrolled or paired in the workspace's programmes are
 * candidates; otherwise says who matched or that nobody did.
 */
final class Participants {

    private static final Pattern MENTION = Pattern.compile("<@([A-Za-z0-9._-]+)(\\|[^>]*)?>");

    private final Programs programs;
    private final Enrollments enrollments;
    private final Pairs pairs;
    private final People people;

    Participants(Programs programs, Enrollments enrollments, Pairs pairs, People people) {
        this.programs = programs;
        this.enrollments = enrollments;
        this.pairs = pairs;
        this.people = people;
    }

    Optional<PersonRef> resolve(Turn turn, String typed) {
        if (typed.isBlank()) {
            turn.reply("admin.person.which");
            return Optional.empty();
        }
        List<PersonRef> all = all(turn);
        Matcher mention = MENTION.matcher(typed.strip());
        String needle = mention.matches() ? mention.group(1) : typed.strip();
        List<PersonRef> byId = all.stream().filter(p -> p.userId().equalsIgnoreCase(needle)).toList();
        if (byId.size() == 1) {
            return Optional.of(byId.get(0));
        }
        String lower = needle.toLowerCase(Locale.ROOT);
        List<PersonRef> exact = all.stream().filter(p -> name(p).equalsIgnoreCase(needle)).toList();
        if (exact.size() == 1) {
            return Optional.of(exact.get(0));
        }
        List<PersonRef> partial = exact.isEmpty()
                ? all.stream().filter(p -> name(p).toLowerCase(Locale.ROOT).contains(lower)).toList() : exact;
        if (partial.size() == 1) {
            return Optional.of(partial.get(0));
        }
        if (partial.isEmpty()) {
            turn.reply("admin.person.not-found", typed.strip());
        } else {
            turn.reply("admin.person.ambiguous", typed.strip(),
                    String.join(", ", partial.stream().map(p -> name(p) + " (" + p.userId() + ")").toList()));
        }
        return Optional.empty();
    }

    /** Everyone enrolled in, or paired in, a programme of the coordinator's workspace. */
    private List<PersonRef> all(Turn turn) {
        Set<PersonRef> out = new LinkedHashSet<>();
        for (Program p : programs.all(turn.who().scope())) {
            enrollments.inProgram(p.id()).stream().map(Enrollment::person).forEach(out::add);
            for (Pair pair : pairs.inProgram(p.id(), EnumSet.allOf(PairStatus.class))) {
                out.add(pair.mentee());
                out.add(pair.mentor());
            }
        }
        return new ArrayList<>(out);
    }

    private String name(PersonRef p) {
        return people.name(p);
    }
}
