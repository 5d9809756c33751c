package org.yibao.care.report;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.CareLevel;
import org.yibao.contracts.events.CareSetting;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.region.Regions;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;

/** The month's report of long-term care: assessments, beneficiaries by level, payments by setting. */
@Service
public class ReportService {

    private final ReportStore store;

    ReportService(ReportStore store) {
        this.store = store;
    }

    /** @param region a region code (a city covers its districts), or null for every region */
    @Transactional(readOnly = true)
    public MonthReport month(YearMonth month, String region) {
        String like = region == null ? "%" : Regions.likePattern(region);
        Map<CareLevel, Long> byLevel = store.beneficiariesByLevel(month, like);
        Map<CareSetting, MonthReport.Payments> payments = new EnumMap<>(CareSetting.class);
        for (CareSetting setting : CareSetting.values()) {
            payments.put(setting, new MonthReport.Payments(0, Money.ZERO, Money.ZERO, Money.ZERO));
        }
        payments.putAll(store.payments(month, like));
        return new MonthReport(month, region, store.assessments(month, like),
                byLevel.values().stream().mapToLong(Long::longValue).sum(), byLevel, payments);
    }
}
