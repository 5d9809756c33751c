package org.yibao.his.transaction;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.his.envelope.Transaction;
import org.yibao.his.platform.PlatformApis;
import org.yibao.his.visit.Billing;
import org.yibao.his.visit.Visit;
import org.yibao.his.visit.Visits;
import tools.jackson.databind.json.JsonMapper;

/** Transactions the interface has twice, outpatient and inpatient (or before and during): one class, two codes. */
@Configuration
class PairedTransactions {

    @Bean
    Transaction outpatientFeeUpload(Visits visits, Billing billing, JsonMapper json) {
        return new FeeDetails.Upload("2204", visits, billing, json, Visit.Kind.OUTPATIENT);
    }

    @Bean
    Transaction inpatientFeeUpload(Visits visits, Billing billing, JsonMapper json) {
        return new FeeDetails.Upload("2301", visits, billing, json, Visit.Kind.INPATIENT);
    }

    @Bean
    Transaction outpatientPreSettle(Visits visits, Billing billing, JsonMapper json) {
        return new Settling.Bill("2206", visits, billing, json, Visit.Kind.OUTPATIENT, false);
    }

    @Bean
    Transaction outpatientSettle(Visits visits, Billing billing, JsonMapper json) {
        return new Settling.Bill("2207", visits, billing, json, Visit.Kind.OUTPATIENT, true);
    }

    @Bean
    Transaction inpatientPreSettle(Visits visits, Billing billing, JsonMapper json) {
        return new Settling.Bill("2303", visits, billing, json, Visit.Kind.INPATIENT, false);
    }

    @Bean
    Transaction inpatientSettle(Visits visits, Billing billing, JsonMapper json) {
        return new Settling.Bill("2304", visits, billing, json, Visit.Kind.INPATIENT, true);
    }

    @Bean
    Transaction outpatientSettleReversal(Visits visits, PlatformApis platform, JsonMapper json) {
        return new Settling.Reversal("2208", visits, platform, json);
    }

    @Bean
    Transaction inpatientSettleReversal(Visits visits, PlatformApis platform, JsonMapper json) {
        return new Settling.Reversal("2305", visits, platform, json);
    }

    @Bean
    Transaction auditBeforeTheEvent(Visits visits, PlatformApis platform, JsonMapper json) {
        return new PreEventAudit.Audit("3101", visits, platform, json);
    }

    @Bean
    Transaction auditDuringTheEvent(Visits visits, PlatformApis platform, JsonMapper json) {
        return new PreEventAudit.Audit("3102", visits, platform, json);
    }
}
