package fr.avec.server.learn;

import fr.avec.learn.TrainingCatalog;
import fr.avec.learn.TrainingModule;
import java.util.Locale;
import org.springframework.context.ApplicationContext;

/**
 * For tests whose subject is not training: a user passes the training path through the real service
 * ({@link TrainingRecords#submit}, the same call the quiz page makes, with the right answers), so that the
 * production gate stays on in those tests instead of being switched off.
 */
public final class TrainedUsers {

    private TrainedUsers() {
    }

    /** Passes every module of the path for {@code user}. */
    public static void complete(ApplicationContext context, String user) {
        TrainingRecords records = context.getBean(TrainingRecords.class);
        for (TrainingModule module : TrainingCatalog.forLocale(Locale.FRENCH).modules()) {
            if (!records.submit(user, module.id(), LearnStorageTest.rightAnswers(module)).passed()) {
                throw new IllegalStateException("module " + module.id() + " not passed with its right answers");
            }
        }
        if (!records.current(user)) {
            throw new IllegalStateException("training not current for " + user);
        }
    }
}
