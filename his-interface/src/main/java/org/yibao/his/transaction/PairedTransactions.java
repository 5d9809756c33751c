package org.yibao.his.transaction;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.his.envelope.Transaction;
import org.yibao.his.national.NationalCodes;
import org.yibao.his.platform.PlatformApis;
import org.yibao.his.visit.Billing;
import org.yibao.his.visit.Persons;
import org.yibao.his.visit.Visit;
import org.yibao.his.visit.Visits;
import tools.jackson.databind.json.JsonMapper;

/** Transactions the interface has twice, outpatient and inpatient (or before and during): one class, two codes. */
@Configuration
class PairedTransactions {

    @Bean
    Transaction outpatientFeeUpload(Visits visits, Billing billing, NationalCodes codes, JsonMapper json) {
        return new FeeDetails.Upload("2204", visits, billing, codes, json, Visit.Kind.OUTPATIENT);
    }

    @Bean
    Transaction inpatientFeeUpload(Visits visits, Billing billing, NationalCodes codes, JsonMapper json) {
        return new FeeDetails.Upload("2301", visits, billing, codes, json, Visit.Kind.INPATIENT);
    }

    @Bean
    Transaction outpatientPreSettle(Visits visits, Billing billing, NationalCodes codes, JsonMapper json) {
        return new Settling.Bill("2206", visits, billing, codes, json, Visit.Kind.OUTPATIENT, false);
    }

    @Bean
    Transaction outpatientSettle(Visits visits, Billing billing, NationalCodes codes, JsonMapper json) {
        return new Settling.Bill("2207", visits, billing, codes, json, Visit.Kind.OUTPATIENT, true);
    }

    @Bean
    Transaction inpatientPreSettle(Visits visits, Billing billing, NationalCodes codes, JsonMapper json) {
        return new Settling.Bill("2303", visits, billing, codes, json, Visit.Kind.INPATIENT, false);
    }

    @Bean
    Transaction inpatientSettle(Visits visits, Billing billing, NationalCodes codes, JsonMapper json) {
        return new Settling.Bill("2304", visits, billing, codes, json, Visit.Kind.INPATIENT, true);
    }

    @Bean
    Transaction outpatientSettleReversal(Visits visits, PlatformApis platform, NationalCodes codes, JsonMapper json) {
        return new Settling.Reversal("2208", visits, platform, codes, json, false);
    }

    @Bean
    Transaction inpatientSettleReversal(Visits visits, PlatformApis platform, NationalCodes codes, JsonMapper json) {
        return new Settling.Reversal("2305", visits, platform, codes, json, false);
    }

    @Bean
    Transaction pharmacyPurchaseReversal(Visits visits, PlatformApis platform, NationalCodes codes, JsonMapper json) {
        return new Settling.Reversal("2103", visits, platform, codes, json, true);
    }

    @Bean
    Transaction pharmacyPreSettle(Visits visits, Persons persons, Billing billing, NationalCodes codes, JsonMapper json) {
        return new PharmacyPurchase("2101", visits, persons, billing, codes, json, false);
    }

    @Bean
    Transaction pharmacySettle(Visits visits, Persons persons, Billing billing, NationalCodes codes, JsonMapper json) {
        return new PharmacyPurchase("2102", visits, persons, billing, codes, json, true);
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
