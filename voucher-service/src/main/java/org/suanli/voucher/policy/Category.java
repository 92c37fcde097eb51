package org.suanli.voucher.policy;

/** What is bought: compute itself (智能算力服务), or a service built on a model (模型服务). */
public enum Category {
    COMPUTE,
    MODEL_SERVICE
}
