-- Idempotent creation for every create a client may retry (orders, offerings, deliveries, corrections,
-- payments, manual holds): one key of one owner in one scope names one request (by its hash) and what it made.
create table idempotency_key (
    scope        text        not null,
    owner        text        not null,
    idem_key     text        not null,
    request_hash text        not null,
    -- set in the same transaction as the creation; a rolled-back creation leaves no key behind
    resource_id  text,
    created_at   timestamptz not null default now(),
    primary key (scope, owner, idem_key)
);
