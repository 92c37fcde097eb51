package org.suanli.catalog.partner;

import org.suanli.kernel.problem.ProblemException;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The rules of applying and vetting, in plain Java (unit-tested without Quarkus). */
public final class PartnerRules {

    private PartnerRules() {
    }

    /** What bean validation cannot say: Hangzhou districts, no duplicate facilities or accelerator models. */
    public static void checkApplication(ApplicationForm form) {
        Set<String> names = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (FacilityForm f : form.facilities()) {
            if (!Districts.known(f.district())) {
                throw ProblemException.badRequest("district '" + f.district() + "' of facility '" + f.name()
                        + "' is not a district of Hangzhou; use one of " + String.join("、", Districts.HANGZHOU));
            }
            if (!names.add(f.name().trim())) {
                throw ProblemException.badRequest("facility name '" + f.name() + "' appears twice");
            }
            if (f.id() != null && !ids.add(f.id())) {
                throw ProblemException.badRequest("facility id '" + f.id() + "' appears twice");
            }
            Set<String> models = new HashSet<>();
            for (FacilityForm.AcceleratorForm a : f.accelerators()) {
                if (!models.add(a.model().trim().toLowerCase())) {
                    throw ProblemException.badRequest("accelerator model '" + a.model() + "' appears twice in facility '"
                            + f.name() + "'; give its total count once");
                }
            }
        }
    }

    /**
     * An approval vets every facility of the partner exactly once, and approves only what passed:
     * the program selects centres that are 技术安全可控 and 价格优惠合理 (HZ-2023); a failed check is a
     * rejection, not an approval.
     */
    public static void checkApproval(Collection<String> partnerFacilityIds, List<ApprovalForm.FacilityVetting> vettings) {
        Set<String> seen = new HashSet<>();
        for (ApprovalForm.FacilityVetting v : vettings) {
            if (!partnerFacilityIds.contains(v.facilityId())) {
                throw ProblemException.unprocessable("unknown-facility",
                        "facility '" + v.facilityId() + "' is not one of this partner's facilities");
            }
            if (!seen.add(v.facilityId())) {
                throw ProblemException.badRequest("facility '" + v.facilityId() + "' is vetted twice");
            }
            if (!v.secureAndControllable() || !v.pricingReasonable()) {
                throw ProblemException.unprocessable("vetting-failed", "facility '" + v.facilityId()
                        + "' did not pass vetting (secure and controllable: " + v.secureAndControllable()
                        + ", pricing reasonable: " + v.pricingReasonable() + "); reject the application instead");
            }
        }
        Set<String> missing = partnerFacilityIds.stream().filter(id -> !seen.contains(id))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!missing.isEmpty()) {
            throw ProblemException.unprocessable("facility-not-vetted",
                    "every facility must be vetted (type and facts) to approve; missing: " + String.join(", ", missing));
        }
    }
}
