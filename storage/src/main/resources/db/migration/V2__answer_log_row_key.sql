-- A key per answer-log row, so that a row written again after an outage (its first write may have
-- reached the database without the answer reaching the bot) is stored once. Rows written before
-- this version have none; a unique index allows any number of nulls.
alter table answer_log add column row_key varchar(64);
create unique index answer_log_row_key on answer_log (row_key);
