-- Views that read like answers, for Datasette and `janji export` (migration _m003_search_views).
-- Never edit a shipped version: write views_v2.sql and a migration that loads it.
-- Every row carries its source: source_title, source_url (web documents), document_id (the
-- stored document, text included) and stored_copy (sha256 of the raw bytes in raw_files).

-- What each official said or promised, with the position and OPD they held in that document.
create view commitment_details as
select
  c.id as commitment_id,
  coalesce(o.name, c.speaker) as speaker,
  o.full_name as speaker_full_name,
  r.position as position,
  opds.name as opd,
  coalesce(r.region, o.region) as region,
  c.date as date,
  cast(substr(c.date, 1, 4) as integer) as year,
  c.kind as kind,
  c.quote as quote,
  c.text as text,
  c.target_value as target_value,
  c.target_unit as target_unit,
  c.deadline as deadline,
  d.title as source_title,
  coalesce(d.canonical_url, d.url) as source_url,
  d.site as site,
  c.document_id as document_id,
  d.sha256 as stored_copy,
  c.official_id as official_id,
  c.start as start,
  c."end" as "end"
from commitments c
join documents d on d.id = c.document_id
left join officials o on o.id = c.official_id
-- the speaker's role as stated in this same document (the first one, if several)
left join official_roles r on r.id = (
  select min(id) from official_roles
  where document_id = c.document_id and official_id = c.official_id)
left join opds on opds.id = r.opd_id;

-- Who held which position, where and when (first and last document date it was seen).
create view official_timeline as
select
  o.id as official_id,
  o.name as official,
  o.full_name as full_name,
  r.position as position,
  opds.name as opd,
  opds.abbreviation as opd_abbreviation,
  r.region as region,
  min(r.date) as first_seen,
  max(r.date) as last_seen,
  count(distinct r.document_id) as documents,
  (select group_concat(alias, ' | ') from official_aliases a where a.official_id = o.id) as aliases
from official_roles r
join officials o on o.id = r.official_id
left join opds on opds.id = r.opd_id
group by r.official_id, r.position, r.opd_id, r.region;

-- Perjanjian Kinerja targets with their agreement: OPD, year, revision, both parties, page.
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
  d.sha256 as stored_copy
from agreement_targets t
join agreements a on a.id = t.agreement_id
join documents d on d.id = a.document_id
left join opds on opds.id = a.opd_id;

-- "Did the revised agreement lower it?": each indicator of an original PK beside the same
-- indicator in a PK Perubahan of the same OPD, region and year.
create view target_revisions as
select
  o.year as year,
  o.opd as opd,
  o.region as region,
  o.indikator as indikator,
  o.target as original_target,
  p.target as revised_target,
  o.unit as unit,
  p.value - o.value as change,
  case when p.value < o.value then 'lowered' when p.value > o.value then 'raised'
       when p.target = o.target then 'unchanged' else 'changed' end as direction,
  o.document_id as original_document_id,
  p.document_id as revised_document_id,
  o.source_title as original_source_title,
  p.source_title as revised_source_title
from target_details o
join target_details p
  on p.revision = 1 and o.revision = 0
 and p.year is o.year and p.opd is o.opd and p.region is o.region
 and lower(trim(p.indikator)) = lower(trim(o.indikator));

-- Each stored document with counts of what was extracted from it.
create view document_overview as
select
  d.id as document_id,
  d.title as title,
  d.kind as kind,
  d.site as site,
  d.published as published,
  cast(substr(d.published, 1, 4) as integer) as year,
  coalesce(d.canonical_url, d.url) as source_url,
  d.path as path,
  d.status as status,
  d.error as error,
  (select count(distinct official_id) from official_roles where document_id = d.id) as officials,
  (select count(distinct opd_id) from mentions where document_id = d.id and opd_id is not null) as opds,
  (select count(*) from commitments where document_id = d.id) as commitments,
  (select count(*) from event_dates where document_id = d.id) as event_dates,
  (select count(*) from agreements where document_id = d.id) as agreements,
  (select count(*) from agreement_targets t join agreements a on a.id = t.agreement_id
    where a.document_id = d.id) as targets,
  (select count(*) from agreement_programs p join agreements a on a.id = p.agreement_id
    where a.document_id = d.id) as programs,
  length(d.text) as text_chars,
  d.extractor_version as extractor_version,
  d.sha256 as stored_copy
from documents d;
