-- Rows of the quote_details table (answer_tables.sql): the body of the view it replaces
-- (views_v3.sql), for the quotations in {scope} (db/answer_tables.py fills it in).
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
left join opds on opds.id = r.opd_id
where {scope}
