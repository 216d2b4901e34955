-- Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode.
-- Estimer: needs sheets and objectives, corrections analysis of validated documents with daily
-- roll-ups (the dashboards and reports read only the roll-ups, so a year of a large hospital stays fast),
-- usability questionnaires, reference cases and drift replays.

-- The needs sheet of a use case (consultation, literature, education...), written before it is opened.
CREATE TABLE needs_sheet (
    use_case        VARCHAR(64)   NOT NULL PRIMARY KEY,
    task            VARCHAR(4000) NOT NULL,
    data_involved   VARCHAR(4000) NOT NULL,
    expected_gain   VARCHAR(4000) NOT NULL,
    alternatives    VARCHAR(4000) NOT NULL,
    updated_by      VARCHAR(128)  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The DPO's sign-off; cleared when the sheet changes afterwards, since the DPO signed another text.
    dpo_signed_by   VARCHAR(128),
    dpo_signed_at   TIMESTAMP WITH TIME ZONE
);

-- Targets on indicators (fr.avec.estimate.Indicator names), one per indicator and use case.
CREATE TABLE needs_objective (
    use_case    VARCHAR(64) NOT NULL REFERENCES needs_sheet (use_case),
    indicator   VARCHAR(64) NOT NULL,
    comparison  VARCHAR(16) NOT NULL,
    target      DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (use_case, indicator)
);

-- The care service of a person, for indicators per service (set by the referent or the administrator).
CREATE TABLE estimate_service (
    user_name  VARCHAR(128) NOT NULL PRIMARY KEY,
    service    VARCHAR(128) NOT NULL
);

-- The corrections analysis of one validated document, computed once after validation. No patient text.
CREATE TABLE document_analysis (
    consultation_id      BIGINT        NOT NULL PRIMARY KEY,
    activity_day         DATE          NOT NULL,
    validated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    use_case             VARCHAR(64)   NOT NULL,
    template_code        VARCHAR(64)   NOT NULL,
    template_version     INTEGER       NOT NULL,
    model                VARCHAR(128)  NOT NULL,
    model_version        VARCHAR(128)  NOT NULL,
    service              VARCHAR(128)  NOT NULL,
    owner                VARCHAR(128)  NOT NULL,
    ai_used              BOOLEAN       NOT NULL,
    draft_words          INTEGER       NOT NULL,
    validated_words      INTEGER       NOT NULL,
    edits                INTEGER       NOT NULL,
    edit_rate            DOUBLE PRECISION NOT NULL,
    -- Histogram bucket of the edit rate: min(19, floor(rate * 20)).
    bucket               INTEGER       NOT NULL,
    unedited             BOOLEAN       NOT NULL,
    rejected             BOOLEAN       NOT NULL,
    seconds_to_validate  BIGINT,
    rubber_stamp         BOOLEAN       NOT NULL,
    findings             INTEGER       NOT NULL,
    unresolved_drug      INTEGER       NOT NULL,
    added_numbers        INTEGER       NOT NULL,
    removed_numbers      INTEGER       NOT NULL,
    prompt_tokens        BIGINT        NOT NULL,
    completion_tokens    BIGINT        NOT NULL,
    energy_wh            DOUBLE PRECISION NOT NULL,
    gwp_g                DOUBLE PRECISION NOT NULL,
    -- Most changed sections, « Conclusion=0.42;Motif=0.10 » (edit rate per section heading).
    sections             VARCHAR(2000) NOT NULL
);

CREATE INDEX document_analysis_day ON document_analysis (activity_day, use_case);
CREATE INDEX document_analysis_owner ON document_analysis (owner, activity_day);

-- What became of each kind of finding raised on the draft of a document (counts).
CREATE TABLE document_finding (
    consultation_id  BIGINT      NOT NULL,
    kind             VARCHAR(64) NOT NULL,
    raised           INTEGER     NOT NULL,
    fixed            INTEGER     NOT NULL,
    dismissed        INTEGER     NOT NULL,
    accepted         INTEGER     NOT NULL,
    PRIMARY KEY (consultation_id, kind)
);

-- Daily roll-up of document_analysis per dimension; edit rates of AI drafts as a histogram of 20 buckets
-- of 5 % (h_i holds rates in [i/20, (i+1)/20), h19 includes 1) so medians come from the roll-up.
-- unresolved_drug counts documents validated with at least one drug finding left open.
CREATE TABLE estimate_day (
    activity_day      DATE         NOT NULL,
    use_case          VARCHAR(64)  NOT NULL,
    template_code     VARCHAR(64)  NOT NULL,
    template_version  INTEGER      NOT NULL,
    model             VARCHAR(128) NOT NULL,
    model_version     VARCHAR(128) NOT NULL,
    service           VARCHAR(128) NOT NULL,
    documents         INTEGER      NOT NULL,
    without_ai        INTEGER      NOT NULL,
    unedited          INTEGER      NOT NULL,
    rejected          INTEGER      NOT NULL,
    rubber_stamps     INTEGER      NOT NULL,
    findings          INTEGER      NOT NULL,
    unresolved_drug   INTEGER      NOT NULL,
    edit_rate_sum     DOUBLE PRECISION NOT NULL,
    seconds_sum       BIGINT       NOT NULL,
    prompt_tokens     BIGINT       NOT NULL,
    completion_tokens BIGINT       NOT NULL,
    energy_wh         DOUBLE PRECISION NOT NULL,
    gwp_g             DOUBLE PRECISION NOT NULL,
    h0                INTEGER      NOT NULL,
    h1                INTEGER      NOT NULL,
    h2                INTEGER      NOT NULL,
    h3                INTEGER      NOT NULL,
    h4                INTEGER      NOT NULL,
    h5                INTEGER      NOT NULL,
    h6                INTEGER      NOT NULL,
    h7                INTEGER      NOT NULL,
    h8                INTEGER      NOT NULL,
    h9                INTEGER      NOT NULL,
    h10               INTEGER      NOT NULL,
    h11               INTEGER      NOT NULL,
    h12               INTEGER      NOT NULL,
    h13               INTEGER      NOT NULL,
    h14               INTEGER      NOT NULL,
    h15               INTEGER      NOT NULL,
    h16               INTEGER      NOT NULL,
    h17               INTEGER      NOT NULL,
    h18               INTEGER      NOT NULL,
    h19               INTEGER      NOT NULL
);

CREATE INDEX estimate_day_day ON estimate_day (activity_day, use_case);

-- Daily roll-up of document_finding: alert precision per kind.
CREATE TABLE estimate_finding_day (
    activity_day      DATE         NOT NULL,
    use_case          VARCHAR(64)  NOT NULL,
    template_code     VARCHAR(64)  NOT NULL,
    model             VARCHAR(128) NOT NULL,
    model_version     VARCHAR(128) NOT NULL,
    service           VARCHAR(128) NOT NULL,
    kind              VARCHAR(64)  NOT NULL,
    raised            INTEGER      NOT NULL,
    fixed             INTEGER      NOT NULL,
    dismissed         INTEGER      NOT NULL,
    accepted          INTEGER      NOT NULL
);

CREATE INDEX estimate_finding_day_day ON estimate_finding_day (activity_day, use_case);

-- Daily roll-up of AI validations per person: the automation-bias warning reads it instead of every document.
CREATE TABLE estimate_owner_day (
    activity_day   DATE         NOT NULL,
    use_case       VARCHAR(64)  NOT NULL,
    service        VARCHAR(128) NOT NULL,
    owner          VARCHAR(128) NOT NULL,
    validations    INTEGER      NOT NULL,
    rubber_stamps  INTEGER      NOT NULL
);

CREATE INDEX estimate_owner_day_day ON estimate_owner_day (activity_day, use_case);

-- Daily roll-up of every gateway request from the audit trail (documents or not): volume, tokens, impact.
CREATE TABLE estimate_gateway_day (
    activity_day       DATE         NOT NULL,
    use_case           VARCHAR(64)  NOT NULL,
    upstream           VARCHAR(64)  NOT NULL,
    model              VARCHAR(128) NOT NULL,
    requests           BIGINT       NOT NULL,
    refused            BIGINT       NOT NULL,
    prompt_tokens      BIGINT       NOT NULL,
    completion_tokens  BIGINT       NOT NULL,
    energy_kwh         DOUBLE PRECISION NOT NULL,
    gwp_kg             DOUBLE PRECISION NOT NULL,
    unestimated        BIGINT       NOT NULL
);

CREATE INDEX estimate_gateway_day_day ON estimate_gateway_day (activity_day, use_case);

-- Documents are matched to their gateway request (tokens, energy) by request id.
CREATE INDEX audit_event_request ON audit_event (request_id);

-- How far the roll-ups have read the audit trail (one row).
CREATE TABLE estimate_watermark (
    id          INTEGER NOT NULL PRIMARY KEY,
    audit_seq   BIGINT  NOT NULL
);

INSERT INTO estimate_watermark (id, audit_seq) VALUES (1, 0);

-- One System Usability Scale questionnaire (answers 1–5, comma-separated in item order).
CREATE TABLE sus_response (
    id           BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    user_name    VARCHAR(128) NOT NULL,
    use_case     VARCHAR(64)  NOT NULL,
    answered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    answers      VARCHAR(64)  NOT NULL,
    score        DOUBLE PRECISION NOT NULL
);

CREATE INDEX sus_response_user ON sus_response (user_name, answered_at);
CREATE INDEX sus_response_use_case ON sus_response (use_case, answered_at);

-- Validated documents the AI referent marks as reference cases of their use case.
CREATE TABLE reference_case (
    consultation_id  BIGINT       NOT NULL PRIMARY KEY,
    use_case         VARCHAR(64)  NOT NULL,
    marked_by        VARCHAR(128) NOT NULL,
    marked_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Model versions reported by upstreams, as first seen: a new one triggers a drift replay.
CREATE TABLE model_version_seen (
    model          VARCHAR(128) NOT NULL,
    model_version  VARCHAR(128) NOT NULL,
    first_seen     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (model, model_version)
);

-- One replay of a use case's reference cases on a model.
CREATE TABLE drift_run (
    id                 BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    use_case           VARCHAR(64)  NOT NULL,
    model              VARCHAR(128) NOT NULL,
    model_version      VARCHAR(128),
    trigger_reason     VARCHAR(200) NOT NULL,
    started_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at        TIMESTAMP WITH TIME ZONE,
    status             VARCHAR(16)  NOT NULL,
    cases              INTEGER      NOT NULL,
    failed_cases       INTEGER      NOT NULL,
    baseline           VARCHAR(200),
    baseline_findings  DOUBLE PRECISION,
    findings_per_case  DOUBLE PRECISION,
    baseline_similarity DOUBLE PRECISION,
    similarity         DOUBLE PRECISION,
    degraded           BOOLEAN      NOT NULL,
    reasons            VARCHAR(2000)
);

CREATE INDEX drift_run_use_case ON drift_run (use_case, started_at);

-- The result of one reference case in one replay (counts and similarity; never the text).
CREATE TABLE drift_case (
    run_id           BIGINT       NOT NULL REFERENCES drift_run (id),
    consultation_id  BIGINT       NOT NULL,
    error_findings   INTEGER      NOT NULL,
    findings         INTEGER      NOT NULL,
    similarity       DOUBLE PRECISION NOT NULL,
    findings_by_kind VARCHAR(1000) NOT NULL,
    PRIMARY KEY (run_id, consultation_id)
);
