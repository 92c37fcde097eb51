package org.suanli.catalog.offering;

/** COMPUTE: GPU-hours on a facility; MODEL_SERVICE: a service on a filed large model (备案号 required). */
public enum Category {
    COMPUTE, MODEL_SERVICE
}
