package org.yibao.contracts.events;

/** Where long-term care is given (护理服务形式): at home (居家护理) or in a care institution (机构护理). */
public enum CareSetting {
    /** 居家护理: paid monthly to the beneficiary */
    HOME,
    /** 机构护理: paid to the care institution on its monthly bill (护理费用月结) */
    INSTITUTION
}
