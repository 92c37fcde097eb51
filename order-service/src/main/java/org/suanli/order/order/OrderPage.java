package org.suanli.order.order;

import java.util.List;

/** One page of a listing, newest first; {@code total} counts every order the filters match. */
public record OrderPage(List<OrderView> items, int page, int size, long total) {
}
