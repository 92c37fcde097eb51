package org.suanli.voucher.policy;

/**
 * The class of compute facility behind an offering, set by the bureau when it vets the partner.
 * Domestic accelerators (国产算力设施) earn the higher rates.
 */
public enum FacilityType {
    DOMESTIC,
    OTHER
}
