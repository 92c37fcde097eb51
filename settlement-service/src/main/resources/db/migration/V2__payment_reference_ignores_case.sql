-- settlement-service: a bank transfer's reference ignores case and surrounding spaces, so "pay-bb-001" and
-- "PAY-BB-001" are one transfer and may pay one batch only. The reference is still stored as typed; what is
-- unique is lower(trim(payment_reference)). This replaces V1's case-sensitive unique constraint.

alter table settlement_batch drop constraint settlement_batch_payment_reference_key;

-- Batches already paid twice with one reference (differing only in case or spaces) are history: a PAID batch can
-- no longer change (settlement_batch_guard), so they cannot be repaired here. The earliest payment of each such
-- reference is covered by the index like every other; the later ones are named below, left out of the index
-- and reported, for finance to look into. Every new payment is checked against all of them.
do $$
declare
    later bigint[];
begin
    select coalesce(array_agg(id order by id), '{}') into later
      from (select id, row_number() over (partition by lower(trim(payment_reference)) order by paid_at, id) as nth
              from settlement_batch where payment_reference is not null) r
     where nth > 1;
    if cardinality(later) = 0 then
        create unique index settlement_batch_payment_reference_unique
            on settlement_batch (lower(trim(payment_reference))) where payment_reference is not null;
    else
        raise warning 'settlement batches % were paid with a payment reference an earlier batch already used '
            '(ignoring case and spaces); they stay as paid and are left out of the unique index', later;
        execute format('create unique index settlement_batch_payment_reference_unique '
            'on settlement_batch (lower(trim(payment_reference))) '
            'where payment_reference is not null and id <> all (%L::bigint[])', later);
    end if;
end $$;

comment on index settlement_batch_payment_reference_unique is
    'one bank transfer pays one batch: payment references are unique ignoring case and surrounding spaces';
