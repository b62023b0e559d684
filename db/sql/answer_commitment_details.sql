-- Rows of the commitment_details table (answer_tables.sql): the body of the view it replaces
-- (views_v3.sql), for the commitments in {scope} (db/answer_tables.py fills it in).
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
left join opds on opds.id = r.opd_id
where {scope}
