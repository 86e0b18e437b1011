package org.tandem.core.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Text with a small markup subset, kept apart from the literal text people typed. {@link Markup} spans come
 * from our message bundles and may use {@code *bold*}, {@code _italic_}, {@code `code`} and line breaks;
 * {@link Literal} spans are shown exactly as written, so every renderer escapes them for its platform.
 */
public record Rich(List<Span> spans) {

    /** One piece of a {@link Rich} text. */
    public sealed interface Span {
        String text();
    }

    /** Trusted text with markup, written by us. */
    public record Markup(String text) implements Span {
        public Markup {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Untrusted text (a name, an answer, a programme name) to show as is. */
    public record Literal(String text) implements Span {
        public Literal {
            Objects.requireNonNull(text, "text");
        }
    }

    public Rich {
        spans = List.copyOf(spans);
    }

    public static Rich markup(String text) {
        return new Rich(List.of(new Markup(text)));
    }

    public static Rich literal(String text) {
        return new Rich(List.of(new Literal(text)));
    }

    /** This text followed by another. */
    public Rich append(Rich other) {
        List<Span> all = new ArrayList<>(spans);
        all.addAll(other.spans);
        return new Rich(all);
    }

    /** Joins texts with a markup separator such as a line break. */
    public static Rich join(String separator, List<Rich> parts) {
        List<Span> all = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                all.add(new Markup(separator));
            }
            all.addAll(parts.get(i).spans);
        }
        return new Rich(all);
    }

    /** The text without markup characters interpreted: what a screen reader or a notification preview shows. */
    public String plain() {
        StringBuilder b = new StringBuilder();
        for (Span s : spans) {
            b.append(s instanceof Markup ? s.text().replace("*", "").replace("_", "").replace("`", "") : s.text());
        }
        return b.toString();
    }
}
