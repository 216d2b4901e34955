package fr.avec.server.estimate;

import fr.avec.server.workbench.Consultations;
import fr.avec.estimate.Drift;
import fr.avec.server.web.AiUseGate;
import fr.avec.server.workbench.DraftVerifier;
import fr.avec.server.workbench.GatewayDrafts;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Estimer's parts and its background work: every minute the documents validated since the last pass are
 * analysed and the audit trail is rolled up, and new model versions reported by upstreams start a drift
 * replay. Thresholds come from {@code avec.estimate.*}.
 */
@Configuration
@EnableScheduling
public class EstimateConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EstimateConfiguration.class);

    @Bean
    DocumentAnalyses documentAnalyses(JdbcClient jdbc, TransactionTemplate transactions, Consultations consultations,
                                      @Value("${avec.estimate.rejected-edit-rate:0.8}") double rejectedEditRate) {
        return new DocumentAnalyses(jdbc, transactions, rejectedEditRate, consultations::open);
    }

    @Bean
    GatewayRollup gatewayRollup(JdbcClient jdbc, TransactionTemplate transactions) {
        return new GatewayRollup(jdbc, transactions);
    }

    @Bean
    Indicators indicators(JdbcClient jdbc) {
        return new Indicators(jdbc);
    }

    @Bean
    NeedsSheets needsSheets(JdbcClient jdbc, TransactionTemplate transactions) {
        return new NeedsSheets(jdbc, transactions);
    }

    @Bean
    UsabilitySurveys usabilitySurveys(JdbcClient jdbc, @Value("${avec.estimate.sus-interval:90d}") Duration interval) {
        return new UsabilitySurveys(jdbc, interval);
    }

    @Bean
    ReferenceCases referenceCases(JdbcClient jdbc, Consultations consultations) {
        return new ReferenceCases(jdbc, consultations::open);
    }

    @Bean(destroyMethod = "close")
    DriftWatch driftWatch(JdbcClient jdbc, ReferenceCases references, GatewayDrafts drafts, ObjectProvider<DraftVerifier> verifiers,
                          @Value("${avec.estimate.drift.max-findings-increase:0.25}") double maxFindingsIncrease,
                          @Value("${avec.estimate.drift.max-similarity-drop:0.05}") double maxSimilarityDrop) {
        return new DriftWatch(jdbc, references, drafts, verifiers, new Drift.Thresholds(maxFindingsIncrease, maxSimilarityDrop));
    }

    @Bean
    EvaluationReport evaluationReport(Indicators indicators, NeedsSheets needs, UsabilitySurveys surveys, DriftWatch drift, JdbcClient jdbc,
                                      DataSource dataSource) {
        return new EvaluationReport(indicators, needs, surveys, drift, jdbc, dataSource);
    }

    @Bean
    Refresh estimateRefresh(DocumentAnalyses analyses, GatewayRollup rollup, DriftWatch drift) {
        return new Refresh(analyses, rollup, drift);
    }

    /** The periodic pass; also called before a page is shown so that figures include the latest validations. */
    public static class Refresh {
        private final DocumentAnalyses analyses;
        private final GatewayRollup rollup;
        private final DriftWatch drift;

        Refresh(DocumentAnalyses analyses, GatewayRollup rollup, DriftWatch drift) {
            this.analyses = analyses;
            this.rollup = rollup;
            this.drift = drift;
        }

        /** Analyses new validations and rolls up new audit events. */
        public synchronized void now() {
            analyses.scan();
            rollup.run();
        }

        @Scheduled(initialDelayString = "${avec.estimate.refresh-delay:60s}", fixedDelayString = "${avec.estimate.refresh-delay:60s}")
        void periodically() {
            try {
                now();
                drift.watchVersions(AiUseGate.CONSULTATION);
            } catch (RuntimeException failure) {
                // The next pass retries; nothing is lost since the scan reads what is not yet analysed.
                LOG.atWarn().addKeyValue("error", failure.getClass().getSimpleName()).log("estimate refresh failed");
            }
        }
    }
}
