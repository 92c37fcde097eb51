-- A large claim waits in review at voucher-service after delivery (SubsidyInReview): the order shows it.
alter table orders drop constraint if exists orders_subsidy_status_check;
alter table orders add constraint orders_subsidy_status_check
    check (subsidy_status in ('PENDING', 'HELD', 'IN_REVIEW', 'REDEEMED', 'RELEASED'));
