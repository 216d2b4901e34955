-- Estimer benchmark data set: one year of a 500-bed hospital on PostgreSQL, in the tables of the server's
-- migrations (apply them first: EstimateYearMeasurement does, or `avec serve` on an empty database).
-- 2,000,000 gateway requests in the audit trail (about 5,500 a day) and 600,000 validated documents with
-- their corrections analysis and finding fates, spread over 420 clinicians in 25 services, 5 templates and
-- 3 model versions. Bulk-generated with generate_series (not through the gateway: that is the end-to-end test's job).
-- Run: psql -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d test -c 'SET search_path TO <schema>' -f estimate-year.sql
-- Deterministic: the same seed gives the same data set.

SELECT setseed(0.42);

INSERT INTO audit_event (seq, request_id, occurred_at, actor, actor_role, action, use_case, upstream, model, level, outcome,
                         http_status, prompt_tokens, completion_tokens, latency_ms, overhead_us, categories, findings,
                         verification_mode, energy_kwh, gwp_kg, impact_method, content_level, content, prev_hash, hash)
SELECT i,
       'bench-' || i,
       TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00' + ((i - 1) * (365.0 * 86400 / 2000000)) * INTERVAL '1 second',
       'user' || (i % 420),
       'clinician',
       'chat.completions',
       (ARRAY['consultation', 'consultation', 'consultation', 'literature', 'education'])[1 + (i % 5)],
       CASE WHEN i % 7 = 0 THEN 'hds-cloud' ELSE 'onprem-gpu' END,
       CASE WHEN i % 7 = 0 THEN 'llama-3.3-70b' ELSE 'mistral-small-3.2' END,
       CASE WHEN i % 7 = 0 THEN 'hds' ELSE 'on_premise' END,
       CASE WHEN i % 50 = 0 THEN 'refused' ELSE 'released' END,
       CASE WHEN i % 50 = 0 THEN 422 ELSE 200 END,
       CASE WHEN i % 50 = 0 THEN NULL ELSE 800 + (i * 7919) % 2400 END,
       CASE WHEN i % 50 = 0 THEN NULL ELSE 150 + (i * 104729) % 650 END,
       1500 + (i * 31) % 9000,
       2000 + (i * 17) % 6000,
       'DATE=2,NOM=1',
       CASE WHEN i % 3 = 0 THEN 'NUMBER_NOT_IN_SOURCE=1' ELSE '' END,
       'buffer_then_release',
       CASE WHEN i % 50 = 0 OR i % 97 = 0 THEN NULL ELSE 0.0004 + ((i * 13) % 1000) / 2500000.0 END,
       CASE WHEN i % 50 = 0 OR i % 97 = 0 THEN NULL ELSE 0.00003 + ((i * 13) % 1000) / 50000000.0 END,
       'ecologits-0.9',
       'metadata',
       NULL,
       '0000000000000000000000000000000000000000000000000000000000000000',
       '0000000000000000000000000000000000000000000000000000000000000000'
FROM generate_series(CAST(1 AS BIGINT), 2000000) AS i;

UPDATE audit_chain_head SET seq = 2000000 WHERE id = 1;

INSERT INTO document_analysis (consultation_id, activity_day, validated_at, use_case, template_code, template_version, model, model_version,
                               service, owner, ai_used, draft_words, validated_words, edits, edit_rate, bucket, unedited, rejected,
                               seconds_to_validate, rubber_stamp, findings, unresolved_drug, added_numbers, removed_numbers,
                               prompt_tokens, completion_tokens, energy_wh, gwp_g, sections)
SELECT d, CAST(validated_at AS DATE), validated_at, 'consultation', template, version_of_template, model, model_version, service, owner,
       ai, draft_words, CASE WHEN ai THEN draft_words + edits / 3 ELSE draft_words END, edits, edit_rate,
       LEAST(19, FLOOR(edit_rate * 20)), unedited, ai AND edit_rate >= 0.8, seconds, rubber, findings, unresolved,
       CASE WHEN ai THEN edits / 40 ELSE 0 END, CASE WHEN ai THEN edits / 50 ELSE 0 END,
       CASE WHEN ai THEN 900 + draft_words * 3 ELSE 0 END, CASE WHEN ai THEN draft_words * 2 ELSE 0 END,
       CASE WHEN ai THEN 0.3 + draft_words / 1000.0 ELSE 0 END, CASE WHEN ai THEN 0.02 + draft_words / 20000.0 ELSE 0 END,
       CASE WHEN edits > 0 THEN 'Conclusion=0.30;Conduite à tenir=0.20' ELSE '' END
FROM (SELECT d, validated_at, template, version_of_template, model, model_version, service, owner, ai, draft_words, unedited, rate,
             CASE WHEN ai AND NOT unedited THEN rate ELSE 0 END AS edit_rate,
             CASE WHEN ai AND NOT unedited THEN GREATEST(1, CAST(rate * draft_words AS INTEGER)) ELSE 0 END AS edits,
             CASE WHEN rubber THEN 6 + (d % 20) ELSE 45 + (d * 37) % 900 END AS seconds, rubber,
             CASE WHEN ai THEN findings ELSE 0 END AS findings, CASE WHEN ai AND r7 < 0.003 THEN 1 ELSE 0 END AS unresolved
      FROM (SELECT d,
                   TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00' + ((d - 1) * (364.0 * 86400 / 600000) + 25200) * INTERVAL '1 second' AS validated_at,
                   (ARRAY['consultation', 'suivi', 'courrier', 'sortie', 'urgences'])[1 + (d % 5)] AS template,
                   1 + (d % 3) AS version_of_template,
                   CASE WHEN d % 7 = 0 THEN 'llama-3.3-70b' ELSE 'mistral-small-3.2' END AS model,
                   CASE WHEN d % 7 = 0 THEN 'llama-3.3-70b' WHEN d < 300000 THEN 'mistral-small-3.2-2506' ELSE 'mistral-small-3.2-2509' END
                       AS model_version,
                   'Service ' || (1 + (d * 7) % 25) AS service,
                   'user' || (d % 420) AS owner,
                   r1 > 0.08 AS ai,
                   r1 > 0.08 AND r2 < 0.18 AS unedited,
                   r1 > 0.08 AND r2 < 0.04 AS rubber,
                   LEAST(1.0, POWER(r3, 3) * 1.3 + 0.01) AS rate,
                   150 + CAST(r4 * 450 AS INTEGER) AS draft_words,
                   CAST(FLOOR(POWER(r5, 2) * 4) AS INTEGER) AS findings,
                   r6, r7
            FROM (SELECT d, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6, random() AS r7
                  FROM generate_series(CAST(1 AS BIGINT), 600000) AS d) AS draws) AS documents) AS analysed;

INSERT INTO document_finding (consultation_id, kind, raised, fixed, dismissed, accepted)
SELECT a.consultation_id,
       (ARRAY['NUMBER_NOT_IN_SOURCE', 'DRUG_NOT_IN_SOURCE', 'OMISSION', 'UNKNOWN_DRUG'])[1 + (a.consultation_id + k) % 4],
       1,
       CASE WHEN (a.consultation_id * k) % 10 < 6 THEN 1 ELSE 0 END,
       CASE WHEN (a.consultation_id * k) % 10 BETWEEN 6 AND 8 THEN 1 ELSE 0 END,
       CASE WHEN (a.consultation_id * k) % 10 = 9 THEN 1 ELSE 0 END
FROM document_analysis a CROSS JOIN generate_series(1, 3) AS k
WHERE k <= a.findings;

INSERT INTO sus_response (user_name, use_case, answered_at, answers, score)
SELECT 'user' || (i % 420), 'consultation', TIMESTAMP WITH TIME ZONE '2025-01-15 12:00:00+00' + (i % 12) * INTERVAL '30 days',
       '4,2,4,2,4,2,4,2,4,2', 55 + (i % 40)
FROM generate_series(1, 1500) AS i;

ANALYZE;
