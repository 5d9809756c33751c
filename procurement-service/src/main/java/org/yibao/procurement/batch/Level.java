package org.yibao.procurement.batch;

/** Who organised a procurement batch: the nation, a province, or an alliance of provinces (stored by name). */
public enum Level { NATIONAL, PROVINCIAL, ALLIANCE }
