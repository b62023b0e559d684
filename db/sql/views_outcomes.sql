-- Kept or missed (migration _m010_reports): each PK target in force at year end beside the row
-- of the performance report (LKjIP) that reports on it, and the outcome shown wherever a target
-- is shown. target_details and change_feed are those of views_v1.sql / views_v2.sql with
-- columns and rows added, nothing renamed or removed.
-- Never edit a shipped version: write a new file and a migration that loads it.

-- One row per target in force at year end (the PK Perubahan's value when there was one), matched
-- to the report row by indicator similarity (janji/outcomes.py stores the pairs in outcome_matches).
-- verdict: 'met' | 'not met' from the printed capaian (>= 100 is met), else from the values and
-- the direction (higher is better: realisasi >= target; lower is better: realisasi <= target);
-- 'no report' (no report row for it), 'ambiguous' (several report rows fit: see candidates),
-- 'unknown' (the report prints no usable realisation, or the direction is unknown).
create view target_outcomes as
select
  m.id as outcome_id,
  m.target_id as target_id,
  m.region as region,
  coalesce(opds.name, m.opd) as opd,
  opds.abbreviation as opd_abbreviation,
  m.year as year,
  t.sasaran as sasaran,
  coalesce(t.indikator, m.target_indikator) as indikator,
  t.unit as unit,
  t.target as target,
  t.value as target_value,
  x.realisasi as realisasi,
  x.realisasi_value as realisasi_value,
  x.capaian as capaian,
  x.kriteria as kriteria,
  x.direction as direction,
  case
    when m.candidates is not null then 'ambiguous'
    when x.id is null then 'no report'
    when x.capaian is not null then case when x.capaian >= 100 then 'met' else 'not met' end
    when x.realisasi_value is not null and coalesce(t.value, x.target_value) is not null
         and x.direction in ('higher', 'lower') then
      case when (x.direction = 'higher' and x.realisasi_value >= coalesce(t.value, x.target_value))
             or (x.direction = 'lower' and x.realisasi_value <= coalesce(t.value, x.target_value))
           then 'met' else 'not met' end
    -- a qualitative target ("WTP") reached as printed
    when t.value is null and x.realisasi_value is null and x.realisasi is not null
         and lower(trim(x.realisasi)) = lower(trim(coalesce(t.target, x.target))) then 'met'
    else 'unknown'
  end as verdict,
  case when m.revision_change in ('raised', 'lowered', 'target_changed', 'unit_changed', 'added')
       then 1 else 0 end as revised,
  m.revision_change as revision_change,
  -- made easier by the revision: a lower value, or a higher one for a lower-is-better indicator
  case when x.direction = 'lower' then m.revision_change = 'raised'
       else m.revision_change = 'lowered' end as eased,
  m.original_target as original_target,
  m.original_target_value as original_target_value,
  x.target as report_target,
  x.target_value as report_target_value,
  case
    when x.id is null or x.target is null then null
    when t.value is not null and x.target_value is not null then abs(t.value - x.target_value) > 1e-9
    when t.value is null and x.target_value is null then lower(trim(t.target)) <> lower(trim(x.target))
    else 1
  end as report_target_differs,
  x.indikator as report_indikator,
  m.similarity as similarity,
  m.candidates as candidates,
  case when a.revision then 'PK Perubahan' else 'PK' end as agreement,
  a.first_party_name as first_party,
  a.first_party_position as first_party_position,
  a.first_party_official_id as first_party_official_id,
  m.target_document_id as target_document_id,
  t.page as target_page,
  m.original_document_id as original_document_id,
  ot.page as original_page,
  m.report_document_id as report_document_id,
  x.page as report_page,
  coalesce(td.canonical_url, td.url) as target_source_url,
  coalesce(rd.canonical_url, rd.url) as report_source_url,
  rd.title as report_source_title
from outcome_matches m
left join agreement_targets t on t.id = m.target_id
left join agreements a on a.id = t.agreement_id
left join opds on opds.id = a.opd_id
left join agreement_targets ot on ot.id = m.original_target_id
left join achievements x on x.id = m.achievement_id
left join documents td on td.id = m.target_document_id
left join documents rd on rd.id = m.report_document_id;

-- Perjanjian Kinerja targets with their agreement: OPD, year, revision, both parties, page, and
-- the outcome of the target in force at year end (a PK target a PK Perubahan replaced shows the
-- outcome of its replacement).
create view target_details as
select
  t.id as target_id,
  a.id as agreement_id,
  a.year as year,
  a.revision as revision,
  case when a.revision then 'PK Perubahan' else 'PK' end as agreement,
  opds.name as opd,
  opds.abbreviation as opd_abbreviation,
  a.region as region,
  t.sasaran as sasaran,
  t.indikator as indikator,
  t.target as target,
  t.value as value,
  t.unit as unit,
  t.page as page,
  a.first_party_name as first_party,
  a.first_party_position as first_party_position,
  a.second_party_name as second_party,
  a.second_party_position as second_party_position,
  a.signed_place as signed_place,
  a.signed_date as signed_date,
  d.title as source_title,
  coalesce(d.canonical_url, d.url) as source_url,
  a.document_id as document_id,
  d.sha256 as stored_copy,
  -- the outcome of this target as it stood at year end (db/sql/views_outcomes.sql, target_outcomes)
  o.verdict as outcome,
  o.realisasi as outcome_realisasi,
  o.capaian as outcome_capaian,
  o.report_document_id as outcome_report_document_id,
  o.report_page as outcome_report_page
from agreement_targets t
join agreements a on a.id = t.agreement_id
join documents d on d.id = a.document_id
left join opds on opds.id = a.opd_id
left join target_outcomes o on o.outcome_id = (
  select min(m.id) from outcome_matches m where m.target_id = t.id or m.original_target_id = t.id);

-- What is new, and what the performance reports show: a target missed, or met after being lowered.
create view change_feed as
select
  coalesce(d.published, substr(d.fetched, 1, 10)) as changed_at,
  d.fetched as stored_at,
  'commitment' as item,
  'commitment:' || c.document_id || ':' || c.start as key,
  coalesce(co.name, c.speaker) as official,
  oc.canonical_id as official_id,
  (select opds.name from official_roles r join opds on opds.id = r.opd_id
     where r.document_id = c.document_id and r.official_id = c.official_id limit 1) as opd,
  (select r.region from official_roles r
     where r.document_id = c.document_id and r.official_id = c.official_id limit 1) as region,
  coalesce(co.name, c.speaker, '?') || ' (' || c.kind || '): ' || substr(c.text, 1, 120) as title,
  c.text as detail,
  c.document_id as document_id,
  d.title as source_title,
  coalesce(d.canonical_url, d.url) as source_url
from commitments c
join documents d on d.id = c.document_id
left join official_canonical oc on oc.official_id = c.official_id
left join officials co on co.id = oc.canonical_id
union all
select
  coalesce(d.published, a.signed_date, substr(d.fetched, 1, 10)),
  d.fetched,
  case when a.revision then 'revised agreement' else 'agreement' end,
  'agreement:' || a.document_id,
  a.first_party_name,
  oc.canonical_id,
  coalesce(opds.name, a.first_party_position),
  a.region,
  'PK ' || coalesce(a.year, '?') || case when a.revision then ' Perubahan' else '' end || ': '
    || coalesce(opds.name, a.first_party_position, '?') || ', ' || coalesce(a.region, '?'),
  (select count(*) from agreement_targets t where t.agreement_id = a.id) || ' targets, signed '
    || coalesce(a.signed_date, '?') || ' by ' || coalesce(a.first_party_full_name, '?'),
  a.document_id,
  d.title,
  coalesce(d.canonical_url, d.url)
from agreements a
join documents d on d.id = a.document_id
left join opds on opds.id = a.opd_id
left join official_canonical oc on oc.official_id = a.first_party_official_id
union all
select
  coalesce(d.published, g.revised_signed_date, substr(d.fetched, 1, 10)),
  d.fetched,
  'target ' || c.change,
  'target-change:' || g.revised_document_id || ':' || coalesce(c.indikator_before, c.indikator_after),
  a.first_party_name,
  oc.canonical_id,
  g.opd,
  g.region,
  coalesce(c.indikator_after, c.indikator_before) || ': ' || coalesce(c.target_before, '-') || ' -> '
    || coalesce(c.target_after, '-') || coalesce(' ' || coalesce(c.unit_after, c.unit_before), '')
    || coalesce(' (' || c.change_pct || ' %)', ''),
  'PK Perubahan ' || coalesce(g.year, '?') || ' ' || coalesce(g.opd, '?') || ', ' || coalesce(g.region, '?')
    || ': target ' || c.change,
  g.revised_document_id,
  d.title,
  coalesce(d.canonical_url, d.url)
from target_changes c
join agreement_diffs g on g.id = c.diff_id
join documents d on d.id = g.revised_document_id
left join agreements a on a.id = g.revised_agreement_id
left join official_canonical oc on oc.official_id = a.first_party_official_id
where c.change <> 'unchanged'
union all
select
  coalesce(d.published, g.revised_signed_date, substr(d.fetched, 1, 10)),
  d.fetched,
  'budget ' || c.change,
  'program-change:' || g.revised_document_id || ':' || coalesce(c.program_before, c.program_after),
  a.first_party_name,
  oc.canonical_id,
  g.opd,
  g.region,
  coalesce(c.program_after, c.program_before) || ': ' || coalesce(cast(c.anggaran_before as integer), '-')
    || ' -> ' || coalesce(cast(c.anggaran_after as integer), '-') || coalesce(' (' || c.change_pct || ' %)', ''),
  'PK Perubahan ' || coalesce(g.year, '?') || ' ' || coalesce(g.opd, '?') || ', ' || coalesce(g.region, '?')
    || ': budget ' || c.change,
  g.revised_document_id,
  d.title,
  coalesce(d.canonical_url, d.url)
from program_changes c
join agreement_diffs g on g.id = c.diff_id
join documents d on d.id = g.revised_document_id
left join agreements a on a.id = g.revised_agreement_id
left join official_canonical oc on oc.official_id = a.first_party_official_id
where c.change not in ('unchanged', 'ambiguous')
union all
select
  coalesce(t.date, d.published, substr(d.fetched, 1, 10)),
  d.fetched,
  'tenure ' || t.kind,
  'tenure:' || t.document_id || ':' || t.kind || ':' || t.start,
  co.name,
  oc.canonical_id,
  (select opds.name from official_roles r join opds on opds.id = r.opd_id
     where r.document_id = t.document_id and r.official_id = t.official_id limit 1),
  (select r.region from official_roles r
     where r.document_id = t.document_id and r.official_id = t.official_id limit 1),
  co.name || ' ' || t.kind || coalesce(': ' || t.position, ''),
  t.text,
  t.document_id,
  d.title,
  coalesce(d.canonical_url, d.url)
from tenure_events t
join documents d on d.id = t.document_id
join official_canonical oc on oc.official_id = t.official_id
join officials co on co.id = oc.canonical_id
union all
-- a report that shows a target missed, or met only after a PK Perubahan eased it
select
  coalesce(d.published, substr(d.fetched, 1, 10)),
  d.fetched,
  case when o.verdict = 'met' then 'target met after being lowered' else 'target missed' end,
  'outcome:' || o.report_document_id || ':' || o.indikator,
  o.first_party,
  oc.canonical_id,
  o.opd,
  o.region,
  o.indikator || ': target ' || coalesce(o.target, '-') || coalesce(' ' || o.unit, '')
    || case when o.eased then ' (lowered from ' || coalesce(o.original_target, '-') || ')' else '' end
    || ', realised ' || coalesce(o.realisasi, '-') || coalesce(' (capaian ' || o.capaian || ' %)', ''),
  'LKjIP ' || coalesce(o.year, '?') || ' ' || coalesce(o.opd, '?') || ', ' || coalesce(o.region, '?') || ': '
    || case when o.verdict = 'met' then 'target met after a PK Perubahan lowered it'
            else 'target not met' || case when o.eased then ' although a PK Perubahan lowered it' else '' end end,
  o.report_document_id,
  d.title,
  coalesce(d.canonical_url, d.url)
from target_outcomes o
join documents d on d.id = o.report_document_id
left join official_canonical oc on oc.official_id = o.first_party_official_id
where o.verdict = 'not met' or (o.verdict = 'met' and o.eased);
