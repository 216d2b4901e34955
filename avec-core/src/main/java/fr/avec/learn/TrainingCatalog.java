package fr.avec.learn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The training path (AI Act article 4 literacy), in French and English, read from Markdown files that
 * end with a {@code ## Quiz} section written as {@code ? question}, {@code - wrong}, {@code + right},
 * {@code > explanation}. Content lives in resources so that writers can edit it without touching code.
 */
public final class TrainingCatalog {

    private static final String BASE = "/fr/avec/learn/training/";
    private static final Map<String, TrainingCatalog> CACHE = new ConcurrentHashMap<>();

    private final Locale locale;
    private final List<TrainingModule> modules;

    private TrainingCatalog(Locale locale, List<TrainingModule> modules) {
        this.locale = locale;
        this.modules = List.copyOf(modules);
    }

    /** The catalogue in French or English; any other language gets French, the product's first language. */
    public static TrainingCatalog forLocale(Locale locale) {
        String language = "en".equals(locale.getLanguage()) ? "en" : "fr";
        return CACHE.computeIfAbsent(language, TrainingCatalog::load);
    }

    public Locale locale() {
        return locale;
    }

    public List<TrainingModule> modules() {
        return modules;
    }

    public Optional<TrainingModule> module(String id) {
        return modules.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private static TrainingCatalog load(String language) {
        List<TrainingModule> modules = new ArrayList<>();
        for (String id : read(BASE + "index.txt").lines().map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            modules.add(parse(id, read(BASE + language + "/" + id + ".md")));
        }
        return new TrainingCatalog(Locale.of(language), modules);
    }

    /** Parses one module file; a malformed file is a programming error caught by the tests. */
    static TrainingModule parse(String id, String text) {
        String normalised = text.replace("\r\n", "\n");
        int quiz = normalised.indexOf("\n## Quiz");
        if (quiz < 0 || !normalised.startsWith("# ")) {
            throw new IllegalStateException(id + ": a module starts with '# Title' and ends with '## Quiz'");
        }
        String title = normalised.substring(2, normalised.indexOf('\n')).strip();
        String body = normalised.substring(normalised.indexOf('\n') + 1, quiz).strip();
        List<TrainingModule.QuizQuestion> questions = new ArrayList<>();
        String question = null;
        List<String> choices = new ArrayList<>();
        int correct = -1;
        for (String line : normalised.substring(quiz + "\n## Quiz".length()).split("\n")) {
            String content = line.length() > 2 ? line.substring(2).strip() : "";
            if (line.startsWith("? ")) {
                question = content;
                choices = new ArrayList<>();
                correct = -1;
            } else if (line.startsWith("- ") || line.startsWith("+ ")) {
                if (line.startsWith("+ ")) {
                    if (correct >= 0) {
                        throw new IllegalStateException(id + ": two right answers to '" + question + "'");
                    }
                    correct = choices.size();
                }
                choices.add(content);
            } else if (line.startsWith("> ")) {
                if (question == null || correct < 0) {
                    throw new IllegalStateException(id + ": explanation without a question and a right answer");
                }
                questions.add(new TrainingModule.QuizQuestion(question, choices, correct, content));
                question = null;
            }
        }
        if (questions.isEmpty() || question != null) {
            throw new IllegalStateException(id + ": every question needs answers and an explanation");
        }
        return new TrainingModule(id, title, body, questions);
    }

    private static String read(String resource) {
        try (InputStream in = TrainingCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("training resource missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
