package org.yibao.procurement.batch;

/** What a batch procures: drugs or medical consumables (stored by name). */
public enum Kind { DRUG, CONSUMABLE }
