-- settlement-service: the public notice (公示) of subsidies granted, objections (异议) to them, and holding an
-- objected order out of settlement batches until the program office has answered. Money is integer fen.

-- ---------------------------------------------------------------- names for the notice
-- The names the events told us: buyers' (voucher-service's registry, on SubsidyRedeemed) and compute centres'
-- (the order's, on OrderCompleted). Organisations only; the latest name wins.
create table party_name (
    party_id   text        primary key,
    name       text        not null check (length(name) between 1 and 200),
    updated_at timestamptz not null
);

-- ---------------------------------------------------------------- the notice
-- One line per order with a subsidy, published when the ledger posts its completion. The objection window is
-- fixed at publication (a later change of the configured window does not move a published deadline).
create table public_notice (
    order_id            text        primary key,
    period              char(7)     not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    published_at        timestamptz not null,
    objection_closes_at timestamptz not null,
    constraint window_after_publication check (objection_closes_at > published_at)
);
create index public_notice_period on public_notice (period);

-- ---------------------------------------------------------------- objections
-- Filed by anyone (no login); the contact is for the program office only and never shown on public pages.
-- Nothing about the filer's connection (address) is stored. UPHELD waits for voucher-service's clawback:
-- clawback_entry_id names the CLAWBACK entry once the vouchers topic brought it.
create table objection (
    id                bigint generated always as identity primary key,
    order_id          text        not null references public_notice (order_id),
    contact           text        not null check (length(contact) between 1 and 100),
    reason            text        not null check (length(reason) between 1 and 2000),
    filed_at          timestamptz not null,
    status            text        not null default 'OPEN' check (status in ('OPEN', 'UPHELD', 'DISMISSED')),
    note              text        check (length(note) <= 2000),
    answered_by       text,
    answered_at       timestamptz,
    clawback_entry_id bigint      references journal_entry (id),
    constraint answered_with_a_note check ((status = 'OPEN') = (answered_at is null)
        and (status = 'OPEN' or (note is not null and length(note) > 0 and answered_by is not null))),
    constraint clawback_only_when_upheld check (clawback_entry_id is null or status = 'UPHELD')
);
create index objection_order on objection (order_id);
create index objection_status on objection (status, filed_at);

-- An answer is final: an answered objection never goes back to OPEN nor changes its answer.
create or replace function settlement_objection_guard() returns trigger language plpgsql as $$
begin
    if new.order_id <> old.order_id or new.contact <> old.contact or new.reason <> old.reason
            or new.filed_at <> old.filed_at then
        raise exception 'objection % is as it was filed', old.id using errcode = 'restrict_violation';
    end if;
    if old.status <> 'OPEN' and (new.status <> old.status or new.note is distinct from old.note
            or new.answered_by is distinct from old.answered_by or new.answered_at is distinct from old.answered_at) then
        raise exception 'objection % was answered: the answer is history', old.id using errcode = 'restrict_violation';
    end if;
    return new;
end $$;
create trigger objection_guard before update on objection for each row execute function settlement_objection_guard();
create trigger objection_no_delete before delete on objection for each row execute function settlement_refuse_change();

-- ---------------------------------------------------------------- held out of batches
-- An order under objection is taken out of a batch when the batch closes: a HELD_OUT entry in that batch reverses
-- what the order's entries put there; once the objection is resolved, a REINSTATED entry puts it into the
-- partner's open batch. Both name the order's completion entry and say why; they move money between batches and
-- never change what the order moved.
alter table journal_entry drop constraint journal_entry_kind_check;
alter table journal_entry add constraint journal_entry_kind_check
    check (kind in ('ORDER_COMPLETED', 'CORRECTION', 'CLAWBACK', 'HELD_OUT', 'REINSTATED'));
alter table journal_entry drop constraint correction_names_its_entry;
alter table journal_entry add constraint correction_names_its_entry
    check ((kind in ('CORRECTION', 'CLAWBACK', 'HELD_OUT', 'REINSTATED')) = (corrects_entry_id is not null));
