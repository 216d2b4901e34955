package fr.avec.server.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit}: paged, filterable audit events for the DPO (role checked by the security chain). */
@RestController
public class AuditController {

    private static final int MAX_SIZE = 500;
    private final AuditRecords records;

    public AuditController(AuditRecords records) {
        this.records = records;
    }

    @GetMapping(path = "/api/audit", produces = "application/json")
    public Map<String, Object> audit(@RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size,
                                     @RequestParam(required = false) String user,
                                     @RequestParam(name = "use_case", required = false) String useCase,
                                     @RequestParam(required = false) String upstream,
                                     @RequestParam(required = false) String outcome,
                                     @RequestParam(required = false) Instant from,
                                     @RequestParam(required = false) Instant to) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be 0 or more and size between 1 and " + MAX_SIZE);
        }
        AuditRecords.Page result = records.page(new AuditRecords.Filter(user, useCase, upstream, outcome, from, to), page, size);
        List<Map<String, Object>> items = result.events().stream().map(AuditController::json).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", result.page());
        body.put("size", result.size());
        body.put("total", result.total());
        body.put("items", items);
        return body;
    }

    private static Map<String, Object> json(StoredAuditEvent stored) {
        AuditEvent e = stored.event();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("seq", stored.seq());
        item.put("request_id", e.requestId());
        item.put("occurred_at", e.occurredAt().toString());
        item.put("user", e.actor());
        item.put("role", e.actorRole());
        item.put("action", e.action());
        item.put("use_case", e.useCase());
        item.put("upstream", e.upstream());
        item.put("model", e.model());
        item.put("level", e.level());
        item.put("outcome", e.outcome());
        item.put("http_status", e.httpStatus());
        item.put("prompt_tokens", e.promptTokens());
        item.put("completion_tokens", e.completionTokens());
        item.put("latency_ms", e.latencyMs());
        item.put("overhead_ms", e.overheadUs() / 1000.0);
        item.put("categories", e.categories());
        item.put("findings", e.findings());
        item.put("verification_mode", e.verificationMode());
        item.put("energy_kwh", e.energyKwh());
        item.put("gwp_kg", e.gwpKg());
        item.put("impact_method", e.impactMethod());
        item.put("content_level", e.contentLevel());
        // Content stays in the store: pseudonymized or encrypted content is read with a dedicated tool, not listed.
        item.put("has_content", e.content() != null);
        item.put("prev_hash", stored.prevHash());
        item.put("hash", stored.hash());
        return item;
    }
}
