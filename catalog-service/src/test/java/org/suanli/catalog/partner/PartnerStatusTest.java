package org.suanli.catalog.partner;

import org.junit.jupiter.api.Test;
import org.suanli.kernel.problem.ProblemException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.suanli.catalog.partner.PartnerStatus.APPROVED;
import static org.suanli.catalog.partner.PartnerStatus.Action.APPLY;
import static org.suanli.catalog.partner.PartnerStatus.Action.APPROVE;
import static org.suanli.catalog.partner.PartnerStatus.Action.REINSTATE;
import static org.suanli.catalog.partner.PartnerStatus.Action.REJECT;
import static org.suanli.catalog.partner.PartnerStatus.Action.SUSPEND;
import static org.suanli.catalog.partner.PartnerStatus.PENDING;
import static org.suanli.catalog.partner.PartnerStatus.REJECTED;
import static org.suanli.catalog.partner.PartnerStatus.SUSPENDED;

class PartnerStatusTest {

    @Test
    void aNewcomerOrARejectedPartnerMayApplyAndWaitsForVetting() {
        assertEquals(PENDING, PartnerStatus.after(null, APPLY));
        assertEquals(PENDING, PartnerStatus.after(PENDING, APPLY));
        assertEquals(PENDING, PartnerStatus.after(REJECTED, APPLY));
    }

    @Test
    void theBureauApprovesOrRejectsOnlyPendingApplications() {
        assertEquals(APPROVED, PartnerStatus.after(PENDING, APPROVE));
        assertEquals(REJECTED, PartnerStatus.after(PENDING, REJECT));
        assertConflict(APPROVED, APPROVE);
        assertConflict(SUSPENDED, APPROVE);
        assertConflict(REJECTED, APPROVE);
        assertConflict(APPROVED, REJECT);
    }

    @Test
    void onlyApprovedPartnersAreSuspendedAndOnlySuspendedOnesReinstated() {
        assertEquals(SUSPENDED, PartnerStatus.after(APPROVED, SUSPEND));
        assertEquals(APPROVED, PartnerStatus.after(SUSPENDED, REINSTATE));
        assertConflict(PENDING, SUSPEND);
        assertConflict(APPROVED, REINSTATE);
        assertConflict(PENDING, REINSTATE);
    }

    @Test
    void anApprovedOrSuspendedPartnerCannotApplyAgain() {
        assertConflict(APPROVED, APPLY);
        assertConflict(SUSPENDED, APPLY);
    }

    @Test
    void nothingButApplyingHappensToSomeoneWhoNeverApplied() {
        for (PartnerStatus.Action a : new PartnerStatus.Action[]{APPROVE, REJECT, SUSPEND, REINSTATE}) {
            assertConflict(null, a);
        }
    }

    private static void assertConflict(PartnerStatus from, PartnerStatus.Action action) {
        ProblemException e = assertThrows(ProblemException.class, () -> PartnerStatus.after(from, action));
        assertEquals(409, e.status());
    }
}
