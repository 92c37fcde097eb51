-- The trace the order was placed in (W3C traceparent): every event of the order continues it, also those of
-- later requests (delivery, cancellation), so one order's life is one trace. Null for orders placed before.
alter table orders add column traceparent text;
