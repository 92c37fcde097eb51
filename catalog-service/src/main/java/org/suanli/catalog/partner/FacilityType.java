package org.suanli.catalog.partner;

/** Set by the bureau when it vets a facility: DOMESTIC (国产算力设施) earns the higher voucher rates. */
public enum FacilityType {
    DOMESTIC, OTHER
}
