package org.suanli.catalog.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Accelerators of one model installed in a facility. */
@Embeddable
public class Accelerator {

    @Column(nullable = false)
    public String model;

    @Column(nullable = false)
    public int count;

    public Accelerator() {
    }

    public Accelerator(String model, int count) {
        this.model = model;
        this.count = count;
    }
}
