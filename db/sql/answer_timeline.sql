-- official_timeline as a table (migration _m013_official_timeline_table), kept by the writer like
-- the answer tables of answer_tables.sql: the view grouped every official role at each request
-- (about 1 s for a page of it at 100,000 documents). One row per official, acting prefix,
-- position, OPD and region; rows from answer_official_timeline.sql.
create table official_timeline (
  official_id integer,
  official text,
  full_name text,
  position text,
  acting text,
  base_position text,
  opd text,
  opd_abbreviation text,
  region text,
  first_seen text,
  last_seen text,
  documents integer,
  aliases text,
  -- a key of its own, so Datasette links rows by it rather than showing a bare rowid
  timeline_id integer primary key
);
create index idx_official_timeline_official_id on official_timeline(official_id);
-- the default sort (metadata.json: official) and the facets
create index idx_official_timeline_official on official_timeline(official);
create index idx_official_timeline_position on official_timeline(position);
create index idx_official_timeline_region on official_timeline(region);
create index idx_official_timeline_opd on official_timeline(opd);
