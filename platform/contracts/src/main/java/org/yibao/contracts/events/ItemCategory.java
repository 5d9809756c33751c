package org.yibao.contracts.events;

public enum ItemCategory {
    DRUG,
    CONSUMABLE,
    SERVICE
}
