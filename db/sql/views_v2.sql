-- Views over the comparisons (migration _m005_comparisons): official timelines with their
-- evidence, PK Perubahan diffs, promise-to-target links for review, and the change feed.
-- Never edit a shipped version: write views_v3.sql and a migration that loads it.

-- Each official and the one they are counted as: the end of their chain of confirmed merges
-- (official_merges), themselves when none. Proposed and rejected merges change nothing.
create view official_canonical as
with recursive chain(official_id, canonical_id, depth) as (
  select id, id, 0 from officials
  union all
  select c.official_id, m.merged_into_id, c.depth + 1
  from chain c
  join official_merges m on m.official_id = c.canonical_id and m.status = 'confirmed'
  where c.depth < 10
)
select official_id, canonical_id, max(depth) as merges
from chain
group by official_id;

-- One row per piece of evidence that someone held a position: a role named in a document, a PK
-- signature, or a tenure event (inaugurated, appointed, acting, transferred, replaced, ended).
create view official_evidence as
select
  oc.canonical_id as official_id,
  co.name as official,
  co.full_name as full_name,
  e.recorded_as_id as recorded_as_id,
  o.name as recorded_as,
  e.position as position,
  case when e.position like 'Plt.%' then 'Plt.' when e.position like 'Pjs.%' then 'Pjs.'
       when e.position like 'Pj.%' then 'Pj.' when e.position like 'Plh.%' then 'Plh.' end as acting,
  trim(case when e.position like 'Plt.%' or e.position like 'Pjs.%' or e.position like 'Plh.%'
            then substr(e.position, 5)
            when e.position like 'Pj.%' then substr(e.position, 4) else e.position end) as base_position,
  e.opd as opd,
  e.region as region,
  e.date as date,
  e.evidence as evidence,
  e.text as text,
  e.document_id as document_id,
  d.title as source_title,
  coalesce(d.canonical_url, d.url) as source_url
from (
  select r.official_id as recorded_as_id, r.position, opds.name as opd, r.region, r.date,
         'named in document' as evidence,
         (select m.text from mentions m where m.document_id = r.document_id
            and m.official_id = r.official_id order by m.start limit 1) as text,
         r.document_id
  from official_roles r left join opds on opds.id = r.opd_id
  union all
  select a.first_party_official_id, a.first_party_position, opds.name, a.region, a.signed_date,
         'PK signature (first party)', a.first_party_full_name, a.document_id
  from agreements a left join opds on opds.id = a.opd_id
  where a.first_party_official_id is not null
  union all
  select a.second_party_official_id, a.second_party_position, null, a.region, a.signed_date,
         'PK signature (second party)', a.second_party_full_name, a.document_id
  from agreements a
  where a.second_party_official_id is not null
  union all
  select t.official_id, t.position,
         (select opds.name from official_roles r join opds on opds.id = r.opd_id
            where r.document_id = t.document_id and r.official_id = t.official_id limit 1),
         (select r.region from official_roles r
            where r.document_id = t.document_id and r.official_id = t.official_id limit 1),
         t.date, t.kind, t.text, t.document_id
  from tenure_events t
) e
join officials o on o.id = e.recorded_as_id
join official_canonical oc on oc.official_id = e.recorded_as_id
join officials co on co.id = oc.canonical_id
join documents d on d.id = e.document_id;

-- Who held which position, where and when, as spans with their evidence: acting roles (Plt., Pj.)
-- are spans of their own; confirmed merges count one person once.
create view official_spans as
select
  official_id,
  official,
  full_name,
  position,
  acting,
  base_position,
  opd,
  region,
  min(case when evidence in ('inaugurated', 'appointed', 'acting', 'handover', 'transferred') then date end) as started,
  min(date) as first_seen,
  max(date) as last_seen,
  max(case when evidence in ('ended', 'replaced') then date end) as ended,
  count(*) as evidence_count,
  count(distinct document_id) as documents,
  group_concat(distinct recorded_as) as recorded_as,
  group_concat(coalesce(date, '?') || ' ' || evidence || ' [document ' || document_id || ']: '
               || coalesce(text, ''), char(10)) as evidence
from (select * from official_evidence order by date, document_id)
group by official_id, position, opd, region;

-- Every row of every PK Perubahan diff with its agreement context (see `janji diff`).
create view target_change_details as
select
  c.id as change_id,
  c.diff_id as diff_id,
  g.year as year,
  g.opd as opd,
  g.region as region,
  g.revision_number as revision_number,
  c.change as change,
  c.sasaran as sasaran,
  c.indikator_before as indikator_before,
  c.indikator_after as indikator_after,
  c.target_before as target_before,
  c.target_after as target_after,
  c.value_before as value_before,
  c.value_after as value_after,
  c.unit_before as unit_before,
  c.unit_after as unit_after,
  c.change_pct as change_pct,
  c.similarity as similarity,
  c.reworded as reworded,
  c.candidates as candidates,
  g.original_signed_date as original_signed_date,
  g.revised_signed_date as revised_signed_date,
  g.original_document_id as original_document_id,
  g.revised_document_id as revised_document_id
from target_changes c
join agreement_diffs g on g.id = c.diff_id;

-- Budget per program across a PK and its PK Perubahan.
create view program_change_details as
select
  c.id as change_id,
  c.diff_id as diff_id,
  g.year as year,
  g.opd as opd,
  g.region as region,
  g.revision_number as revision_number,
  c.change as change,
  c.program_before as program_before,
  c.program_after as program_after,
  c.anggaran_before as anggaran_before,
  c.anggaran_after as anggaran_after,
  c.change_pct as change_pct,
  c.similarity as similarity,
  c.candidates as candidates,
  g.original_document_id as original_document_id,
  g.revised_document_id as revised_document_id
from program_changes c
join agreement_diffs g on g.id = c.diff_id;

-- Promise-to-target link candidates for review (`janji links confirm|reject ID`).
create view promise_link_review as
select
  l.id as link_id,
  l.status as status,
  l.score as score,
  l.reasons as reasons,
  coalesce(cd.speaker, '?') as speaker,
  cd.position as position,
  coalesce(cd.text, l.commitment_text) as commitment,
  cd.kind as kind,
  cd.target_value as promised_value,
  cd.target_unit as promised_unit,
  cd.date as promised_on,
  coalesce(td.indikator, l.target_indikator) as indikator,
  td.target as target,
  td.value as target_value,
  td.unit as target_unit,
  td.agreement as agreement,
  td.year as year,
  coalesce(td.opd, td.first_party_position) as opd,
  td.region as region,
  l.decided_at as decided_at,
  l.commitment_id as commitment_id,
  l.target_id as target_id,
  l.commitment_document_id as document_id,
  l.target_document_id as target_document_id
from promise_links l
left join commitment_details cd on cd.commitment_id = l.commitment_id
left join target_details td on td.target_id = l.target_id;

-- What is new: commitments, agreements, changed targets and budgets, tenure events; dated by
-- the event or the document's publication (changed_at) and by when janji stored it (stored_at).
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
join officials co on co.id = oc.canonical_id;
