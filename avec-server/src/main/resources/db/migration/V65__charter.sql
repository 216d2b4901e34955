-- Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode.
-- The usage charter (issue #9, item 5): versions written by the AI referent, the catalogue of approved
-- uses and the list of prohibited uses of each version, and each person's acknowledgement of a version.
-- A version is never changed in place: an edit publishes the next one, which everyone acknowledges again.

CREATE TABLE charter_version (
    version       INTEGER       NOT NULL PRIMARY KEY,
    preamble_fr   TEXT          NOT NULL,
    preamble_en   TEXT          NOT NULL,
    change_note   VARCHAR(1000) NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by  VARCHAR(128)  NOT NULL
);

-- An approved use: `code` is the use case the workbench names (consultation, literature, education...).
CREATE TABLE charter_use (
    version   INTEGER       NOT NULL REFERENCES charter_version (version),
    position  INTEGER       NOT NULL,
    code      VARCHAR(64)   NOT NULL,
    label_fr  VARCHAR(1000) NOT NULL,
    label_en  VARCHAR(1000) NOT NULL,
    CONSTRAINT charter_use_key PRIMARY KEY (version, position),
    CONSTRAINT charter_use_code UNIQUE (version, code)
);

CREATE TABLE charter_prohibition (
    version   INTEGER       NOT NULL REFERENCES charter_version (version),
    position  INTEGER       NOT NULL,
    label_fr  VARCHAR(1000) NOT NULL,
    label_en  VARCHAR(1000) NOT NULL,
    CONSTRAINT charter_prohibition_key PRIMARY KEY (version, position)
);

CREATE TABLE charter_acknowledgement (
    user_name        VARCHAR(128) NOT NULL,
    version          INTEGER      NOT NULL REFERENCES charter_version (version),
    acknowledged_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT charter_acknowledgement_key PRIMARY KEY (user_name, version)
);

-- Version 1, written for Avec from the HAS guide (October 2025), the CNIL's guidance and the AI Act;
-- the sources are listed on the charter page. The referent adapts it to the establishment.
INSERT INTO charter_version (version, preamble_fr, preamble_en, change_note, published_at, published_by) VALUES (1,
'Cette charte encadre l''usage de l''intelligence artificielle (IA) générative dans l''établissement, au travers d''Avec. Elle s''applique à chaque professionnel qui s''en sert. L''IA générative produit des propositions : elle peut se tromper avec assurance (inventer un médicament, une dose, une référence) et ne remplace jamais le jugement clinique.
En acceptant cette charte, je m''engage à :
- n''utiliser l''IA générative que pour les usages du catalogue, jamais pour un usage interdit ;
- relire et vérifier chaque contenu produit (valeurs, doses, noms de médicaments, sources) avant de le valider : le document validé engage ma responsabilité ;
- ne jamais transmettre de données identifiantes ou couvertes par le secret médical en dehors de la passerelle Avec ;
- informer le patient de l''usage de l''IA et respecter son opposition ;
- signaler tout problème (médicament inventé, dose erronée, fuite de données, biais, omission) avec « Signaler un problème ».',
'This charter governs the use of generative artificial intelligence (AI) in the establishment, through Avec. It applies to every professional who uses it. Generative AI produces proposals: it can be confidently wrong (invent a drug, a dose, a reference) and never replaces clinical judgement.
By acknowledging this charter, I undertake to:
- use generative AI only for the uses in the catalogue, never for a prohibited use;
- read and check every output (values, doses, drug names, sources) before validating it: the validated document is my responsibility;
- never send identifying data or data covered by medical secrecy outside the Avec gateway;
- inform the patient that AI is used and respect his or her objection;
- report any problem (invented drug, wrong dose, data leak, bias, omission) with "Report a problem".',
'Première version', CURRENT_TIMESTAMP, 'avec');

INSERT INTO charter_use (version, position, code, label_fr, label_en) VALUES
(1, 1, 'consultation', 'Rédiger une proposition de compte rendu ou de courrier à partir de la transcription d''une consultation, relue, corrigée et validée par le professionnel.',
 'Drafting a proposed consultation report or letter from the consultation transcript, read, corrected and validated by the professional.'),
(1, 2, 'literature', 'Synthétiser la littérature scientifique à partir de références fournies par le professionnel, chaque citation étant vérifiée contre ces références.',
 'Summarising the scientific literature from references supplied by the professional, each citation being checked against them.'),
(1, 3, 'education', 'Concevoir des supports d''information et d''éducation thérapeutique pour les patients, relus par le professionnel et adaptés au niveau de lecture visé.',
 'Designing patient information and therapeutic education material, read by the professional and adapted to the intended reading level.');

INSERT INTO charter_prohibition (version, position, label_fr, label_en) VALUES
(1, 1, 'Prendre ou automatiser une décision diagnostique ou thérapeutique : l''IA propose, le professionnel décide.',
 'Making or automating a diagnostic or therapeutic decision: the AI proposes, the professional decides.'),
(1, 2, 'Rédiger ou transmettre une prescription sans relecture et validation par un professionnel habilité.',
 'Writing or sending a prescription without review and validation by an authorised professional.'),
(1, 3, 'Envoyer des données identifiantes ou couvertes par le secret médical à un outil d''IA public ou sans garantie de confidentialité (outil grand public, hors passerelle Avec).',
 'Sending identifying data or data covered by medical secrecy to a public AI tool or one without a confidentiality guarantee (consumer tool, outside the Avec gateway).'),
(1, 4, 'Remettre à un patient un contenu généré sans l''avoir relu et validé.',
 'Giving a patient generated content without having read and validated it.'),
(1, 5, 'Utiliser l''IA pour un patient qui s''y est opposé.',
 'Using AI for a patient who has objected to it.'),
(1, 6, 'Utiliser un outil d''IA qui ne figure pas au registre des outils de l''établissement.',
 'Using an AI tool that is not in the establishment''s register of AI tools.');
