-- Contract version 2 (migration _m007_contract_v2): quotations apart from commitments, acting
-- roles (Plt., Pj., Plh., Pjs.) read from their own column, never parsed out of a title.
-- Replaces the views of the same name in views_v1.sql / views_v2.sql. Never edit a shipped
-- version: write views_v4.sql and a migration that loads it.

-- Each commitment sentence once (pledge, instruction, target), quoted or reported: what each official
-- promised or asked for, with the position and OPD they held in that document.
create view commitment_details as
select
  c.id as commitment_id,
  coalesce(o.name, c.speaker) as speaker,
  o.full_name as speaker_full_name,
  trim(coalesce(r.acting || ' ', '') || r.position) as position,
  r.acting as acting,
  opds.name as opd,
  coalesce(r.region, o.region) as region,
  c.date as date,
  cast(substr(c.date, 1, 4) as integer) as year,
  c.kind as kind,
  c.quoted as quoted,
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
  trim(coalesce(r.acting || ' ', '') || r.position) as position,
  r.acting as acting,
  r.position as base_position,
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
group by r.official_id, r.acting, r.position, r.opd_id, r.region;

-- One row per piece of evidence that someone held a position: a role named in a document, a PK
-- signature, or a tenure event (inaugurated, appointed, acting, transferred, replaced, ended).
create view official_evidence as
select
  oc.canonical_id as official_id,
  co.name as official,
  co.full_name as full_name,
  e.recorded_as_id as recorded_as_id,
  o.name as recorded_as,
  trim(coalesce(e.acting || ' ', '') || e.position) as position,
  e.acting as acting,
  e.position as base_position,
  e.opd as opd,
  e.region as region,
  e.date as date,
  e.evidence as evidence,
  e.text as text,
  e.document_id as document_id,
  d.title as source_title,
  coalesce(d.canonical_url, d.url) as source_url
from (
  select r.official_id as recorded_as_id, r.position, r.acting, opds.name as opd, r.region, r.date,
         'named in document' as evidence,
         (select m.text from mentions m where m.document_id = r.document_id
            and m.official_id = r.official_id order by m.start limit 1) as text,
         r.document_id
  from official_roles r left join opds on opds.id = r.opd_id
  union all
  select a.first_party_official_id, a.first_party_position, a.first_party_acting, opds.name, a.region, a.signed_date,
         'PK signature (first party)', a.first_party_full_name, a.document_id
  from agreements a left join opds on opds.id = a.opd_id
  where a.first_party_official_id is not null
  union all
  select a.second_party_official_id, a.second_party_position, a.second_party_acting, null, a.region, a.signed_date,
         'PK signature (second party)', a.second_party_full_name, a.document_id
  from agreements a
  where a.second_party_official_id is not null
  union all
  select t.official_id, t.position, t.acting,
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
  (select count(*) from quotes where document_id = d.id) as quotes,
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

-- Every direct quotation once, with its speaker, the position they held in that document and the source.
create view quote_details as
select
  q.id as quote_id,
  coalesce(o.name, q.speaker) as speaker,
  trim(coalesce(r.acting || ' ', '') || r.position) as position,
  opds.name as opd,
  coalesce(r.region, o.region) as region,
  q.date as date,
  cast(substr(q.date, 1, 4) as integer) as year,
  q.text as text,
  d.title as source_title,
  coalesce(d.canonical_url, d.url) as source_url,
  d.site as site,
  q.document_id as document_id,
  q.official_id as official_id,
  q.start as start,
  q."end" as "end"
from quotes q
join documents d on d.id = q.document_id
left join officials o on o.id = q.official_id
left join official_roles r on r.id = (
  select min(id) from official_roles
  where document_id = q.document_id and official_id = q.official_id)
left join opds on opds.id = r.opd_id;
