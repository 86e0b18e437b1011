package org.tandem.core.program;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Scope;
import org.tandem.core.schedule.WorkingWeek;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;

/** Coordinators define programmes in the admin channel: transcripts over the real core and MongoDB. */
class ProgramFlowTest {

    private final Chat chat = new Chat();
    private final Chat.Person carol = chat.coordinator("carol");
    private final Programs programs = new Programs(chat.db());
    private final Scope scope = new Scope("test", Chat.TENANT);

    @Test
    void createOpensAFormAndAValidOneIsStoredAsADraft() {
        Chat.Replies form = carol.says("program create");
        assertThat(form.form().formId()).isEqualTo("program.create");
        assertThat(form.form().inputs()).extracting(Block.FormInput::id)
                .containsExactly("name", "description", "topics", "cadence", "duration", "matching", "capacity",
                        "weeklyCap", "languages", "workStart", "workEnd", "workDays");
        assertThat(input(form.form(), "workStart").values()).as("the usual week to start from").containsExactly("09:30");
        assertThat(input(form.form(), "workEnd").values()).containsExactly("17:00");
        assertThat(input(form.form(), "workDays").values())
                .containsExactly("monday", "tuesday", "wednesday", "thursday", "friday");
        assertThat(input(form.form(), "workDays").options()).extracting(Block.Option::label)
                .containsExactly("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

        Chat.Replies created = carol.submits("program.create", Forms.program("Leadership 2026"));
        assertThat(created.text()).contains("Programme *Leadership 2026* created as a draft", "[Open for enrolment]");
        Program p = programs.findByName(scope, "leadership 2026").orElseThrow();
        assertThat(p.state()).isEqualTo(ProgramState.DRAFT);
        assertThat(p.spec().topics()).containsExactly("leadership", "public speaking", "career growth",
                "negotiation", "data science");
        assertThat(p.spec().cadence()).isEqualTo(Cadence.BIWEEKLY);
        assertThat(p.spec().languages()).containsExactly("en", "fr");
        assertThat(p.spec().workingWeek()).isEqualTo(WorkingWeek.defaults());
        assertThat(created.text()).contains("Working week", "Monday to Friday, 9:30");
    }

    private static Block.FormInput input(Block.Form form, String id) {
        return form.inputs().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    private static Map<String, Object> sundayToThursday(String name) {
        Map<String, Object> v = Forms.with(Forms.with(Forms.program(name), "workStart", "08:00"), "workEnd", "16:00");
        return Forms.with(v, "workDays", List.of("sunday", "monday", "tuesday", "wednesday", "thursday"));
    }

    @Test
    void aProgrammeWorksTheWeekItsCoordinatorsSetAndSaysSo() {
        Chat.Replies created = carol.submits("program.create", sundayToThursday("Gulf"));
        Program p = programs.findByName(scope, "Gulf").orElseThrow();
        assertThat(p.spec().workingWeek()).isEqualTo(new WorkingWeek(LocalTime.of(8, 0), LocalTime.of(16, 0),
                EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY)));
        assertThat(created.text().replace('\u202f', ' ')).contains("Working week", "Sunday to Thursday, 8:00 AM to 4:00 PM");

        // the edit form shows it, and a change is saved
        Block.Form edit = carol.says("program edit Gulf").form();
        assertThat(input(edit, "workStart").values()).containsExactly("08:00");
        assertThat(input(edit, "workEnd").values()).containsExactly("16:00");
        assertThat(input(edit, "workDays").values()).containsExactly("monday", "tuesday", "wednesday", "thursday",
                "sunday");
        Chat.Replies saved = carol.submits("program.edit", Forms.with(Forms.with(sundayToThursday("Gulf"),
                "workEnd", "17:30"), "workDays", List.of("monday", "wednesday", "friday")));
        assertThat(saved.text().replace('\u202f', ' ')).contains("Monday, Wednesday, Friday, 8:00 AM to 5:30 PM");
        assertThat(programs.findByName(scope, "Gulf").orElseThrow().spec().workingWeek())
                .isEqualTo(new WorkingWeek(LocalTime.of(8, 0), LocalTime.of(17, 30),
                        EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)));
    }

    @Test
    void theWorkingWeekSpeaksFrenchWithJavasOwnDayNames() {
        Chat.Person claire = chat.coordinator("claire").speaking(Locale.FRENCH);
        Block.Form form = claire.says("programme créer").form();
        assertThat(input(form, "workStart").label()).isEqualTo("Début de la journée de travail");
        assertThat(input(form, "workDays").label()).isEqualTo("Jours travaillés");
        assertThat(input(form, "workDays").options()).extracting(Block.Option::label)
                .containsExactly("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche");
        Chat.Replies created = claire.submits("program.create", sundayToThursday("Golfe"));
        assertThat(created.text()).contains("Semaine de travail", "du dimanche au jeudi, de 08:00 à 16:00");
        Chat.Replies wrong = claire.submits("program.create", Forms.with(Forms.program("Autre"), "workDays",
                List.of()));
        assertThat(input(wrong.form(), "workDays").error()).isEqualTo("Merci de choisir au moins un jour travaillé.");
    }

    @Test
    void aProgrammeSavedBeforeItHadAWorkingWeekWorksTheUsualOne() {
        carol.submits("program.create", Forms.program("Old"));
        chat.db().getCollection("programs").updateOne(Filters.eq("name", "Old"), Updates.unset("workingWeek"));
        Program old = programs.findByName(scope, "Old").orElseThrow();
        assertThat(old.spec().workingWeek()).isEqualTo(WorkingWeek.defaults());
        assertThat(programs.workingWeek(old.id())).isEqualTo(WorkingWeek.defaults());
        assertThat(programs.workingWeek("p-gone")).as("a programme that is gone").isEqualTo(WorkingWeek.defaults());
        // one that no longer reads (a day renamed by hand) is the usual one too, not a failure
        chat.db().getCollection("programs").updateOne(Filters.eq("name", "Old"),
                Updates.set("workingWeek", new Document("start", "08:00").append("end", "16:00")
                        .append("days", List.of("MONDAY", "FUNDAY"))));
        assertThat(programs.workingWeek(old.id())).isEqualTo(WorkingWeek.defaults());
        // and the edit form offers it, so saving changes nothing else
        assertThat(input(carol.says("program edit Old").form(), "workStart").values()).containsExactly("09:30");
    }

    static List<Arguments> invalidPrograms() {
        Map<String, Object> ok = Forms.program("P");
        return List.of(
                Arguments.of("name", Forms.with(ok, "name", ""), "Please answer this"),
                Arguments.of("name", Forms.with(ok, "name", "x".repeat(81)), "80 characters"),
                Arguments.of("name", Forms.with(ok, "name", "<!channel> party"), "< and >"),
                Arguments.of("topics", Forms.with(ok, "topics", "only-one"), "at least 2 topics"),
                Arguments.of("topics", Forms.with(ok, "topics", "a, <script>alert(1)</script>"), "< and >"),
                Arguments.of("topics", Forms.with(ok, "topics", "a, " + "b".repeat(61)), "at most 60 characters"),
                Arguments.of("cadence", Forms.with(ok, "cadence", "hourly"), "one of the options"),
                Arguments.of("duration", Forms.with(ok, "duration", "7"), "one of the options"),
                Arguments.of("matching", Forms.with(ok, "matching", ""), "Please answer this"),
                Arguments.of("capacity", Forms.with(ok, "capacity", "0"), "from 1 to 5"),
                Arguments.of("capacity", Forms.with(ok, "capacity", "99"), "from 1 to 5"),
                Arguments.of("capacity", Forms.with(ok, "capacity", "two"), "whole number"),
                Arguments.of("languages", Forms.with(ok, "languages", List.of()), "Please answer this"),
                Arguments.of("languages", Forms.with(ok, "languages", List.of("en", "tlh")), "one of the options"),
                Arguments.of("description", Forms.with(ok, "description", "d".repeat(501)), "500 characters"),
                Arguments.of("workEnd", Forms.with(ok, "workEnd", "09:30"), "has to end after it starts (09:30)"),
                Arguments.of("workEnd", Forms.with(ok, "workEnd", "08:00"), "has to end after it starts (09:30)"),
                Arguments.of("workEnd", Forms.with(ok, "workEnd", "11:00"), "at least 3 hours"),
                Arguments.of("workDays", Forms.with(ok, "workDays", List.of()), "at least one working day"),
                Arguments.of("workDays", Forms.with(ok, "workDays", List.of("monday", "funday")), "one of the options"),
                Arguments.of("workStart", Forms.with(ok, "workStart", "9h30"), "a time such as 09:30"),
                Arguments.of("workStart", Forms.with(ok, "workStart", "05:00"), "from 06:00 to 22:00"),
                Arguments.of("workEnd", Forms.with(ok, "workEnd", "23:00"), "from 06:00 to 22:00"),
                Arguments.of("workStart", Forms.with(ok, "workStart", ""), "Please answer this"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("invalidPrograms")
    void anInvalidFormComesBackWithTheMessageAndTheAnswers(String field, Map<String, Object> values, String error) {
        Chat.Replies again = carol.submits("program.create", values);
        Block.Form form = again.form();
        Block.FormInput input = form.inputs().stream().filter(i -> i.id().equals(field)).findFirst().orElseThrow();
        assertThat(input.error()).contains(error);
        assertThat(form.error()).contains("Please check");
        // what was right is still filled in
        Block.FormInput cadence = form.inputs().stream().filter(i -> i.id().equals("cadence")).findFirst().orElseThrow();
        if (!field.equals("cadence")) {
            assertThat(cadence.values()).containsExactly("biweekly");
        }
        assertThat(programs.all(scope)).isEmpty();
    }

    @Test
    void subCommandsAnswerInFrenchToo() {
        assertThat(carol.says("programme créer").form().formId()).isEqualTo("program.create");
        carol.submits("program.create", Forms.program("Leadership"));
        assertThat(carol.says("programme ouvrir Leadership").text()).contains("Leadership");
        assertThat(carol.says("programmes").text()).contains("Open for enrolment");
        assertThat(carol.says("PROGRAMME Modeles").text()).as("accents and case aside")
                .doesNotContain("Use `program create`");
        assertThat(carol.says("match confirmer Leadership").text()).contains("no preview to confirm");
    }

    @Test
    void theNameIsUniqueInTheWorkspace() {
        carol.submits("program.create", Forms.program("Leadership"));
        Chat.Replies again = carol.submits("program.create", Forms.program("LEADERSHIP"));
        assertThat(again.form().inputs().get(0).error()).contains("already a programme called");
        assertThat(programs.all(scope)).hasSize(1);
    }

    @Test
    void aTemplatePrefillsTheForm() {
        Chat.Replies list = carol.says("program templates");
        assertThat(list.buttonLabels()).contains("Onboarding buddy", "Leadership mentoring");
        Chat.Replies form = carol.clicksButton("Onboarding buddy");
        Block.Form f = form.form();
        assertThat(f.inputs().get(0).values()).containsExactly("Onboarding buddy");
        assertThat(f.inputs().get(3).values()).containsExactly("weekly");

        Chat.Replies viaCommand = carol.says("program create leadership");
        assertThat(viaCommand.form().inputs().get(2).values().get(0)).contains("giving feedback");
    }

    @Test
    void templatesSpeakTheCoordinatorsLanguage() {
        Chat.Person claire = chat.coordinator("claire").speaking(Locale.FRENCH);
        Block.Form f = claire.says("program create onboarding").form();
        assertThat(f.title()).isEqualTo("Nouveau programme");
        assertThat(f.inputs().get(0).values()).containsExactly("Parrainage des nouveaux arrivants");
    }

    @Test
    void openCloseAndListWithStatesAndCounts() {
        carol.submits("program.create", Forms.program("Leadership 2026"));
        assertThat(carol.says("program open leadership").text()).contains("*Leadership 2026* is open for enrolment");
        assertThat(carol.says("program open Leadership 2026").text()).contains("already Open for enrolment");
        assertThat(carol.says("programs").text())
                .contains("*Leadership 2026* — Open for enrolment · 0 mentees, 0 mentors · Every 2 weeks · 6 months");

        assertThat(carol.says("program close Leadership 2026").buttonLabels()).containsExactly("Close it", "Keep it");
        assertThat(carol.clicksButton("Keep it").text()).contains("stays as it is");
        carol.says("program close Leadership 2026");
        assertThat(carol.clicksButton("Close it").text()).contains("is closed");
        assertThat(programs.findByName(scope, "Leadership 2026").orElseThrow().state()).isEqualTo(ProgramState.CLOSED);
        assertThat(carol.says("program open nothing-like-it").text()).contains("no programme called");
    }

    @Test
    void editShowsTheCurrentValuesAndSavesAValidChange() {
        carol.submits("program.create", Forms.program("Leadership 2026"));
        Block.Form form = carol.says("program edit Leadership 2026").form();
        assertThat(form.formId()).isEqualTo("program.edit");
        assertThat(form.inputs().get(0).values()).containsExactly("Leadership 2026");

        assertThat(carol.submits("program.edit", Forms.with(Forms.program("Leadership 2026"), "capacity", "9"))
                .form().inputs().get(6).error()).contains("from 1 to 5");
        Chat.Replies saved = carol.submits("program.edit", Forms.with(Forms.program("Leaders 2026"), "capacity", "3"));
        assertThat(saved.text()).contains("Programme *Leaders 2026* updated");
        Program p = programs.findByName(scope, "Leaders 2026").orElseThrow();
        assertThat(p.spec().defaultCapacity()).isEqualTo(3);
        assertThat(programs.findByName(scope, "Leadership 2026")).isEmpty();
        assertThat(carol.submits("program.edit", Forms.program("Again")).text()).contains("no longer active");
    }

    @Test
    void participantsCannotRunProgrammeCommands() {
        Chat.Person alice = chat.person("alice");
        assertThat(alice.says("programs").text()).contains("is for coordinators");
        assertThat(alice.says("program create").text()).contains("is for coordinators");
    }
}
