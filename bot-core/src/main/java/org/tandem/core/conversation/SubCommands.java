package org.tandem.core.conversation;

import java.util.List;
import java.util.Locale;
import org.tandem.core.conversation.i18n.Texts;

/**
 * The second word of a command (`program create`, `match confirm`), typed in any language the bot speaks:
 * {@code programme créer} is {@code program create}. Each sub-command's words are {@code subcommand.<command>.<name>}
 * in the bundles (several, comma-separated), accents and case aside, as for the commands themselves.
 */
public final class SubCommands {

    private SubCommands() {
    }

    /** The sub-command's one name for what was typed, or what was typed (folded) when it is none of {@code names}. */
    public static String of(String command, String typed, List<String> names) {
        String folded = Router.fold(typed);
        for (String name : names) {
            if (folded.equals(name)) {
                return name;
            }
            for (Locale l : Texts.SUPPORTED) {
                Texts t = Texts.of(l);
                String key = "subcommand." + command + "." + name;
                if (t.has(key)) {
                    for (String word : t.get(key).split(",")) {
                        if (Router.fold(word.strip()).equals(folded)) {
                            return name;
                        }
                    }
                }
            }
        }
        return folded;
    }
}
