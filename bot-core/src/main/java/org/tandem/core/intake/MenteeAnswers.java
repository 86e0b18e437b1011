package org.tandem.core.intake;

import java.util.List;
import org.bson.Document;

/**
 * A mentee's intake answers.
 *
 * @param topics  up to three topics of the programme, most important first
 * @param other   a topic of their own ("other: …"), or empty
 * @param hopes   what they hope to achieve: the seed of the learning objectives
 */
public record MenteeAnswers(List<String> topics, String other, String hopes, List<String> languages,
                            String timeZone, String department, String seniority, String format, String location,
                            String preference) {

    public MenteeAnswers {
        topics = List.copyOf(topics);
        languages = List.copyOf(languages);
    }

    /** The career stage as a level from 1 (early career) to 5 (executive). */
    public int seniorityLevel() {
        return Choices.parse(Choices.Seniority.class, seniority).map(Choices.Seniority::level).orElse(1);
    }

    Document toDocument() {
        return new Document("topics", topics).append("other", other).append("hopes", hopes)
                .append("languages", languages).append("timeZone", timeZone).append("department", department)
                .append("seniority", seniority).append("format", format).append("location", location)
                .append("preference", preference);
    }

    static MenteeAnswers from(Document d) {
        return new MenteeAnswers(d.getList("topics", String.class), d.getString("other"), d.getString("hopes"),
                d.getList("languages", String.class), d.getString("timeZone"), d.getString("department"),
                d.getString("seniority"), d.getString("format"), d.getString("location"),
                d.getString("preference"));
    }
}
