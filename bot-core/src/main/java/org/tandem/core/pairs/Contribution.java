package org.tandem.core.pairs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.tandem.core.conversation.PersonRef;

/**
 * What a mentor gave, in numbers only (never a word of a mentee's reflections): the mentees they accompanied (pairs
 * that became active), the meetings logged and their hours (an hour a meeting, {@link Meetings#minutes}), the
 * programmes, and the thank-you notes received.
 */
public record Contribution(int mentees, long meetings, long minutes, List<String> programs, int thanks) {

    /** A mentor's contribution over all their pairs. */
    public static Contribution of(Pairs pairs, Meetings meetings, PersonRef mentor) {
        Set<String> mentees = new LinkedHashSet<>();
        Set<String> programs = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>();
        int thanks = 0;
        for (Document d : pairs.mentored(mentor)) {
            mentees.add(d.getString("mentee"));
            programs.add(d.getString("program"));
            ids.add(d.getString("_id"));
            thanks += d.getString("thanks") == null ? 0 : 1;
        }
        long held = ids.stream().mapToLong(meetings::count).sum();
        return new Contribution(mentees.size(), held, meetings.minutes(ids), List.copyOf(programs), thanks);
    }

    /** Whole hours, rounded. */
    public long hours() {
        return (minutes + 30) / 60;
    }
}
