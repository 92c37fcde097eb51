-- Buyer registry (admin writes, the buyer reads its own). id = the enterprise_id claim of its users.
create table buyer (
    id                text primary key,
    name              text        not null,
    credit_code       char(18)    not null unique,
    buyer_type        text        not null check (buyer_type in ('ENTERPRISE', 'UNIVERSITY', 'RESEARCH_INSTITUTE')),
    sme               boolean     not null,
    foundation_model  boolean     not null default false,
    -- a higher 算力券 cap the bureau grants a foundation-model enterprise (POLICY rule 7); null = the policy's cap
    cap_override_fen  bigint check (cap_override_fen > 0),
    version           int         not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);

-- Parties the bureau records as related to a buyer: no voucher on contracts with them.
create table buyer_related_party (
    buyer_id    text not null references buyer (id) on delete cascade,
    credit_code char(18) not null,
    primary key (buyer_id, credit_code)
);

-- One budget per program and program year. The CHECK is the invariant of POLICY rule 8, enforced by
-- the database itself, so no replica, race or bug can commit beyond it.
create table program_budget (
    program      text   not null check (program in ('SUANLI', 'ZHINENG')),
    program_year int    not null,
    budget_fen   bigint not null check (budget_fen >= 0),
    held_fen     bigint not null default 0 check (held_fen >= 0),
    redeemed_fen bigint not null default 0 check (redeemed_fen >= 0),
    updated_at   timestamptz not null default now(),
    primary key (program, program_year),
    constraint budget_never_overspent check (held_fen + redeemed_fen <= budget_fen)
);

-- A buyer's year: 算力券 used against its cap (rule 7) and COMPUTE amounts declared (rule 5).
create table enterprise_year (
    buyer_id            text   not null references buyer (id),
    program_year        int    not null,
    cap_fen             bigint not null check (cap_fen >= 0),
    suanli_held_fen     bigint not null default 0 check (suanli_held_fen >= 0),
    suanli_redeemed_fen bigint not null default 0 check (suanli_redeemed_fen >= 0),
    declared_fen        bigint not null default 0 check (declared_fen >= 0),
    primary key (buyer_id, program_year),
    constraint cap_never_exceeded check (suanli_held_fen + suanli_redeemed_fen <= cap_fen)
);

-- One claim per contract: the order id is the key, so no order is ever held twice.
create table subsidy_hold (
    order_id             text primary key,
    buyer_id             text        not null,
    program_year         int         not null,
    contract_date        date        not null,
    policy_code          text        not null,
    category             text        not null,
    facility_type        text,
    partner_id           text,
    zhineng_mode         text        not null,
    estimated_amount_fen bigint      not null check (estimated_amount_fen >= 0),
    declared_fen         bigint      not null default 0,
    suanli_rate_bp       int         not null,
    zhineng_rate_bp      int         not null,
    suanli_held_fen      bigint      not null check (suanli_held_fen >= 0),
    zhineng_held_fen     bigint      not null check (zhineng_held_fen >= 0),
    actual_amount_fen    bigint,
    suanli_redeemed_fen  bigint      not null default 0 check (suanli_redeemed_fen <= suanli_held_fen),
    zhineng_redeemed_fen bigint      not null default 0 check (zhineng_redeemed_fen <= zhineng_held_fen),
    redeemed_at          timestamptz,
    status               text        not null check (status in ('HELD', 'REDEEMED', 'RELEASED')),
    reasons              text        not null default '',
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);
create index subsidy_hold_buyer_year on subsidy_hold (buyer_id, program_year);
create index subsidy_hold_year_status on subsidy_hold (program_year, status);

-- Append-only ledger of every budget movement; the budgets are its running sums.
create sequence budget_movement_seq increment by 50;
create table budget_movement (
    id           bigint primary key default nextval('budget_movement_seq'),
    order_id     text        not null,
    buyer_id     text        not null,
    program      text        not null,
    program_year int         not null,
    kind         text        not null check (kind in ('HOLD', 'REDEEM', 'RELEASE')),
    -- HOLD: +held; REDEEM: the amount redeemed (moved from held to redeemed); RELEASE: held given back
    amount_fen   bigint      not null check (amount_fen >= 0),
    rate_bp      int         not null,
    reasons      text        not null default '',
    at           timestamptz not null default now()
);
create index budget_movement_order on budget_movement (order_id);
create index budget_movement_year on budget_movement (program_year, program, at);

-- Who changed a budget, a buyer or a policy, when and why.
create table audit_entry (
    id        bigint generated always as identity primary key,
    actor     text        not null,
    action    text        not null,
    subject   text        not null,
    reason    text        not null,
    detail    text        not null,
    at        timestamptz not null default now()
);

-- Rules never mutate these tables' history.
create or replace function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end $$;
create trigger budget_movement_append_only before update or delete on budget_movement
    for each row execute function refuse_change();
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function refuse_change();
