package org.suanli.catalog.capacity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RefusalReasonTest {

    @Test
    void anOfferingOffTheShelfIsWithdrawnWhateverItsPartner() {
        assertEquals("OFFERING_WITHDRAWN", RefusalReason.of("WITHDRAWN", "APPROVED"));
        assertEquals("OFFERING_WITHDRAWN", RefusalReason.of("DRAFT", "SUSPENDED"));
        assertEquals("OFFERING_WITHDRAWN", RefusalReason.of(null, null));
    }

    @Test
    void aPublishedOfferingOfAPartnerNoLongerApprovedIsRefusedForThePartner() {
        assertEquals("PARTNER_NOT_APPROVED", RefusalReason.of("PUBLISHED", "SUSPENDED"));
    }

    @Test
    void otherwiseThereWasNotEnoughLeft() {
        assertEquals("NO_CAPACITY", RefusalReason.of("PUBLISHED", "APPROVED"));
    }
}
