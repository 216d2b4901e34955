package fr.avec.server.audit;

import jakarta.annotation.PreDestroy;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import fr.avec.server.conversation.DatabaseVaultStore;
import fr.avec.server.conversation.SealedConversation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends events to the hash-chained audit trail. Requests hand their event to one writer thread that
 * commits whatever has queued up in a single transaction (group commit), so the cost of durability is
 * shared by concurrent requests; a request waits for its own commit before its answer is released.
 * Each batch moves the chain head row from the position this writer knows (which locks it); when another
 * instance moved it first, the batch is chained again after the new head, so instances on one database
 * extend one chain.
 */
@Component
public class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final String INSERT = """
            INSERT INTO audit_event (seq, request_id, occurred_at, actor, actor_role, action, use_case, upstream, model, level,
                outcome, http_status, prompt_tokens, completion_tokens, latency_ms, overhead_us, categories, findings,
                verification_mode, energy_kwh, gwp_kg, impact_method, content_level, content, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private record Pending(AuditEvent event, List<SealedConversation> conversations, CompletableFuture<Long> done) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final int maxBatch;
    private final long waitMillis;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;
    private volatile boolean healthy = true;
    private final AtomicLong lastProbe = new AtomicLong();

    public AuditTrail(JdbcTemplate jdbc, TransactionTemplate transactions,
                      @Value("${avec.audit.max-batch:256}") int maxBatch,
                      @Value("${avec.audit.write-timeout:5s}") java.time.Duration writeTimeout) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.maxBatch = maxBatch;
        this.waitMillis = writeTimeout.toMillis();
        this.writer = Thread.ofPlatform().daemon().name("avec-audit-writer").start(this::writeLoop);
    }

    /** Queues an event; the future completes with its sequence number once committed. */
    public CompletableFuture<Long> append(AuditEvent event) {
        return append(event, List.of());
    }

    /** Queues an event and the conversation mappings to store with it, committed together. */
    public CompletableFuture<Long> append(AuditEvent event, List<SealedConversation> conversations) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new AuditUnavailableException("the audit trail is shut down", null));
            return done;
        }
        queue.add(new Pending(event, List.copyOf(conversations), done));
        return done;
    }

    /** Appends and waits until the event is durable; throws when it cannot be recorded. */
    public long record(AuditEvent event) {
        return record(event, List.of());
    }

    /** Appends with conversation mappings and waits until both are durable; throws when they cannot be recorded. */
    public long record(AuditEvent event, List<SealedConversation> conversations) {
        try {
            return append(event, conversations).get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof AuditUnavailableException unavailable ? unavailable
                    : new AuditUnavailableException("the audit event could not be recorded", failed.getCause());
        } catch (TimeoutException slow) {
            throw new AuditUnavailableException("the audit store did not confirm in time", slow);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while recording the audit event", interrupted);
        }
    }

    /**
     * Checks, before a request leaves, that the trail can record it: after a failed write, the store is
     * probed (at most every 250 ms) until it answers again.
     */
    public void ensureWritable() {
        if (healthy) {
            return;
        }
        long now = System.nanoTime();
        long last = lastProbe.get();
        if (now - last < 250_000_000L || !lastProbe.compareAndSet(last, now)) {
            throw new AuditUnavailableException("the audit store is unavailable", null);
        }
        try {
            // Both tables a write needs, read-only.
            jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE seq = (SELECT seq FROM audit_chain_head WHERE id = 1)", Long.class);
            healthy = true;
        } catch (RuntimeException stillDown) {
            throw new AuditUnavailableException("the audit store is unavailable", stillDown);
        }
    }

    public boolean healthy() {
        return healthy;
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException interrupted) {
                if (!running) {
                    break;
                }
            } finally {
                batch.clear();
            }
        }
    }

    /** The chain head as this writer last saw it; null when it must be read again. */
    private record Head(long seq, String hash) {
    }

    private Head head;

    private void write(List<Pending> batch) {
        long[] seqs = new long[batch.size()];
        try {
            for (int attempt = 0; ; attempt++) {
                Head known = head != null ? head : readHead();
                Head written = transactions.execute(status -> {
                    long seq = known.seq();
                    String previous = known.hash();
                    List<Object[]> rows = new ArrayList<>(batch.size());
                    for (int i = 0; i < batch.size(); i++) {
                        AuditEvent e = batch.get(i).event();
                        seq++;
                        String hash = e.chainHash(seq, previous);
                        rows.add(new Object[] {seq, e, previous, hash});
                        seqs[i] = seq;
                        previous = hash;
                    }
                    // Optimistic: moving the head from the known position both locks it and proves that no other
                    // instance appended meanwhile; one round trip instead of a SELECT ... FOR UPDATE and an UPDATE.
                    if (jdbc.update("UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1 AND seq = ? AND hash = ?",
                            seq, previous, known.seq(), known.hash()) != 1) {
                        status.setRollbackOnly();
                        return null;
                    }
                    jdbc.batchUpdate(INSERT, rows, rows.size(), AuditTrail::bind);
                    List<SealedConversation> conversations = new ArrayList<>();
                    batch.forEach(p -> conversations.addAll(p.conversations()));
                    DatabaseVaultStore.writeAll(jdbc, conversations);
                    return new Head(seq, previous);
                });
                if (written != null) {
                    head = written;
                    break;
                }
                // Another instance moved the head: read it and chain after it.
                head = null;
                if (attempt > 100) {
                    throw new IllegalStateException("the audit chain head keeps moving");
                }
            }
            healthy = true;
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(seqs[i]);
            }
        } catch (RuntimeException failure) {
            head = null;
            healthy = false;
            // The exception class only: a driver message may quote the statement's values.
            LOG.error("audit batch of {} events not recorded: {}", batch.size(), failure.getClass().getName());
            AuditUnavailableException unavailable = new AuditUnavailableException("the audit store is unavailable", failure);
            batch.forEach(p -> p.done().completeExceptionally(unavailable));
        }
    }

    private Head readHead() {
        var row = jdbc.queryForMap("SELECT seq, hash FROM audit_chain_head WHERE id = 1");
        return new Head(((Number) row.get("seq")).longValue(), ((String) row.get("hash")).trim());
    }

    private static void bind(PreparedStatement ps, Object[] row) throws SQLException {
        AuditEvent e = (AuditEvent) row[1];
        int i = 1;
        ps.setLong(i++, (Long) row[0]);
        ps.setString(i++, e.requestId());
        ps.setTimestamp(i++, Timestamp.from(e.occurredAt()));
        ps.setString(i++, e.actor());
        ps.setString(i++, e.actorRole());
        ps.setString(i++, e.action());
        ps.setString(i++, e.useCase());
        ps.setString(i++, e.upstream());
        ps.setString(i++, e.model());
        ps.setString(i++, e.level());
        ps.setString(i++, e.outcome());
        ps.setInt(i++, e.httpStatus());
        setInt(ps, i++, e.promptTokens());
        setInt(ps, i++, e.completionTokens());
        ps.setLong(i++, e.latencyMs());
        ps.setLong(i++, e.overheadUs());
        ps.setString(i++, AuditEvent.counts(e.categories()));
        ps.setString(i++, AuditEvent.counts(e.findings()));
        ps.setString(i++, e.verificationMode());
        setDouble(ps, i++, e.energyKwh());
        setDouble(ps, i++, e.gwpKg());
        ps.setString(i++, e.impactMethod());
        ps.setString(i++, e.contentLevel());
        ps.setString(i++, e.content());
        ps.setString(i++, (String) row[2]);
        ps.setString(i, (String) row[3]);
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    /** Commits what is queued, then stops the writer. */
    @PreDestroy
    public void close() throws InterruptedException {
        running = false;
        writer.join(10_000);
    }
}
