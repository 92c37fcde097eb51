-- Clawback (追回): money taken back from a redeemed subsidy is recorded as recovered. It returns to the
-- treasury, not to the program's remaining: a finance bureau does not re-grant recovered funds within the
-- year without a new appropriation (the admin may raise the budget, which is audited). So what is left is
-- budget − held − redeemed − recovered, and the invariant counts recovered too.
alter table program_budget add column recovered_fen bigint not null default 0 check (recovered_fen >= 0);
alter table program_budget drop constraint budget_never_overspent;
alter table program_budget add constraint budget_never_overspent
    check (held_fen + redeemed_fen + recovered_fen <= budget_fen);

-- A hold's redeemed figures stay as redeemed at delivery; what was clawed back since is beside them.
alter table subsidy_hold add column suanli_recovered_fen bigint not null default 0;
alter table subsidy_hold add column zhineng_recovered_fen bigint not null default 0;
alter table subsidy_hold add constraint recovered_within_redeemed
    check (suanli_recovered_fen between 0 and suanli_redeemed_fen and zhineng_recovered_fen between 0 and zhineng_redeemed_fen);
-- ORDER: follows the order's events; MANUAL: placed by an admin for an off-platform contract (POST /api/holds).
alter table subsidy_hold add column origin text not null default 'ORDER' check (origin in ('ORDER', 'MANUAL'));
-- IN_REVIEW: a large claim delivered, waiting for review and approval (held, not payable);
-- VOIDED: a manual hold an admin voided as entered in error (its figures given back).
alter table subsidy_hold drop constraint subsidy_hold_status_check;
alter table subsidy_hold add constraint subsidy_hold_status_check
    check (status in ('HELD', 'IN_REVIEW', 'REDEEMED', 'RELEASED', 'VOIDED'));

-- CLAWBACK: an amount taken back from redeemed (redeemed down, recovered up).
alter table budget_movement drop constraint budget_movement_kind_check;
alter table budget_movement add constraint budget_movement_kind_check
    check (kind in ('HOLD', 'REDEEM', 'RELEASE', 'CLAWBACK'));

-- One row per clawback, keyed by the client's idempotency key: a replay finds it and changes nothing.
create table subsidy_clawback (
    id           text primary key,
    order_id     text        not null references subsidy_hold (order_id),
    suanli_fen   bigint      not null check (suanli_fen >= 0),
    zhineng_fen  bigint      not null check (zhineng_fen >= 0),
    reason       text        not null,
    evidence_ref text        not null,
    by_user      text        not null,
    at           timestamptz not null,
    constraint clawback_not_empty check (suanli_fen + zhineng_fen > 0)
);
create index subsidy_clawback_order on subsidy_clawback (order_id);
create trigger subsidy_clawback_append_only before update or delete on subsidy_clawback
    for each row execute function refuse_change();

-- A large claim's review: opened at delivery, reviewed by the program office (admin), approved for
-- payment by the finance bureau (finance), two different people; or refused with a reason.
create table claim_review (
    order_id          text primary key references subsidy_hold (order_id),
    buyer_id          text        not null,
    program_year      int         not null,
    actual_amount_fen bigint      not null,
    suanli_fen        bigint      not null,
    zhineng_fen       bigint      not null,
    threshold_fen     bigint      not null,
    status            text        not null check (status in ('IN_REVIEW', 'REVIEWED', 'APPROVED', 'REFUSED')),
    opened_at         timestamptz not null,
    reviewed_by       text,
    reviewed_at       timestamptz,
    review_note       text,
    approved_by       text,
    approved_at       timestamptz,
    approval_note     text,
    refused_by        text,
    refused_at        timestamptz,
    refusal_reason    text,
    constraint two_people check (approved_by is null or approved_by <> reviewed_by)
);
create index claim_review_status on claim_review (status, opened_at);
