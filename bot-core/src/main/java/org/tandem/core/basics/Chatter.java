package org.tandem.core.basics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.CommandButtons;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.Router;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;

/**
 * What is typed that is no command. A greeting or a wish ("hello", "hi, I'd like a mentor", "bonjour") gets a
 * short answer with buttons to start; a near miss ("hepl", "rejoindr") the closest commands, as buttons; anything
 * else that the word is unknown, with a button for {@code help}. Words are recognised in every language the bot
 * speaks, whatever the person's own.
 */
final class Chatter {

    /** At most this many commands are suggested for a word. */
    static final int SUGGESTIONS = 3;

    /** Answers a line whose first word is no command. */
    boolean onUnknown(Turn turn, Input.Command typed) {
        String line = fold((typed.name() + " " + typed.rest()).strip());
        Texts t = turn.t();
        boolean admin = turn.place() instanceof Place.Admin;
        if (greets(line) || wishes(line)) {
            Message.Builder m = Message.builder()
                    .text(t.rich(admin ? "chatter.hello.admin" : "chatter.hello", turn.person().displayName()));
            m.buttons(admin
                    ? List.of(button(t, "status", "chatter.button.status", Block.Style.PRIMARY),
                            button(t, "help", "chatter.button.help", null))
                    : List.of(button(t, "join", "chatter.button.join", Block.Style.PRIMARY),
                            button(t, "help", "chatter.button.help", null)));
            say(turn, m.build());
            return true;
        }
        List<String> near = closest(fold(typed.name()), turn.commandWords(), turn.commands());
        Message.Builder m = Message.builder();
        if (near.isEmpty()) {
            m.text(t.rich("error.unknown-command", typed.name()))
                    .buttons(List.of(button(t, "help", "chatter.button.help", null)));
        } else {
            m.text(t.rich("error.unknown-command.suggest", typed.name()))
                    .buttons(near.stream().map(name -> CommandButtons.button(word(t, name), name)).toList());
        }
        say(turn, m.build());
        return true;
    }

    /** Privately where others could read it; in the person's direct conversation as a reply. */
    private static void say(Turn turn, Message m) {
        if (turn.place() instanceof Place.Direct) {
            turn.reply(m);
        } else {
            turn.whisper(m);
        }
    }

    private static Block.Button button(Texts t, String command, String labelKey, Block.Style style) {
        return style == null ? CommandButtons.button(t.get(labelKey), command)
                : CommandButtons.primary(t.get(labelKey), command);
    }

    /** The word a person types for a command in their language: {@code aide} for help in French. */
    static String word(Texts t, String command) {
        return t.has("command." + command) ? t.get("command." + command).split(",")[0].strip() : command;
    }

    private static boolean greets(String line) {
        return anyOf("chatter.greetings").stream().anyMatch(g -> line.equals(g) || line.startsWith(g + " "));
    }

    private static boolean wishes(String line) {
        Set<String> words = Set.of(line.split(" "));
        return anyOf("chatter.wishes").stream().anyMatch(words::contains);
    }

    /** A list of words from every language's bundle, folded as a line is. */
    private static Set<String> anyOf(String key) {
        Set<String> out = new LinkedHashSet<>();
        for (Locale l : Texts.SUPPORTED) {
            Arrays.stream(Texts.of(l).get(key).split(",")).map(Chatter::fold).filter(w -> !w.isEmpty())
                    .forEach(out::add);
        }
        return out;
    }

    /**
     * The commands usable here whose word (in any language) is within a typo of {@code typed}: one edit for a short
     * word, two for a longer one, or of which it is the start; the nearest first.
     */
    static List<String> closest(String typed, Map<String, String> words, List<CommandSpec> here) {
        if (typed.length() < 2) {
            return List.of();
        }
        Set<String> usable = new LinkedHashSet<>();
        here.forEach(s -> usable.add(s.name()));
        int allowed = typed.length() <= 4 ? 1 : 2;
        record Near(String command, int distance) {}
        List<Near> near = new ArrayList<>();
        words.forEach((word, command) -> {
            if (!usable.contains(command)) {
                return;
            }
            int d = typed.length() >= 3 && word.startsWith(typed) ? 0 : distance(typed, word);
            if (d <= allowed) {
                near.add(new Near(command, d));
            }
        });
        return near.stream().sorted(Comparator.comparingInt(Near::distance).thenComparing(Near::command))
                .map(Near::command).distinct().limit(SUGGESTIONS).toList();
    }

    /**
     * The edit distance between two words, a swap of two neighbouring letters counting as one edit ("hepl" is one
     * from "help"): the fewest insertions, deletions, substitutions and swaps from one to the other.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** Lower case, accents folded, punctuation as spaces: "Bonjour, un mentor !" reads "bonjour un mentor". */
    static String fold(String text) {
        return Router.fold(text).replaceAll("[^\\p{L}\\p{N}-]+", " ").strip();
    }
}
