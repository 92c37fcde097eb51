-- settlement-service: payments posted to the ledger, clawbacks (追回) as journal entries, and finance's
-- acknowledgements of explained reconciliation differences. Money is integer fen.

-- ---------------------------------------------------------------- payments
-- Paying a batch is one bank transfer from the treasury: the partner's payable is cleared against the treasury
-- account, one pair of lines per source (buyer parts, 算力券 and 智能券 per program year), so statements and the
-- trial balance show what was paid and what is still open. One payment per batch, written with its PAID status.
create table batch_payment (
    id                bigint generated always as identity primary key,
    batch_id          bigint      not null unique references settlement_batch (id),
    partner_id        text        not null,
    payment_reference text        not null,
    -- a part may be negative when a clawback netted in the batch exceeds that source's share; the total never is
    buyer_part_fen    bigint      not null,
    suanli_fen        bigint      not null,
    zhineng_fen       bigint      not null,
    total_fen         bigint      not null check (total_fen >= 0),
    paid_by           text        not null,
    paid_at           timestamptz not null,
    constraint payment_adds_up check (total_fen = buyer_part_fen + suanli_fen + zhineng_fen)
);
create trigger batch_payment_append_only before update or delete on batch_payment
    for each row execute function settlement_refuse_change();

-- A posting belongs to a journal entry or to a payment, never both.
alter table posting alter column entry_id drop not null;
alter table posting add column payment_id bigint references batch_payment (id);
alter table posting add constraint posting_has_one_source check (num_nonnulls(entry_id, payment_id) = 1);
alter table posting add constraint posting_payment_line unique (payment_id, line);
create index posting_payment on posting (payment_id) where payment_id is not null;
alter table posting drop constraint posting_account_check;
alter table posting add constraint posting_account_check check (account ~ '^(buyer|partner):.+$'
    or account ~ '^program:(SUANLI|ZHINENG):[0-9]{4}$' or account = 'bank:treasury');

create or replace function settlement_entry_balanced() returns trigger language plpgsql as $$
declare
    imbalance bigint;
begin
    select coalesce(sum(case side when 'D' then amount_fen else -amount_fen end), 0) into imbalance
      from posting where (new.entry_id is not null and entry_id = new.entry_id)
                      or (new.payment_id is not null and payment_id = new.payment_id);
    if imbalance <> 0 then
        raise exception 'journal entry % / payment % does not balance: debits - credits = % fen',
            new.entry_id, new.payment_id, imbalance using errcode = 'check_violation';
    end if;
    return null;
end $$;

-- ---------------------------------------------------------------- clawbacks
-- A clawed-back subsidy is a journal entry of kind CLAWBACK naming the order's completion: the subsidy's pair of
-- lines reversed (the partner owes it back), landing in the partner's open batch, so it is netted there.
alter table journal_entry drop constraint journal_entry_kind_check;
alter table journal_entry add constraint journal_entry_kind_check check (kind in ('ORDER_COMPLETED', 'CORRECTION', 'CLAWBACK'));
alter table journal_entry drop constraint correction_names_its_entry;
alter table journal_entry add constraint correction_names_its_entry
    check ((kind in ('CORRECTION', 'CLAWBACK')) = (corrects_entry_id is not null));
alter table journal_entry drop constraint correction_says_why;
alter table journal_entry add constraint correction_says_why
    check (kind = 'ORDER_COMPLETED' or (reason is not null and length(reason) > 0));
alter table journal_entry add column evidence_ref text;
alter table journal_entry add constraint clawback_takes_back check (kind <> 'CLAWBACK'
    or (buyer_pays_fen = 0 and suanli_fen <= 0 and zhineng_fen <= 0 and suanli_fen + zhineng_fen < 0));

-- Every SubsidyClawedBack event settlement has seen, whether or not its order is in the ledger yet (the vouchers
-- and orders topics are read independently): a clawback that arrives before its order's completion waits here and
-- is posted with it. entry_id names the journal entry once posted.
create table clawback (
    event_id     uuid primary key,
    order_id     text        not null,
    buyer_id     text,
    partner_id   text        not null,
    program_year int         not null,
    suanli_fen   bigint      not null check (suanli_fen >= 0),
    zhineng_fen  bigint      not null check (zhineng_fen >= 0),
    reason       text        not null,
    evidence_ref text,
    clawed_by    text        not null,
    clawed_at    timestamptz not null,
    entry_id     bigint references journal_entry (id),
    constraint clawback_takes_something check (suanli_fen + zhineng_fen > 0)
);
create index clawback_order on clawback (order_id);

alter table voucher_movement drop constraint voucher_movement_kind_check;
alter table voucher_movement add constraint voucher_movement_kind_check
    check (kind in ('HELD', 'REDEEMED', 'RELEASED', 'CLAWED_BACK'));

-- ---------------------------------------------------------------- reconciliation acknowledgements
-- Finance explains a reconciliation difference of one order by the correction or clawback entry behind it. The
-- acknowledgement holds the differences (ledger − voucher, fen) it explains: if they change later, it no longer
-- covers them and the order needs explaining again.
create table reconciliation_ack (
    id                     bigint generated always as identity primary key,
    order_id               text        not null,
    program_year           int         not null,
    status                 text        not null,
    suanli_difference_fen  bigint      not null,
    zhineng_difference_fen bigint      not null,
    explained_by_entry_id  bigint      not null references journal_entry (id),
    reason                 text        not null check (length(reason) > 0),
    acknowledged_by        text        not null,
    acknowledged_at        timestamptz not null default now(),
    unique (order_id, status, suanli_difference_fen, zhineng_difference_fen)
);
create index reconciliation_ack_year on reconciliation_ack (program_year);
create trigger reconciliation_ack_append_only before update or delete on reconciliation_ack
    for each row execute function settlement_refuse_change();

-- ---------------------------------------------------------------- claim dossiers
-- The content hash of every dossier handed out, so a printed copy can be traced to when and to whom it was issued.
create table dossier_issue (
    id           bigint generated always as identity primary key,
    order_id     text        not null,
    content_hash text        not null,
    issued_to    text        not null,
    issued_at    timestamptz not null default now()
);
create index dossier_issue_hash on dossier_issue (content_hash);
