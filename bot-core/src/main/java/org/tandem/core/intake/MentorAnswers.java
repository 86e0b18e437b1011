package org.tandem.core.intake;

import java.util.List;
import org.bson.Document;

/**
 * A mentor's intake answers.
 *
 * @param topics   the programme topics they can help with
 * @param other    other expertise in their own words, or empty
 * @param capacity how many mentees at once (1–5)
 * @param why      a short "why I mentor", shown to mentees choosing
 */
public record MentorAnswers(List<String> topics, String other, String seniority, int years, String department,
                            List<String> languages, String timeZone, String format, String location, int capacity,
                            String why) {

    public MentorAnswers {
        topics = List.copyOf(topics);
        languages = List.copyOf(languages);
    }

    /** The career stage as a level from 1 (early career) to 5 (executive). */
    public int seniorityLevel() {
        return Choices.parse(Choices.Seniority.class, seniority).map(Choices.Seniority::level).orElse(1);
    }

    Document toDocument() {
        return new Document("topics", topics).append("other", other).append("seniority", seniority)
                .append("years", years).append("department", department).append("languages", languages)
                .append("timeZone", timeZone).append("format", format).append("location", location)
                .append("capacity", capacity).append("why", why);
    }

    static MentorAnswers from(Document d) {
        return new MentorAnswers(d.getList("topics", String.class), d.getString("other"), d.getString("seniority"),
                d.getInteger("years"), d.getString("department"), d.getList("languages", String.class),
                d.getString("timeZone"), d.getString("format"), d.getString("location"), d.getInteger("capacity"),
                d.getString("why"));
    }
}
