-- Migration _m011_answer_tables: target_revisions read from the PK Perubahan diff
-- (target_changes, written by db/store_comparisons.py) instead of pairing identical indicators,
-- so it shows every change kind the diff finds, with the change in percent and points beside it.
-- Replaces the view of the same name in views_outcomes.sql (_m010), its columns kept (the
-- outcome of the revised target included). Never edit a shipped version: write
-- views_v5.sql and a migration that loads it.

-- "Did the revised agreement lower it?": each indicator of a PK beside the same indicator in the
-- PK Perubahan that revised it (same OPD, region and year; reworded indicators matched, added and
-- dropped ones on their own row). A second revision is compared with the first.
create view target_revisions as
select
  g.year as year,
  g.opd as opd,
  g.region as region,
  coalesce(c.indikator_before, c.indikator_after) as indikator,
  c.target_before as original_target,
  c.target_after as revised_target,
  coalesce(c.unit_before, c.unit_after) as unit,
  -- in points, as this column always was; change_percent is the unit of the diff
  case when c.change <> 'unit_changed' then c.value_after - c.value_before end as change,
  case when c.reworded and c.change = 'unchanged' then 'reworded' else c.change end as direction,
  g.original_document_id as original_document_id,
  g.revised_document_id as revised_document_id,
  od.title as original_source_title,
  rd.title as revised_source_title,
  -- was the revised target met? (target_outcomes, through target_details)
  p.outcome as outcome,
  p.outcome_realisasi as realisasi,
  p.outcome_capaian as capaian,
  p.outcome_report_document_id as report_document_id,
  case when c.change <> 'unit_changed' then c.change_pct end as change_percent,
  -- percentage points when the unit is %, else the difference in the target's unit
  case when c.change <> 'unit_changed' then c.value_after - c.value_before end as change_points,
  c.change as change_kind,
  c.reworded as reworded,
  c.indikator_after as revised_indikator,
  c.sasaran as sasaran,
  c.value_before as original_value,
  c.value_after as revised_value,
  c.unit_after as revised_unit,
  c.similarity as similarity,
  c.candidates as candidates,
  g.revision_number as revision_number,
  g.original_signed_date as original_signed_date,
  g.revised_signed_date as revised_signed_date,
  coalesce(od.canonical_url, od.url) as original_source_url,
  coalesce(rd.canonical_url, rd.url) as revised_source_url,
  c.diff_id as diff_id,
  c.id as change_id
from target_changes c
join agreement_diffs g on g.id = c.diff_id
left join documents od on od.id = g.original_document_id
left join documents rd on rd.id = g.revised_document_id
left join target_details p on p.target_id = (
  select min(t.id) from agreement_targets t
  where t.agreement_id = g.revised_agreement_id and t.indikator = c.indikator_after);
