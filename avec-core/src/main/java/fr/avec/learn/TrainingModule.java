package fr.avec.learn;

import java.util.List;

/**
 * One module of the training path: a short text in Markdown and its quiz.
 *
 * @param id        stable identifier, e.g. {@code 02-donnees-identifiantes}, the same in every language
 * @param title     the module title in the catalogue's language
 * @param markdown  the module text (Markdown), without the quiz
 * @param questions the quiz
 */
public record TrainingModule(String id, String title, String markdown, List<QuizQuestion> questions) {

    public TrainingModule {
        questions = List.copyOf(questions);
    }

    /**
     * A multiple-choice question with exactly one right answer.
     *
     * @param text        the question
     * @param choices     the possible answers, in display order
     * @param correct     the index of the right answer in {@code choices}
     * @param explanation why that answer is right, shown after answering
     */
    public record QuizQuestion(String text, List<String> choices, int correct, String explanation) {

        public QuizQuestion {
            choices = List.copyOf(choices);
            if (correct < 0 || correct >= choices.size()) {
                throw new IllegalArgumentException("the right answer must be one of the choices");
            }
        }
    }
}
