-- Compute partners (算力伙伴). id = the partner_id claim of the partner's users.
create table partner (
    id          text primary key,
    name        text        not null,
    -- 统一社会信用代码: 18 characters; voucher-service compares it with the buyer's (related parties)
    credit_code char(18)    not null unique,
    status      text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'SUSPENDED')),
    applied_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

-- A partner's compute facility (data centre). Type and vetting facts are set by the bureau on approval.
create table facility (
    id                    text primary key,
    partner_id            text         not null references partner (id),
    name                  text         not null,
    district              text         not null,
    declared_pue          numeric(4, 2) not null check (declared_pue >= 1.00),
    facility_type         text check (facility_type in ('DOMESTIC', 'OTHER')),
    checked_pue           numeric(4, 2) check (checked_pue >= 1.00),
    secure_controllable   boolean,
    pricing_reasonable    boolean,
    vetting_note          text,
    vetted_by             text,
    vetted_at             timestamptz,
    unique (partner_id, name)
);
create index facility_partner on facility (partner_id);

create table facility_accelerator (
    facility_id text not null references facility (id) on delete cascade,
    model       text not null,
    count       int  not null check (count > 0),
    primary key (facility_id, model)
);

-- Every status change of a partner, with who and why: the vetting history.
create table partner_status_change (
    id          bigint generated always as identity primary key,
    partner_id  text        not null references partner (id),
    from_status text,
    to_status   text        not null,
    reason      text        not null,
    actor       text        not null,
    at          timestamptz not null default now()
);
create index partner_status_change_partner on partner_status_change (partner_id, id);

-- What a partner sells: GPU-hours on one facility, for a validity window, at a price per GPU-hour.
-- Capacity is inventory: reserved + consumed can never pass capacity (the CHECK is the last line of
-- defence; reservations are conditional UPDATEs that never try).
create table offering (
    id                    text primary key,
    partner_id            text          not null references partner (id),
    facility_id           text          not null references facility (id),
    accelerator_model     text          not null,
    accelerators_per_unit int           not null check (accelerators_per_unit > 0),
    memory_gb             int           not null check (memory_gb > 0),
    fp16_tflops           numeric(9, 1) not null check (fp16_tflops > 0),
    category              text          not null check (category in ('COMPUTE', 'MODEL_SERVICE')),
    filing_number         text,
    unit_price_fen        bigint        not null check (unit_price_fen > 0),
    capacity_tenths       bigint        not null check (capacity_tenths > 0),
    reserved_tenths       bigint        not null default 0 check (reserved_tenths >= 0),
    consumed_tenths       bigint        not null default 0 check (consumed_tenths >= 0),
    valid_from            timestamptz   not null,
    valid_to              timestamptz   not null,
    status                text          not null check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    created_at            timestamptz   not null default now(),
    updated_at            timestamptz   not null default now(),
    published_at          timestamptz,
    withdrawn_at          timestamptz,
    constraint offering_window_ordered check (valid_from < valid_to),
    constraint offering_model_service_filed check (category <> 'MODEL_SERVICE' or filing_number is not null),
    constraint offering_never_oversold check (reserved_tenths + consumed_tenths <= capacity_tenths)
);
create index offering_partner on offering (partner_id);
create index offering_shelf on offering (status, unit_price_fen);

-- One row per order: what was reserved for it, so each order is applied once and a release or a
-- delivery knows exactly what to give back. offering_id is no foreign key: an order may name an
-- offering that does not exist (refused), or end before its placement was seen (tombstone).
create table capacity_reservation (
    order_id         text primary key,
    offering_id      text,
    requested_tenths bigint      not null check (requested_tenths >= 0),
    status           text        not null check (status in ('RESERVED', 'REFUSED', 'RELEASED', 'CONSUMED')),
    reason           text,
    consumed_tenths  bigint      not null default 0 check (consumed_tenths >= 0),
    released_tenths  bigint      not null default 0 check (released_tenths >= 0),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index capacity_reservation_offering on capacity_reservation (offering_id);
