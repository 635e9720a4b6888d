-- One spelling per unit number (normalizeUnitNumber in src/domain/unit-number.ts: NFC, trimmed,
-- inner runs of spaces collapsed to one, upper case). Before this, the device upper-cased, the
-- admin forms and the CSV import only trimmed, so "ab-12" and "AB-12" could be two units of one
-- customer with two price histories. This migration merges such units, stores every number
-- normalized, and adds a check so the unique (customerId, unitNumber) index compares normalized
-- numbers from now on.
--
-- Merging, per customer and normalized number:
-- - the oldest unit (createdAt, then id) survives; the others' repairs move to it, then they are
--   deleted;
-- - the survivor keeps its VIN, make, model and year, filled from the merged units where it has
--   none; it takes the highest windshield number and the latest replacement date;
-- - repairs keep their windshield number and their frozen price. Completed repairs on one
--   windshield of the survivor are renumbered 1, 2, 3... in completion order (then old ordinal,
--   then id), which is what counting one history would have given, so the next completion is
--   counted after all of them and no two share an ordinal;
-- - every merge writes a "unit.merge" audit entry on the survivor (the merged unit as it was and
--   the repairs moved), every moved or renumbered repair a "repair.unitMerge" entry, and every
--   unit whose fields changed a "unit.update" entry. The actor is empty: the system did it.
--
-- Upper case: upper() follows the database's locale, which may be C (ASCII letters only), so the
-- Latin-1 letters are upper-cased explicitly as the device does; other scripts follow upper().

CREATE TEMP TABLE "_unit_before" ON COMMIT DROP AS SELECT * FROM "Unit";

CREATE TEMP TABLE "_unit_key" ON COMMIT DROP AS
SELECT
  id,
  "customerId",
  "createdAt",
  replace(
    translate(
      upper(regexp_replace(regexp_replace(normalize("unitNumber", NFC), '\s+', ' ', 'g'), '^ | $', '', 'g')),
      'àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ',
      'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŸ'
    ),
    'ß',
    'SS'
  ) AS key
FROM "Unit";

CREATE TEMP TABLE "_unit_merge" ON COMMIT DROP AS
SELECT id AS "loserId", "survivorId"
FROM (
  SELECT id, first_value(id) OVER (PARTITION BY "customerId", key ORDER BY "createdAt", id) AS "survivorId"
  FROM "_unit_key"
) grouped
WHERE id <> "survivorId";

-- Every repair of a unit that absorbs others, where it goes and its ordinal there.
CREATE TEMP TABLE "_repair_move" ON COMMIT DROP AS
SELECT
  r.id,
  r."unitId" AS "fromUnitId",
  COALESCE(m."survivorId", r."unitId") AS "toUnitId",
  r."tierOrdinal" AS "fromOrdinal",
  CASE WHEN r."tierOrdinal" IS NOT NULL THEN
    row_number() OVER (
      PARTITION BY COALESCE(m."survivorId", r."unitId"), r."windshieldSeq", r."tierOrdinal" IS NULL
      ORDER BY r."completedAt" NULLS LAST, r."tierOrdinal", r.id
    )::int
  END AS "toOrdinal"
FROM "Repair" r
LEFT JOIN "_unit_merge" m ON m."loserId" = r."unitId"
WHERE COALESCE(m."survivorId", r."unitId") IN (SELECT "survivorId" FROM "_unit_merge");

INSERT INTO "AuditLog" (id, "actorId", "actorEmail", action, "entityType", "entityId", changes)
SELECT
  gen_random_uuid(),
  NULL,
  NULL,
  'unit.merge',
  'Unit',
  m."survivorId"::text,
  jsonb_build_object(
    'mergedUnit', jsonb_build_object('before', to_jsonb(l) - 'updatedAt', 'after', NULL),
    'repairIds', jsonb_build_object(
      'before', NULL,
      'after', COALESCE((SELECT jsonb_agg(mv.id ORDER BY mv.id) FROM "_repair_move" mv WHERE mv."fromUnitId" = l.id), '[]'::jsonb)
    )
  )
FROM "_unit_merge" m
JOIN "Unit" l ON l.id = m."loserId";

INSERT INTO "AuditLog" (id, "actorId", "actorEmail", action, "entityType", "entityId", changes)
SELECT
  gen_random_uuid(),
  NULL,
  NULL,
  'repair.unitMerge',
  'Repair',
  mv.id::text,
  CASE WHEN mv."fromUnitId" <> mv."toUnitId" THEN
    jsonb_build_object('unitId', jsonb_build_object('before', mv."fromUnitId", 'after', mv."toUnitId"))
  ELSE '{}'::jsonb END
  || CASE WHEN mv."fromOrdinal" IS DISTINCT FROM mv."toOrdinal" THEN
    jsonb_build_object('tierOrdinal', jsonb_build_object('before', mv."fromOrdinal", 'after', mv."toOrdinal"))
  ELSE '{}'::jsonb END
FROM "_repair_move" mv
WHERE mv."fromUnitId" <> mv."toUnitId" OR mv."fromOrdinal" IS DISTINCT FROM mv."toOrdinal";

-- Negative first: the unique (unitId, windshieldSeq, tierOrdinal) is checked row by row.
UPDATE "Repair" r
SET "unitId" = mv."toUnitId", "tierOrdinal" = -mv."toOrdinal", "updatedAt" = CURRENT_TIMESTAMP
FROM "_repair_move" mv
WHERE r.id = mv.id AND (mv."fromUnitId" <> mv."toUnitId" OR mv."fromOrdinal" IS DISTINCT FROM mv."toOrdinal");
UPDATE "Repair" SET "tierOrdinal" = -"tierOrdinal" WHERE "tierOrdinal" < 0;

UPDATE "Unit" s
SET
  "windshieldSeq" = GREATEST(s."windshieldSeq", merged."windshieldSeq"),
  "windshieldReplacedAt" = GREATEST(s."windshieldReplacedAt", merged."windshieldReplacedAt"),
  vin = COALESCE(s.vin, merged.vin),
  make = COALESCE(s.make, merged.make),
  model = COALESCE(s.model, merged.model),
  year = COALESCE(s.year, merged.year)
FROM (
  SELECT
    m."survivorId",
    max(l."windshieldSeq") AS "windshieldSeq",
    max(l."windshieldReplacedAt") AS "windshieldReplacedAt",
    (array_agg(l.vin ORDER BY l."createdAt", l.id) FILTER (WHERE l.vin IS NOT NULL))[1] AS vin,
    (array_agg(l.make ORDER BY l."createdAt", l.id) FILTER (WHERE l.make IS NOT NULL))[1] AS make,
    (array_agg(l.model ORDER BY l."createdAt", l.id) FILTER (WHERE l.model IS NOT NULL))[1] AS model,
    (array_agg(l.year ORDER BY l."createdAt", l.id) FILTER (WHERE l.year IS NOT NULL))[1] AS year
  FROM "_unit_merge" m
  JOIN "Unit" l ON l.id = m."loserId"
  GROUP BY m."survivorId"
) merged
WHERE s.id = merged."survivorId";

DELETE FROM "Unit" WHERE id IN (SELECT "loserId" FROM "_unit_merge");

UPDATE "Unit" u SET "unitNumber" = k.key
FROM "_unit_key" k
WHERE u.id = k.id AND u."unitNumber" <> k.key;

UPDATE "Unit" u SET "updatedAt" = CURRENT_TIMESTAMP
FROM "_unit_before" b
WHERE u.id = b.id
  AND (u."unitNumber", u."windshieldSeq", u."windshieldReplacedAt", u.vin, u.make, u.model, u.year)
    IS DISTINCT FROM (b."unitNumber", b."windshieldSeq", b."windshieldReplacedAt", b.vin, b.make, b.model, b.year);

INSERT INTO "AuditLog" (id, "actorId", "actorEmail", action, "entityType", "entityId", changes)
SELECT gen_random_uuid(), NULL, NULL, 'unit.update', 'Unit', u.id::text, changed.changes
FROM "Unit" u
JOIN "_unit_before" b ON b.id = u.id
CROSS JOIN LATERAL (
  SELECT jsonb_object_agg(field.name, jsonb_build_object('before', field.before, 'after', field.after)) AS changes
  FROM (VALUES
    ('unitNumber', to_jsonb(b."unitNumber"), to_jsonb(u."unitNumber")),
    ('windshieldSeq', to_jsonb(b."windshieldSeq"), to_jsonb(u."windshieldSeq")),
    ('windshieldReplacedAt', to_jsonb(b."windshieldReplacedAt"), to_jsonb(u."windshieldReplacedAt")),
    ('vin', to_jsonb(b.vin), to_jsonb(u.vin)),
    ('make', to_jsonb(b.make), to_jsonb(u.make)),
    ('model', to_jsonb(b.model), to_jsonb(u.model)),
    ('year', to_jsonb(b.year), to_jsonb(u.year))
  ) AS field(name, before, after)
  WHERE field.before IS DISTINCT FROM field.after
) changed
WHERE changed.changes IS NOT NULL;

-- Every writer stores normalizeUnitNumber's spelling; a write that did not would be refused here
-- instead of making a second unit that only differs by case or spaces.
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_unitNumber_normalized"
  CHECK ("unitNumber" !~ '[a-z]' AND "unitNumber" !~ '^ | $|  ');
