package org.tandem.core.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tandem.core.audit.AuditLog;
import org.tandem.core.conversation.ConversationStates;
import org.tandem.core.conversation.EventLedger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.intake.ConsentRefusals;
import org.tandem.core.intake.Enrollment;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.intake.MenteeAnswers;
import org.tandem.core.intake.MentorAnswers;
import org.tandem.core.module.PersonalData;
import org.tandem.core.pairs.Agreement;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.pairs.Shortlists;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;
import org.tandem.core.rounds.RoundRecords;
import org.tandem.core.schedule.DueItems;
import org.tandem.core.workshops.Workshops;

/**
 * The core's own stores as parts of a person's data, in the order they are erased: what refers to a person goes
 * before the person. Exports show a person what is theirs: their answers, their pairs with the partner's name, their
 * own click answer and decline reason — never the partner's.
 */
public final class CoreData {

    /** The stores, grouped as the erasure and the export need them. */
    public record Stores(People people, Programs programs, Enrollments enrollments, Pairs pairs, Shortlists shortlists,
                  ConversationStates states, EventLedger ledger, ConsentRefusals refusals, RoundRecords rounds,
                  Workshops workshops, AuditLog audit, org.tandem.core.admin.Broadcasts broadcasts, DueItems due) {}

    private CoreData() {
    }

    public static List<PersonalData> parts(Stores s) {
        return List.of(
                new Part("enrolments", p -> Part.nonEmpty(enrolments(s, p)), (p, x) -> {
                    s.enrollments().forget(p);
                    s.shortlists().forget(p);
                }, program -> {
                    s.enrollments().eraseProgram(program);
                    s.shortlists().eraseProgram(program);
                    s.refusals().eraseProgram(program);
                }, p -> enrolmentTraces(s, p)),
                new Part("pairs", p -> Part.nonEmpty(pairs(s, p)), (p, standIn) -> s.pairs().anonymize(p, standIn),
                        program -> { }, s.pairs()::traces),
                new Part("matching", p -> Optional.empty(), (p, x) -> s.rounds().forget(p), s.rounds()::eraseProgram),
                new Part("workshops", p -> Part.nonEmpty(s.workshops().answersOf(p)), (p, x) -> s.workshops().forget(p),
                        s.workshops()::eraseProgram),
                new Part("actions", p -> Part.nonEmpty(s.audit().by(p).stream()
                        .map(e -> Map.<String, Object>of("at", e.at(), "action", e.action(), "subject", e.subject()))
                        .toList()), (p, x) -> {
                            s.audit().forget(p);
                            s.broadcasts().forget(p);
                            s.programs().forgetCreator(p.scope(), p.userId());
                            s.due().forget("person", p.key());
                        }, program -> {
                            s.broadcasts().eraseProgram(program);
                            s.due().forget("program", program);
                        }),
                new Part("conversations", p -> Part.nonEmpty(conversations(s, p)), (p, x) -> {
                    s.states().clearAll(p);
                    s.ledger().forget(p);
                }, program -> { }),
                new Part("consent", p -> Part.nonEmpty(s.refusals().of(p)), (p, x) -> s.refusals().forget(p),
                        program -> { }),
                new Part("profile", p -> s.people().find(p).map(x -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("platform", p.platform());
                    m.put("workspace", p.tenant());
                    m.put("userId", p.userId());
                    m.put("displayName", x.displayName());
                    m.put("language", x.locale().toLanguageTag());
                    m.put("timeZone", x.timeZone().map(Object::toString).orElse(null));
                    x.email().ifPresent(e -> m.put("email", e));
                    m.put("firstSeen", x.firstSeen());
                    // a mentor's consent, given from their profile: off unless they gave it
                    Optional<Instant> shown = s.people().showsGivenSince(p);
                    m.put("whatYouGaveShownToMenteesChoosingAMentor", shown.isPresent());
                    shown.ifPresent(at -> m.put("whatYouGaveShownSince", at));
                    return m;
                }), (p, x) -> s.people().erase(p), program -> { },
                        p -> s.people().find(p).map(x -> {
                            Set<String> out = new LinkedHashSet<>();
                            if (x.displayName() != null) {
                                out.add(x.displayName());
                            }
                            x.email().ifPresent(out::add);
                            return out;
                        }).orElse(Set.of())));
    }

    /** The free texts of a person's questionnaires (not the choices: those are everyone's words). */
    private static Set<String> enrolmentTraces(Stores s, PersonRef person) {
        Set<String> out = new LinkedHashSet<>();
        for (Enrollment e : s.enrollments().of(person)) {
            // what they wrote in their own words; a department or a town is no one's own, and would match others'
            e.mentee().ifPresent(a -> out.addAll(Arrays.asList(a.other(), a.hopes())));
            e.mentor().ifPresent(a -> out.addAll(Arrays.asList(a.other(), a.why())));
        }
        out.remove(null);
        return out;
    }

    private static List<Object> enrolments(Stores s, PersonRef person) {
        List<Object> out = new ArrayList<>();
        for (Enrollment e : s.enrollments().of(person)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("programme", name(s, e.program()));
            m.put("role", e.role().value());
            m.put("enrolledAt", e.enrolledAt());
            m.put("consentAt", e.consentAt());
            e.mentee().ifPresent(a -> m.put("asMentee", mentee(a)));
            e.mentor().ifPresent(a -> m.put("asMentor", mentor(a)));
            out.add(m);
        }
        s.shortlists().of(person).forEach(l -> out.add(Map.of("programme", name(s, l.program()),
                "mentorsProposedToYou", l.candidates().stream().map(c -> s.people().name(c.mentor())).toList())));
        return out;
    }

    private static List<Object> pairs(Stores s, PersonRef person) {
        List<Object> out = new ArrayList<>();
        for (Pair p : s.pairs().of(person, EnumSet.allOf(PairStatus.class))) {
            String role = p.roleOf(person);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("programme", name(s, p.program()));
            m.put("yourRole", role);
            m.put("partner", s.people().name(p.other(person)));
            m.put("stage", p.status().value());
            m.putAll(s.pairs().milestones(p.id()));
            Optional.ofNullable(p.clicks().get(role)).ifPresent(c -> m.put("yourAnswerToDidItClick", c));
            // the agreement is both people's: each reads it with `goals`, so each has it in their copy
            p.agreement().ifPresent(a -> m.put("agreement", agreement(a)));
            if (role.equals("mentor")) {
                s.pairs().declineReason(p.id()).ifPresent(r -> m.put("yourDeclineReason", r));
            }
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> agreement(Agreement a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", a.status().value());
        m.put("objectives", a.objectives().stream().map(o -> Map.of("what", o.what(), "howWeWillKnow",
                o.measure())).toList());
        m.put("cadence", a.cadence());
        m.put("format", a.format());
        m.put("howWeReachEachOther", a.contact());
        m.put("confidential", a.confidential());
        a.agreedAt().ifPresent(at -> m.put("agreedAt", at));
        return m;
    }

    private static List<Object> conversations(Stores s, PersonRef person) {
        List<Object> out = new ArrayList<>();
        s.states().of(person).forEach((place, state) -> out.add(Map.of("place", place, "dialogue", state.flow(),
                "step", state.step(), "answersSoFar", state.answers())));
        return out;
    }

    private static Map<String, Object> mentee(MenteeAnswers a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topics", a.topics());
        m.put("otherTopic", a.other());
        m.put("hopes", a.hopes());
        m.put("languages", a.languages());
        m.put("timeZone", a.timeZone());
        m.put("department", a.department());
        m.put("careerStage", a.seniority());
        m.put("format", a.format());
        m.put("location", a.location());
        m.put("preference", a.preference());
        return m;
    }

    private static Map<String, Object> mentor(MentorAnswers a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topics", a.topics());
        m.put("otherExpertise", a.other());
        m.put("careerStage", a.seniority());
        m.put("yearsOfExperience", a.years());
        m.put("department", a.department());
        m.put("languages", a.languages());
        m.put("timeZone", a.timeZone());
        m.put("format", a.format());
        m.put("location", a.location());
        m.put("capacity", a.capacity());
        m.put("whyYouMentor", a.why());
        return m;
    }

    private static String name(Stores s, String program) {
        return s.programs().find(program).map(Program::name).orElse(program);
    }
}
