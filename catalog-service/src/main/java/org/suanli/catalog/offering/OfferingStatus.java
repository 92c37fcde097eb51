package org.suanli.catalog.offering;

/** DRAFT is seen only by its partner (and officials); PUBLISHED is on the shelf; WITHDRAWN is off it for good. */
public enum OfferingStatus {
    DRAFT, PUBLISHED, WITHDRAWN
}
