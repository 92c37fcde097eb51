package org.suanli.settlement.ledger;

import java.util.List;

/** Debits and credits per account; over the whole ledger they are equal. */
public record TrialBalanceView(String totalDebits, String totalCredits, boolean balanced, List<AccountLine> accounts) {

    /** {@code balance} = debits − credits (negative: the account is owed, e.g. a partner). */
    public record AccountLine(String account, String debits, String credits, String balance) {
    }
}
