package org.yibao.settlement.report;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The funds' yearly spending report (基金支出), what the bureau's monthly and year-end clearing starts from. */
@Service
class FundReportService {

    private final FundReportStore store;

    FundReportService(FundReportStore store) {
        this.store = store;
    }

    /** @param region a 6-digit division code (everything under it), or null for all regions */
    @Transactional(readOnly = true)
    FundReport report(int year, String region) {
        return new FundReport(year, region, store.spending(year, region));
    }
}
