package org.suanli.settlement.ledger;

import java.util.List;

/**
 * Debits and credits per account; over the whole ledger they are equal. {@code paid} is what the treasury has
 * transferred to partners, {@code openPayable} what partners are still owed, {@code owedBack} what partners owe
 * back after clawbacks (whole ledger, whatever the account filter).
 */
public record TrialBalanceView(String totalDebits, String totalCredits, boolean balanced, String paid,
                               String openPayable, String owedBack, List<AccountLine> accounts) {

    /** {@code balance} = debits − credits (negative: the account is owed, e.g. a partner). */
    public record AccountLine(String account, String debits, String credits, String balance) {
    }
}
