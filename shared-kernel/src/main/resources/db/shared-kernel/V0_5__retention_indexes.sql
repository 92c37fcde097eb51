-- The retention sweep (kernel Retention) finds old rows by these without reading the whole table.
-- BRIN: rows arrive in time order, and a BRIN index costs next to nothing on the hot insert path.
create index outbox_event_published on outbox_event using brin (published_at);
create index inbox_event_applied on inbox_event using brin (applied_at);
