package org.tandem.core.demo;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.Actor;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.intake.MenteeAnswers;
import org.tandem.core.intake.MentorAnswers;
import org.tandem.core.intake.Role;
import org.tandem.core.people.People;
import org.tandem.core.program.Cadence;
import org.tandem.core.program.MatchingMode;
import org.tandem.core.program.ProgramDraft;
import org.tandem.core.program.ProgramState;
import org.tandem.core.program.Programs;

/**
 * A sample programme, open for enrolment, with 8 mentors and 12 mentees of varied topics and languages. Seeding
 * twice changes nothing: it stops when the programme exists.
 */
public final class DemoSeed {

    public static final String PROGRAMME = "Demo mentoring programme";

    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);
    private static final List<String> TOPICS = List.of("leadership", "public speaking", "career growth",
            "negotiation", "data science", "product management", "work-life balance");

    private record Mentor(String id, String name, Locale locale, List<String> topics, String seniority, int years,
                          String department, List<String> languages, String zone, int capacity, String why) {}

    private record Mentee(String id, String name, Locale locale, List<String> topics, String hopes,
                          String department, String seniority, List<String> languages, String zone,
                          String preference) {}

    private static final List<Mentor> MENTORS = List.of(
            new Mentor("amara", "Amara Okafor", Locale.ENGLISH, List.of("leadership", "public speaking"), "executive",
                    22, "Operations", List.of("en"), "Europe/London", 2, "I grew thanks to mentors; now it's my turn."),
            new Mentor("bruno", "Bruno Lefèvre", Locale.FRENCH, List.of("negotiation", "career growth"), "lead", 15,
                    "Sales", List.of("fr", "en"), "Europe/Paris", 3, "J'aime voir les gens prendre confiance."),
            new Mentor("chen", "Chen Wei", Locale.ENGLISH, List.of("data science", "product management"), "senior",
                    11, "Data", List.of("en"), "Asia/Singapore", 2, "Curious minds make great teams."),
            new Mentor("dolores", "Dolores Ruiz", Locale.ENGLISH, List.of("leadership", "work-life balance"), "lead",
                    18, "People", List.of("es", "en"), "Europe/Madrid", 2, "Balance is a skill; let's practise it."),
            new Mentor("erik", "Erik Johansson", Locale.ENGLISH, List.of("product management", "career growth"),
                    "senior", 9, "Product", List.of("en", "de"), "Europe/Stockholm", 1, "I like helping people find their path."),
            new Mentor("fatima", "Fatima Zahra", Locale.FRENCH, List.of("public speaking", "negotiation"), "lead", 14,
                    "Legal", List.of("fr", "en"), "Europe/Paris", 2, "Prendre la parole, ça s'apprend."),
            new Mentor("gabriel", "Gabriel Martin", Locale.FRENCH, List.of("data science", "leadership"), "executive",
                    20, "Engineering", List.of("fr"), "America/Montreal", 3, "Transmettre, c'est apprendre deux fois."),
            new Mentor("hana", "Hana Sato", Locale.ENGLISH, List.of("career growth", "work-life balance"), "senior",
                    12, "Finance", List.of("en"), "Asia/Tokyo", 2, "Small steps, every week."));

    private static final List<Mentee> MENTEES = List.of(
            new Mentee("ines", "Inès Moreau", Locale.FRENCH, List.of("public speaking", "leadership"),
                    "Prendre la parole en réunion sans stress.", "Finance", "junior", List.of("fr"), "Europe/Paris",
                    "other-department"),
            new Mentee("jonas", "Jonas Weber", Locale.ENGLISH, List.of("product management"),
                    "Move from engineering into product.", "Engineering", "mid", List.of("en", "de"), "Europe/Berlin",
                    "none"),
            new Mentee("kofi", "Kofi Mensah", Locale.ENGLISH, List.of("leadership", "negotiation"),
                    "Lead my first team well.", "Sales", "mid", List.of("en"), "Europe/London", "other-department"),
            new Mentee("lea", "Léa Dubois", Locale.FRENCH, List.of("data science"),
                    "Passer de l'analyse au machine learning.", "Marketing", "junior", List.of("fr", "en"),
                    "Europe/Paris", "none"),
            new Mentee("marco", "Marco Rossi", Locale.ENGLISH, List.of("career growth", "work-life balance"),
                    "Find a sustainable pace and a next step.", "Support", "mid", List.of("en"), "Europe/Rome",
                    "none"),
            new Mentee("nadia", "Nadia Haddad", Locale.FRENCH, List.of("negotiation", "public speaking"),
                    "Négocier mon premier contrat important.", "Legal", "junior", List.of("fr"), "Europe/Paris",
                    "same-department"),
            new Mentee("oscar", "Oscar Lindqvist", Locale.ENGLISH, List.of("data science", "career growth"),
                    "Grow into a senior data role.", "Data", "mid", List.of("en"), "Europe/Stockholm", "none"),
            new Mentee("priya", "Priya Nair", Locale.ENGLISH, List.of("leadership", "public speaking"),
                    "Present to the board with confidence.", "Finance", "senior", List.of("en"), "Asia/Kolkata",
                    "other-department"),
            new Mentee("quentin", "Quentin Roux", Locale.FRENCH, List.of("career growth"),
                    "Y voir plus clair sur mon évolution.", "Operations", "junior", List.of("fr"), "America/Montreal",
                    "none"),
            new Mentee("rosa", "Rosa García", Locale.ENGLISH, List.of("work-life balance", "leadership"),
                    "Lead without burning out.", "People", "mid", List.of("es", "en"), "Europe/Madrid", "none"),
            new Mentee("sami", "Sami Benali", Locale.FRENCH, List.of("product management", "data science"),
                    "Construire des produits pilotés par la donnée.", "Product", "junior", List.of("fr", "en"),
                    "Africa/Casablanca", "none"),
            new Mentee("tess", "Tess Okoye", Locale.ENGLISH, List.of("public speaking"),
                    "Speak at a conference this year.", "Design", "junior", List.of("pt", "en"), "America/Sao_Paulo",
                    "none"));

    private DemoSeed() {
    }

    /** Seeds the sample programme into a workspace, unless it is already there. Returns whether it seeded. */
    public static boolean seed(Scope scope, Programs programs, People people, Enrollments enrollments, Clock clock) {
        if (programs.findByName(scope, PROGRAMME).isPresent()) {
            return false;
        }
        var program = programs.create(scope, new ProgramDraft(PROGRAMME,
                "A sample programme to try Tandem: enrol as one more mentee, then ask a coordinator to run `match`.",
                TOPICS, Cadence.BIWEEKLY, 6, MatchingMode.MENTEE_CHOOSES, 2, List.of("en", "fr", "es", "de", "pt")),
                "demo", clock.instant());
        programs.transition(program.id(), List.of(ProgramState.DRAFT), ProgramState.OPEN);
        for (Mentor m : MENTORS) {
            PersonRef ref = touch(scope, people, m.id(), m.name(), m.locale(), m.zone(), clock);
            enrollments.enroll(ref, program.id(), Role.MENTOR, Optional.empty(), Optional.of(new MentorAnswers(
                    m.topics(), "", m.seniority(), m.years(), m.department(), m.languages(), m.zone(), "either", "",
                    m.capacity(), m.why())), clock.instant());
        }
        for (Mentee m : MENTEES) {
            PersonRef ref = touch(scope, people, m.id(), m.name(), m.locale(), m.zone(), clock);
            enrollments.enroll(ref, program.id(), Role.MENTEE, Optional.of(new MenteeAnswers(m.topics(), "",
                    m.hopes(), m.languages(), m.zone(), m.department(), m.seniority(), "video", "",
                    m.preference())), Optional.empty(), clock.instant());
        }
        log.info("seeded the demo programme '{}' with {} mentors and {} mentees", PROGRAMME, MENTORS.size(),
                MENTEES.size());
        return true;
    }

    private static PersonRef touch(Scope scope, People people, String id, String name, Locale locale, String zone,
                                   Clock clock) {
        PersonRef ref = new PersonRef(scope.platform(), scope.tenant(), id);
        people.touch(new Actor(ref, name, locale, Optional.of(java.time.ZoneId.of(zone))), clock.instant());
        return ref;
    }
}
