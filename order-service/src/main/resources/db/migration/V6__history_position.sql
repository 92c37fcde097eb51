-- Each history entry's place in its order's life (1, 2, …), given under the order's row lock and counted on the
-- order. The history's order so no longer rests on the id, which the database still draws at insert, and
-- order-service assigns the entry's key itself: its entries go to PostgreSQL in JDBC batches instead of one
-- INSERT … RETURNING id each (issue #10).
alter table orders add column history_size int not null default 0;
alter table order_history add column seq int;

alter table order_history disable trigger order_history_append_only;
update order_history h set seq = r.n
from (select id, row_number() over (partition by order_id order by id) as n from order_history) r
where h.id = r.id;
alter table order_history enable trigger order_history_append_only;

update orders o set history_size = c.n
from (select order_id, count(*) as n from order_history group by order_id) c
where o.id = c.order_id;

alter table order_history alter column seq set not null;
create unique index order_history_order_seq on order_history (order_id, seq);
drop index order_history_order;
