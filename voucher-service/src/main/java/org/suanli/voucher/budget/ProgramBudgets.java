package org.suanli.voucher.budget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The program budget rows. Every decision that moves money locks the year's rows first (always SUANLI
 * then ZHINENG, so transactions never deadlock on them) and writes its deltas once at the end.
 */
@ApplicationScoped
public class ProgramBudgets {

    @Inject
    EntityManager em;

    /** Locks both programs' budgets of a year; a year nobody set gets the policy's published size. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Program, BudgetAccount> lockYear(int year, long suanliDefaultFen, long zhinengDefaultFen) {
        em.createNativeQuery("""
                        insert into program_budget (program, program_year, budget_fen)
                        values ('SUANLI', ?1, ?2), ('ZHINENG', ?1, ?3) on conflict do nothing""")
                .setParameter(1, year).setParameter(2, suanliDefaultFen).setParameter(3, zhinengDefaultFen)
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select program, budget_fen, held_fen, redeemed_fen, recovered_fen from program_budget
                        where program_year = ?1 order by program for update""")
                .setParameter(1, year).getResultList();
        Map<Program, BudgetAccount> accounts = new EnumMap<>(Program.class);
        for (Object[] r : rows) {
            BudgetAccount a = account(year, r);
            accounts.put(a.program, a);
        }
        return accounts;
    }

    /**
     * Both programs' budgets of a year as they stand, without locking them: figures to decide on
     * provisionally, which a decision must confirm under {@link #lockYear} before it counts.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Program, BudgetAccount> peekYear(int year, long suanliDefaultFen, long zhinengDefaultFen) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select program, budget_fen, held_fen, redeemed_fen, recovered_fen from program_budget where program_year = ?1""")
                .setParameter(1, year).getResultList();
        Map<Program, BudgetAccount> accounts = new EnumMap<>(Program.class);
        accounts.put(Program.SUANLI, new BudgetAccount(Program.SUANLI, year, suanliDefaultFen, 0, 0, 0));
        accounts.put(Program.ZHINENG, new BudgetAccount(Program.ZHINENG, year, zhinengDefaultFen, 0, 0, 0));
        for (Object[] r : rows) {
            BudgetAccount a = account(year, r);
            accounts.put(a.program, a);
        }
        return accounts;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void write(BudgetAccount account) {
        if (!account.dirty()) {
            return;
        }
        em.createNativeQuery("""
                        update program_budget set held_fen = held_fen + ?1, redeemed_fen = redeemed_fen + ?2,
                               recovered_fen = recovered_fen + ?5, updated_at = now()
                        where program = ?3 and program_year = ?4""")
                .setParameter(1, account.heldDelta()).setParameter(2, account.redeemedDelta())
                .setParameter(3, account.program.name()).setParameter(4, account.year)
                .setParameter(5, account.recoveredDelta()).executeUpdate();
        account.written();
    }

    public record Figures(Program program, int year, long budgetFen, long heldFen, long redeemedFen, long recoveredFen) {
        public long remainingFen() {
            return budgetFen - heldFen - redeemedFen - recoveredFen;
        }
    }

    @SuppressWarnings("unchecked")
    public List<Figures> figures(Integer year) {
        List<Object[]> rows = em.createNativeQuery("""
                        select program, program_year, budget_fen, held_fen, redeemed_fen, recovered_fen from program_budget
                        where (cast(?1 as integer) is null or program_year = ?1) order by program_year, program""")
                .setParameter(1, year).getResultList();
        return rows.stream().map(r -> new Figures(Program.valueOf((String) r[0]), ((Number) r[1]).intValue(),
                num(r[2]), num(r[3]), num(r[4]), num(r[5]))).toList();
    }

    /**
     * Sets a year's budget; refused below what is already held, redeemed and recovered (the CHECK would
     * refuse too). Raising it is how the bureau would re-appropriate recovered money: explicit and audited.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Figures set(Program program, int year, long budgetFen) {
        em.createNativeQuery("""
                        insert into program_budget (program, program_year, budget_fen) values (?1, ?2, 0)
                        on conflict do nothing""")
                .setParameter(1, program.name()).setParameter(2, year).executeUpdate();
        Object[] r = (Object[]) em.createNativeQuery("""
                        select held_fen, redeemed_fen, recovered_fen from program_budget where program = ?1 and program_year = ?2 for update""")
                .setParameter(1, program.name()).setParameter(2, year).getSingleResult();
        long committed = num(r[0]) + num(r[1]) + num(r[2]);
        if (budgetFen < committed) {
            throw org.suanli.kernel.problem.ProblemException.unprocessable("budget-below-commitments",
                    program + " " + year + " already has " + org.suanli.kernel.money.Money.format(committed)
                            + " CNY held, redeemed or recovered; the budget cannot be set below that");
        }
        em.createNativeQuery("update program_budget set budget_fen = ?1, updated_at = now() where program = ?2 and program_year = ?3")
                .setParameter(1, budgetFen).setParameter(2, program.name()).setParameter(3, year).executeUpdate();
        return new Figures(program, year, budgetFen, num(r[0]), num(r[1]), num(r[2]));
    }

    /** A row read as (program, budget_fen, held_fen, redeemed_fen, recovered_fen). */
    private static BudgetAccount account(int year, Object[] r) {
        return new BudgetAccount(Program.valueOf((String) r[0]), year, num(r[1]), num(r[2]), num(r[3]), num(r[4]));
    }

    static long num(Object o) {
        return ((Number) o).longValue();
    }
}
