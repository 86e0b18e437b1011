package org.tandem.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.testing.Chat;

/**
 * The README's list of admin commands (the table of "The admin channel") is what coordinators are told in the
 * admin channel's {@code help}, in English and in French: every command it lists, with every sub-command.
 */
class AdminHelpTest {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    /** A word people type (a command, a sub-command), not a placeholder such as NAME, PERSON, [NAME] or N. */
    private static final Pattern WORD = Pattern.compile("[a-z][a-z-]*");

    /** A command as the README writes it: its first word and the sub-commands it names (each a word to type). */
    record Listed(String command, List<String> subs) {}

    static List<Listed> readme() throws IOException {
        String text = Files.readString(Path.of("..", "README.md"));
        int start = text.indexOf("\n## The admin channel");
        assertThat(start).as("README has the admin section").isPositive();
        int end = text.indexOf("\n## ", start + 1);
        String section = text.substring(start, end < 0 ? text.length() : end);
        List<Listed> out = new ArrayList<>();
        for (String line : section.lines().toList()) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String first = line.substring(1).split("(?<!\\\\)\\|", 2)[0];
            Matcher code = CODE.matcher(first);
            while (code.find()) {
                String[] words = code.group(1).replace("\\|", "|").strip().split("\\s+");
                List<String> subs = new ArrayList<>();
                if (words.length > 1) {
                    for (String alternative : words[1].split("\\|")) {
                        if (WORD.matcher(alternative).matches()) {
                            subs.add(alternative);
                        }
                    }
                }
                out.add(new Listed(words[0], subs));
            }
        }
        return out;
    }

    /** The usages shown by {@code help} in the admin channel, each as typed (its backticked part). */
    private static List<String> usages(Chat.Person coordinator, String help) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("^`([^`]+)`", Pattern.MULTILINE).matcher(coordinator.says(help).text());
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void adminHelpListsEveryCommandOfTheReadmeInEnglishAndInFrench() throws IOException {
        List<Listed> listed = readme();
        assertThat(listed).extracting(Listed::command).contains("status", "pending", "at-risk", "pairs", "pair",
                "end", "broadcast", "workshop", "workshops", "export", "audit", "programs", "program", "match");
        Chat chat = new Chat();
        for (Locale locale : Texts.SUPPORTED) {
            Texts t = Texts.of(locale);
            Chat.Person coordinator = chat.coordinator("carol").speaking(locale);
            List<String> usages = usages(coordinator, t.get("command.help"));
            for (Listed l : listed) {
                String word = word(t, l.command());
                List<String> lines = usages.stream().filter(u -> u.equals(word) || u.startsWith(word + " ")).toList();
                assertThat(lines).as("%s help shows `%s`", locale, word).isNotEmpty();
                for (String sub : l.subs()) {
                    // a sub-command that is a command too ("end pair") may be shown in the reader's language
                    String translated = word(t, sub);
                    String key = "subcommand." + l.command() + "." + sub;
                    String typed = t.has(key) ? t.get(key).split(",")[0].strip() : sub;
                    assertThat(lines).as("%s help shows `%s %s`", locale, word, sub).anySatisfy(u ->
                            assertThat(u.split("[\\s|\\[\\]]+")).containsAnyOf(typed, translated));
                }
            }
        }
    }

    /** How a command is typed in a language: its first word there. */
    private static String word(Texts t, String command) {
        return t.has("command." + command) ? t.get("command." + command).split(",")[0].strip() : command;
    }
}
