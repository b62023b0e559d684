-- The answer tables (migration _m011_answer_tables): commitment_details and quote_details were
-- join-heavy views; behind a search box or a facet at 100,000 documents (200,000 commitments)
-- they took seconds. They are now tables with the same names and columns, filled by the writer
-- (db/answer_tables.py, called from db/store.py and db/resolve.py) in the same transaction as
-- the rows they are derived from. Their rows come from the SELECTs in answer_<table>.sql.
-- Their primary key is the id of the row they answer for, so the FTS tables of commitments and
-- quotes (with the stemmed columns) search them by rowid. target_details stays a view (the
-- outcomes of _m010 join it): 16,000 targets at 100,000 documents, not 200,000 rows.

create table commitment_details (
  commitment_id integer primary key,
  speaker text,
  speaker_full_name text,
  position text,
  acting text,
  opd text,
  region text,
  date text,
  year integer,
  kind text,
  quoted integer,
  text text,
  target_value float,
  target_unit text,
  deadline text,
  source_title text,
  source_url text,
  site text,
  document_id integer,
  stored_copy text,
  official_id integer,
  start integer,
  "end" integer
);
-- the writer replaces a document's rows, and an official's when their name or region changes
create index idx_commitment_details_document on commitment_details(document_id);
create index idx_commitment_details_official on commitment_details(official_id, date);
-- facets count over an index instead of the table; the default sort (date desc) reads one
create index idx_commitment_details_region on commitment_details(region);
create index idx_commitment_details_kind on commitment_details(kind);
create index idx_commitment_details_year on commitment_details(year);
create index idx_commitment_details_opd on commitment_details(opd);
create index idx_commitment_details_date on commitment_details(date);

create table quote_details (
  quote_id integer primary key,
  speaker text,
  position text,
  opd text,
  region text,
  date text,
  year integer,
  text text,
  source_title text,
  source_url text,
  site text,
  document_id integer,
  official_id integer,
  start integer,
  "end" integer
);
create index idx_quote_details_document on quote_details(document_id);
create index idx_quote_details_official on quote_details(official_id, date);
create index idx_quote_details_region on quote_details(region);
create index idx_quote_details_year on quote_details(year);
create index idx_quote_details_opd on quote_details(opd);
create index idx_quote_details_date on quote_details(date);
