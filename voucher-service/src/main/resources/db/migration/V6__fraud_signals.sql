-- Fraud signals (docs/POLICY.md "Fraud signals"): computed when a hold is decided, on facts kept here, so
-- the hold path never calls another service.

-- The particulars two companies rarely share unless they are one group, as the bureau registered them.
alter table buyer add column legal_representative text;
alter table buyer add column address text;
alter table buyer add column contact text;

-- A seller's particulars as catalog-service announced them with its vetting (catalog.partners).
create table partner_particulars (
    partner_id           text primary key,
    credit_code          text,
    legal_representative text,
    address              text,
    contact              text,
    updated_at           timestamptz not null
);

-- An offering's price from an instant on, as catalog-service announced it (OfferingPublished/OfferingChanged).
create table offering_price (
    offering_id    text        not null,
    from_at        timestamptz not null,
    unit_price_fen bigint      not null check (unit_price_fen >= 0),
    primary key (offering_id, from_at)
);

-- Who bought from whom, by credit code, for every hold the signals looked at: what later contracts of the
-- same pair (split contracts) or of the pair reversed (round trips) are compared with, by one indexed query.
create table contract_party (
    order_id           text primary key references subsidy_hold (order_id),
    buyer_credit_code  text    not null,
    seller_credit_code text    not null,
    offering_id        text,
    contract_date      date    not null,
    amount_fen         bigint  not null,
    unit_price_fen     bigint  not null,
    subsidised         boolean not null
);
create index contract_party_pair on contract_party (buyer_credit_code, seller_credit_code, contract_date);

-- Each signal raised on a contract, with its evidence: a reason for the program office to look, never a finding.
create table fraud_signal (
    order_id       text        not null references subsidy_hold (order_id),
    code           text        not null check (code in ('SPLIT_CONTRACTS', 'ROUND_TRIP', 'PRICE_RAISED_BEFORE_ORDER', 'SHARED_PARTICULARS')),
    evidence       text        not null,
    related_orders text        not null, -- order ids, ';'-joined ('' when none)
    buyer_id       text        not null,
    partner_id     text,
    program_year   int         not null,
    raised_at      timestamptz not null,
    primary key (order_id, code)
);
create index fraud_signal_year on fraud_signal (program_year, raised_at);
create trigger fraud_signal_append_only before update or delete on fraud_signal
    for each row execute function refuse_change();

-- A claim may wait for review because of its size (threshold) or because signals were raised on it.
alter table claim_review add column reason text not null default 'THRESHOLD' check (reason in ('THRESHOLD', 'FRAUD_SIGNALS'));
