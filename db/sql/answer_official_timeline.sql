-- Rows of the official_timeline table (answer_timeline.sql): the body of the view it replaces
-- (views_v3.sql), for the officials in {scope} (db/answer_tables.py fills it in).
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
where {scope}
group by r.official_id, r.acting, r.position, r.opd_id, r.region
