-- settlement-service: the double-entry ledger, monthly settlement batches per partner, and the time series
-- of voucher holds/redemptions behind the finance dashboard's burn-down. Money is integer fen.

-- Rows of these tables are history: nothing ever updates or deletes them.
create or replace function settlement_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: a correction is a new entry', tg_table_name
        using errcode = 'restrict_violation';
end $$;

-- ---------------------------------------------------------------- settlement batches
-- One batch per partner and calendar month (Asia/Shanghai): OPEN → CLOSED (totals frozen) → APPROVED → PAID.
create table settlement_batch (
    id                bigint generated always as identity primary key,
    partner_id        text        not null,
    period            char(7)     not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    status            text        not null default 'OPEN' check (status in ('OPEN', 'CLOSED', 'APPROVED', 'PAID')),
    -- frozen at close; null while OPEN (then the statement is summed live from the entries)
    entry_count       int,
    buyer_paid_fen    bigint,
    suanli_fen        bigint,
    zhineng_fen       bigint,
    total_fen         bigint,
    closed_at         timestamptz,
    closed_by         text,
    approved_at       timestamptz,
    approved_by       text,
    paid_at           timestamptz,
    paid_by           text,
    -- the bank transfer's reference: one payment pays one batch
    payment_reference text unique,
    created_at        timestamptz not null default now(),
    version           int         not null default 0,
    unique (partner_id, period),
    constraint frozen_when_closed check (status = 'OPEN' or (entry_count is not null and total_fen is not null
        and buyer_paid_fen is not null and suanli_fen is not null and zhineng_fen is not null and closed_at is not null)),
    constraint totals_add_up check (total_fen is null or total_fen = buyer_paid_fen + suanli_fen + zhineng_fen),
    constraint approved_has_approver check (status not in ('APPROVED', 'PAID') or approved_at is not null),
    constraint paid_has_reference check ((status = 'PAID') = (payment_reference is not null and paid_at is not null))
);
create index settlement_batch_status on settlement_batch (status, period);

-- The life of a batch, guarded by the database too: only forward, one step at a time, and nothing that a
-- closed batch froze may change afterwards.
create or replace function settlement_batch_guard() returns trigger language plpgsql as $$
begin
    if new.partner_id <> old.partner_id or new.period <> old.period or new.created_at <> old.created_at then
        raise exception 'a settlement batch never changes partner or period' using errcode = 'restrict_violation';
    end if;
    if not ((old.status = new.status and old.status = 'OPEN')
            or (old.status = 'OPEN' and new.status = 'CLOSED')
            or (old.status = 'CLOSED' and new.status = 'APPROVED')
            or (old.status = 'APPROVED' and new.status = 'PAID')) then
        raise exception 'settlement batch % cannot go from % to %', old.id, old.status, new.status
            using errcode = 'restrict_violation';
    end if;
    if old.status <> 'OPEN' and (new.entry_count is distinct from old.entry_count
            or new.buyer_paid_fen is distinct from old.buyer_paid_fen or new.suanli_fen is distinct from old.suanli_fen
            or new.zhineng_fen is distinct from old.zhineng_fen or new.total_fen is distinct from old.total_fen
            or new.closed_at is distinct from old.closed_at or new.closed_by is distinct from old.closed_by) then
        raise exception 'settlement batch % is closed: its totals are frozen', old.id using errcode = 'restrict_violation';
    end if;
    if old.status in ('APPROVED', 'PAID') and (new.approved_at is distinct from old.approved_at
            or new.approved_by is distinct from old.approved_by) then
        raise exception 'settlement batch % approval is history', old.id using errcode = 'restrict_violation';
    end if;
    return new;
end $$;
create trigger settlement_batch_guard before update on settlement_batch
    for each row execute function settlement_batch_guard();
create trigger settlement_batch_no_delete before delete on settlement_batch
    for each row execute function settlement_refuse_change();

-- ---------------------------------------------------------------- journal
-- One entry per completed order (kind ORDER_COMPLETED, at most one per order) and any number of
-- corrections, each naming the entry it corrects. The amounts are the entry's summary (a correction's are
-- signed differences); the postings below are the double entry itself.
create table journal_entry (
    id                bigint generated always as identity primary key,
    kind              text        not null check (kind in ('ORDER_COMPLETED', 'CORRECTION')),
    order_id          text        not null,
    corrects_entry_id bigint references journal_entry (id),
    -- the Kafka event that caused it (null for a correction made by finance)
    event_id          uuid unique,
    batch_id          bigint      not null references settlement_batch (id),
    buyer_id          text        not null,
    partner_id        text        not null,
    offering_id       text,
    facility_type     text,
    category          text,
    district          text,
    invoice_number    text,
    contract_date     date        not null,
    program_year      int         not null,
    -- month the order completed (Asia/Shanghai), YYYY-MM; a correction keeps its order's
    completed_month   char(7)     not null,
    completed_at      timestamptz not null,
    actual_amount_fen bigint      not null,
    buyer_pays_fen    bigint      not null,
    suanli_fen        bigint      not null,
    zhineng_fen       bigint      not null,
    partner_owed_fen  bigint      not null,
    reason            text,
    posted_by         text        not null,
    posted_at         timestamptz not null default now(),
    constraint correction_names_its_entry check ((kind = 'CORRECTION') = (corrects_entry_id is not null)),
    constraint correction_says_why check (kind <> 'CORRECTION' or (reason is not null and length(reason) > 0)),
    constraint completed_amounts_not_negative check (kind <> 'ORDER_COMPLETED'
        or (buyer_pays_fen >= 0 and suanli_fen >= 0 and zhineng_fen >= 0 and actual_amount_fen >= 0)),
    constraint owed_is_the_sum check (partner_owed_fen = buyer_pays_fen + suanli_fen + zhineng_fen)
);
-- One completion per order, whatever is replayed.
create unique index journal_entry_one_completion_per_order on journal_entry (order_id) where kind = 'ORDER_COMPLETED';
create index journal_entry_order on journal_entry (order_id);
create index journal_entry_batch on journal_entry (batch_id);
create index journal_entry_year on journal_entry (program_year, completed_month);

create table posting (
    id         bigint generated always as identity primary key,
    entry_id   bigint not null references journal_entry (id),
    line       int    not null,
    -- buyer:<id> | partner:<id> | program:SUANLI:<year> | program:ZHINENG:<year>
    account    text   not null check (account ~ '^(buyer|partner):.+$' or account ~ '^program:(SUANLI|ZHINENG):[0-9]{4}$'),
    side       char(1) not null check (side in ('D', 'C')),
    amount_fen bigint not null check (amount_fen > 0),
    memo       text,
    unique (entry_id, line)
);
create index posting_account on posting (account);

create trigger journal_entry_append_only before update or delete on journal_entry
    for each row execute function settlement_refuse_change();
create trigger posting_append_only before update or delete on posting
    for each row execute function settlement_refuse_change();
create trigger journal_entry_no_truncate before truncate on journal_entry
    for each statement execute function settlement_refuse_change();
create trigger posting_no_truncate before truncate on posting
    for each statement execute function settlement_refuse_change();

-- Debits equal credits for every entry, checked by the database when the transaction commits.
create or replace function settlement_entry_balanced() returns trigger language plpgsql as $$
declare
    imbalance bigint;
begin
    select coalesce(sum(case side when 'D' then amount_fen else -amount_fen end), 0) into imbalance
      from posting where entry_id = new.entry_id;
    if imbalance <> 0 then
        raise exception 'journal entry % does not balance: debits - credits = % fen', new.entry_id, imbalance
            using errcode = 'check_violation';
    end if;
    return null;
end $$;
create constraint trigger posting_balanced after insert on posting deferrable initially deferred
    for each row execute function settlement_entry_balanced();

-- An entry only ever lands in an OPEN batch (a closed batch cannot change).
create or replace function settlement_entry_into_open_batch() returns trigger language plpgsql as $$
declare
    batch_status text;
begin
    select status into batch_status from settlement_batch where id = new.batch_id for share;
    if batch_status is distinct from 'OPEN' then
        raise exception 'settlement batch % is % and takes no entries', new.batch_id, batch_status
            using errcode = 'restrict_violation';
    end if;
    return new;
end $$;
create trigger journal_entry_open_batch before insert on journal_entry
    for each row execute function settlement_entry_into_open_batch();

-- ---------------------------------------------------------------- voucher burn-down
-- What the vouchers topic told us, one row per program and event: the deltas of held and redeemed.
create table voucher_movement (
    id                 bigint generated always as identity primary key,
    event_id           uuid        not null,
    order_id           text        not null,
    buyer_id           text,
    program            text        not null check (program in ('SUANLI', 'ZHINENG')),
    program_year       int         not null,
    kind               text        not null check (kind in ('HELD', 'REDEEMED', 'RELEASED')),
    held_delta_fen     bigint      not null,
    redeemed_delta_fen bigint      not null,
    at                 timestamptz not null,
    unique (event_id, program)
);
create index voucher_movement_year on voucher_movement (program_year, program, at);
create trigger voucher_movement_append_only before update or delete on voucher_movement
    for each row execute function settlement_refuse_change();

-- The last budget figures voucher-service gave us, so the dashboard still shows a budget when it is down.
create table program_budget_snapshot (
    program      text        not null check (program in ('SUANLI', 'ZHINENG')),
    program_year int         not null,
    budget_fen   bigint      not null,
    held_fen     bigint      not null,
    redeemed_fen bigint      not null,
    fetched_at   timestamptz not null,
    primary key (program, program_year)
);

-- Events that could not be read at all (poison messages): kept for a person to look at, never retried.
create table unreadable_event (
    id          bigint generated always as identity primary key,
    channel     text        not null,
    problem     text        not null,
    body        text        not null,
    received_at timestamptz not null default now()
);
