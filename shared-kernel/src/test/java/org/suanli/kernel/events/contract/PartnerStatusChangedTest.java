package org.suanli.kernel.events.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** PartnerStatusChanged gained the partner's credit code and particulars, optional: events written before still read. */
class PartnerStatusChangedTest {

    final ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void an_event_written_before_the_particulars_reads_with_none() throws Exception {
        CatalogEvents.PartnerStatusChanged p = mapper.readValue("""
                {"partnerId":"ptn-hz-ascend","status":"APPROVED","reason":"vetted"}""", CatalogEvents.PartnerStatusChanged.class);
        assertEquals("ptn-hz-ascend", p.partnerId());
        assertEquals("APPROVED", p.status());
        assertNull(p.creditCode());
        assertNull(p.legalRepresentative());
        assertNull(p.address());
        assertNull(p.contact());
        assertEquals(p, new CatalogEvents.PartnerStatusChanged("ptn-hz-ascend", "APPROVED", "vetted"));
    }

    @Test
    void the_particulars_travel_when_there_are_some() throws Exception {
        CatalogEvents.PartnerStatusChanged p = new CatalogEvents.PartnerStatusChanged("ptn-hz-ascend", "APPROVED", "vetted",
                "91330110MA2B0PA001", "赵六", "杭州市余杭区文一西路 1 号", "0571-9999 0001");
        assertEquals(p, mapper.readValue(mapper.writeValueAsString(p), CatalogEvents.PartnerStatusChanged.class));
    }
}
