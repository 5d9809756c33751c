package org.yibao.contracts.events;

/**
 * How sure a finding of the smart audit is (违规程度), as the national rule framework grades a rule.
 * The national interface's sev_deg code of each is {@link #nationalCode()}.
 * ASSUMPTION: the codes 1 and 2 follow public HIS clients' readings of 3101/3102's sev_deg; the
 * published dictionary was not available.
 */
public enum Severity {

    /** 明确违规: the bill breaks the rule as stated; the pre-check may refuse it before settlement. */
    VIOLATION("1"),

    /** 可疑: the bill looks like the rule's kind of fraud and needs a reviewer; the pre-check warns. */
    SUSPECT("2");

    private final String nationalCode;

    Severity(String nationalCode) {
        this.nationalCode = nationalCode;
    }

    /** The code 3101/3102 answer in sev_deg. */
    public String nationalCode() {
        return nationalCode;
    }
}
