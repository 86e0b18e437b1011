package org.tandem.core.conversation;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tandem.core.conversation.i18n.Texts;

/** Finds the flow that owns a command, and the binding of an action id or a form id. Built once from every flow. */
public final class Router {

    private final Map<String, Flow> byId = new LinkedHashMap<>();
    private final List<Flow> flows;
    private final Map<String, Flow> byCommand = new HashMap<>();
    private final Map<String, CommandSpec> specs = new LinkedHashMap<>();
    private final Map<String, Bindings.Click> clicks = new LinkedHashMap<>();
    private final Map<String, Bindings.Submit> submits = new LinkedHashMap<>();
    /** Every word a command answers to, in every language the bot speaks (accents folded), to its name. */
    private final Map<String, String> words = new HashMap<>();

    public Router(List<Flow> flows) {
        this.flows = List.copyOf(flows);
        for (Flow flow : flows) {
            put(byId, flow.id(), flow, "flow id");
            for (CommandSpec spec : flow.commands()) {
                put(byCommand, spec.name(), flow, "command");
                specs.put(spec.name(), spec);
            }
            Bindings on = new Bindings();
            flow.bind(on);
            for (Bindings.Click c : on.clicks()) {
                requireOwned(flow, c.id());
                put(clicks, c.id(), c, "action id");
            }
            for (Bindings.Submit s : on.submits()) {
                requireOwned(flow, s.id());
                put(submits, s.id(), s, "form id");
            }
        }
        specs.keySet().forEach(name -> words.put(fold(name), name));
        for (Locale locale : Texts.SUPPORTED) {
            Texts t = Texts.of(locale);
            for (String name : specs.keySet()) {
                if (!t.has("command." + name)) {
                    continue;
                }
                for (String word : t.get("command." + name).split(",")) {
                    String w = fold(word);
                    String before = words.putIfAbsent(w, name);
                    if (before != null && !before.equals(name)) {
                        throw new IllegalStateException("the word '" + word + "' stands for two commands: " + before
                                + " and " + name);
                    }
                }
            }
        }
    }

    /**
     * The command a typed word stands for: its name ({@code help}) or its word in a language the bot speaks
     * ({@code aide}), accents and case aside ({@code Mes-Données}). Empty for a word that is no command.
     */
    public Optional<String> command(String word) {
        return Optional.ofNullable(words.get(fold(word)));
    }

    /** The command words, with the command each stands for (for suggestions). */
    public Map<String, String> commandWords() {
        return Map.copyOf(words);
    }

    /** A typed word as it is looked up: lower case, accents folded ("Données" reads "donnees"). */
    public static String fold(String word) {
        String decomposed = Normalizer.normalize(word.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "");
    }

    public Optional<Flow> flow(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Flow> forCommand(String name) {
        return Optional.ofNullable(byCommand.get(name));
    }

    public Optional<CommandSpec> spec(String name) {
        return Optional.ofNullable(specs.get(name));
    }

    public Optional<Bindings.Click> click(String actionId) {
        return Optional.ofNullable(clicks.get(actionId));
    }

    public Optional<Bindings.Submit> submit(String formId) {
        return Optional.ofNullable(submits.get(formId));
    }

    /** The flows, in the order they were registered (the order in which an unknown line is offered to them). */
    public List<Flow> flows() {
        return flows;
    }

    /** Every bound button id, in the order flows were registered. */
    public Collection<Bindings.Click> clicks() {
        return clicks.values();
    }

    /** Every bound form id. */
    public Collection<Bindings.Submit> submits() {
        return submits.values();
    }

    /** The commands usable in a place, in the order flows were registered (the order of {@code help}). */
    public List<CommandSpec> commandsFor(Place place) {
        return specs.values().stream().filter(s -> s.audience().allows(place)).toList();
    }

    private static void requireOwned(Flow flow, String id) {
        if (!id.startsWith(flow.id() + ".")) {
            throw new IllegalStateException("id '" + id + "' must start with its flow's id '" + flow.id() + ".'");
        }
    }

    private static <T> void put(Map<String, T> map, String key, T value, String what) {
        if (map.putIfAbsent(key, value) != null) {
            throw new IllegalStateException("two flows claim the " + what + " '" + key + "'");
        }
    }
}
