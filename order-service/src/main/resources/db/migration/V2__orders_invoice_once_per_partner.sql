-- One claim per contract: an invoice proves the delivery of one order only, so a partner's invoice number
-- (compared trimmed and case-insensitively) may be carried by one order. OrderService checks this first to
-- answer 409; the index is the guarantee when two deliveries race.
--
-- Orders delivered before this rule with an invoice another order already carried are history (and their
-- subsidy was redeemed): the earliest carrier of each invoice is covered by the index like every other order;
-- the later ones are named in a warning and left out of the index, for finance to look into. Every new
-- delivery is still checked against all of them.
do $$
declare
    later text[];
begin
    select coalesce(array_agg(id order by id), '{}') into later
      from (select id, row_number() over (partition by partner_id, lower(trim(invoice_number))
                                          order by delivered_at nulls last, id) as nth
              from orders where invoice_number is not null) r
     where nth > 1;
    if cardinality(later) = 0 then
        create unique index orders_partner_invoice_once on orders (partner_id, lower(trim(invoice_number)))
            where invoice_number is not null;
    else
        raise warning 'orders % carry an invoice number another order of the same partner already carried; '
            'they are left out of the unique index', later;
        execute format('create unique index orders_partner_invoice_once on orders (partner_id, lower(trim(invoice_number))) '
            'where invoice_number is not null and id <> all (%L::text[])', later);
    end if;
end $$;
