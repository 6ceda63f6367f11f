-- Why: every organisation may belong to one of the 44 Stadt- und Landkreise of Baden-Württemberg,
-- and the officers filter by Regierungsbezirk. This reference data is official (AGS Kreisschlüssel,
-- Statistisches Landesamt BW) and ships with the app so it works offline from the first start.
-- app_meta records facts about the data file itself (when it was created).

CREATE TABLE app_meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

INSERT INTO app_meta (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

CREATE TABLE regions (
    -- 3-digit official key of the Regierungsbezirk (081 … 084)
    code TEXT PRIMARY KEY NOT NULL CHECK (length(code) = 3),
    name TEXT NOT NULL UNIQUE
) STRICT;

INSERT INTO regions (code, name) VALUES
    ('081', 'Stuttgart'),
    ('082', 'Karlsruhe'),
    ('083', 'Freiburg'),
    ('084', 'Tübingen');

CREATE TABLE districts (
    -- 5-digit Kreisschlüssel (AGS without the municipality part), e.g. 08111 = Stuttgart
    ags         TEXT PRIMARY KEY NOT NULL CHECK (length(ags) = 5),
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('stadtkreis', 'landkreis')),
    region_code TEXT NOT NULL REFERENCES regions (code),
    UNIQUE (name, kind)
) STRICT;

CREATE INDEX districts_region ON districts (region_code);

INSERT INTO districts (ags, name, kind, region_code) VALUES
    -- Regierungsbezirk Stuttgart
    ('08111', 'Stuttgart',                  'stadtkreis', '081'),
    ('08115', 'Böblingen',                  'landkreis',  '081'),
    ('08116', 'Esslingen',                  'landkreis',  '081'),
    ('08117', 'Göppingen',                  'landkreis',  '081'),
    ('08118', 'Ludwigsburg',                'landkreis',  '081'),
    ('08119', 'Rems-Murr-Kreis',            'landkreis',  '081'),
    ('08121', 'Heilbronn',                  'stadtkreis', '081'),
    ('08125', 'Heilbronn',                  'landkreis',  '081'),
    ('08126', 'Hohenlohekreis',             'landkreis',  '081'),
    ('08127', 'Schwäbisch Hall',            'landkreis',  '081'),
    ('08128', 'Main-Tauber-Kreis',          'landkreis',  '081'),
    ('08135', 'Heidenheim',                 'landkreis',  '081'),
    ('08136', 'Ostalbkreis',                'landkreis',  '081'),
    -- Regierungsbezirk Karlsruhe
    ('08211', 'Baden-Baden',                'stadtkreis', '082'),
    ('08212', 'Karlsruhe',                  'stadtkreis', '082'),
    ('08215', 'Karlsruhe',                  'landkreis',  '082'),
    ('08216', 'Rastatt',                    'landkreis',  '082'),
    ('08221', 'Heidelberg',                 'stadtkreis', '082'),
    ('08222', 'Mannheim',                   'stadtkreis', '082'),
    ('08225', 'Neckar-Odenwald-Kreis',      'landkreis',  '082'),
    ('08226', 'Rhein-Neckar-Kreis',         'landkreis',  '082'),
    ('08231', 'Pforzheim',                  'stadtkreis', '082'),
    ('08235', 'Calw',                       'landkreis',  '082'),
    ('08236', 'Enzkreis',                   'landkreis',  '082'),
    ('08237', 'Freudenstadt',               'landkreis',  '082'),
    -- Regierungsbezirk Freiburg
    ('08311', 'Freiburg im Breisgau',       'stadtkreis', '083'),
    ('08315', 'Breisgau-Hochschwarzwald',   'landkreis',  '083'),
    ('08316', 'Emmendingen',                'landkreis',  '083'),
    ('08317', 'Ortenaukreis',               'landkreis',  '083'),
    ('08325', 'Rottweil',                   'landkreis',  '083'),
    ('08326', 'Schwarzwald-Baar-Kreis',     'landkreis',  '083'),
    ('08327', 'Tuttlingen',                 'landkreis',  '083'),
    ('08335', 'Konstanz',                   'landkreis',  '083'),
    ('08336', 'Lörrach',                    'landkreis',  '083'),
    ('08337', 'Waldshut',                   'landkreis',  '083'),
    -- Regierungsbezirk Tübingen
    ('08415', 'Reutlingen',                 'landkreis',  '084'),
    ('08416', 'Tübingen',                   'landkreis',  '084'),
    ('08417', 'Zollernalbkreis',            'landkreis',  '084'),
    ('08421', 'Ulm',                        'stadtkreis', '084'),
    ('08425', 'Alb-Donau-Kreis',            'landkreis',  '084'),
    ('08426', 'Biberach',                   'landkreis',  '084'),
    ('08435', 'Bodenseekreis',              'landkreis',  '084'),
    ('08436', 'Ravensburg',                 'landkreis',  '084'),
    ('08437', 'Sigmaringen',                'landkreis',  '084');
