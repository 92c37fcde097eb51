-- Order idempotency keys move to the kernel's idempotency_key table (V0_2), shared by every create a client
-- may retry; the keys already given keep naming their orders.
insert into idempotency_key (scope, owner, idem_key, request_hash, resource_id, created_at)
select 'order', buyer_id, idem_key, request_hash, order_id, created_at from order_idempotency
on conflict do nothing;
drop table order_idempotency;
