package fr.avec.server.browser;

import fr.avec.server.communicate.Charter;
import fr.avec.server.learn.TrainedUsers;
import org.springframework.context.ApplicationContext;

/**
 * Lifts the gates that are not under test for people who generate drafts in a browser test, through the real
 * services: the training path is passed and the usage charter in force acknowledged. The gates stay on; the tests
 * of the gates themselves (LearnBrowserTest, CommunicateBrowserTest) leave their own subjects locked.
 */
final class AiReady {

    private AiReady() {
    }

    /** Passes the training path for each user. */
    static void trained(ApplicationContext context, String... users) {
        for (String user : users) {
            TrainedUsers.complete(context, user);
        }
    }

    /** Acknowledges the charter in force for each user. */
    static void acknowledged(ApplicationContext context, String... users) {
        Charter charter = context.getBean(Charter.class);
        for (String user : users) {
            charter.acknowledge(user, charter.current().number());
        }
    }
}
