package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.Input;
import org.yibao.his.national.HisException;
import org.yibao.his.national.NationalCodes;
import org.yibao.his.national.NationalTime;
import org.yibao.his.platform.SettlementClient;
import org.yibao.his.visit.Billing;
import org.yibao.his.visit.FeeLine;
import org.yibao.his.visit.Persons;
import org.yibao.his.visit.SettlementOutput;
import org.yibao.his.visit.Visit;
import org.yibao.his.visit.Visits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDateTime;
import java.util.List;

/**
 * 2101 药店预结算 / 2102 药店结算 (its reversal is 2103): a designated pharmacy's purchase in one
 * message — the person, the total and the drugs (drugdetail) — priced and settled by the platform as a
 * PHARMACY bill. 2101 keeps nothing; 2102 keeps the purchase as a visit of its own (its mdtrt_id and
 * setl_id are what 2103, 5203 and 5204 name).
 */
@Component
class PharmacyPurchase {

    private final Visits visits;
    private final Persons persons;
    private final Billing billing;
    private final Settling settling;
    private final NationalCodes codes;
    private final JsonMapper json;
    private final CatalogTransactions catalog;

    PharmacyPurchase(Visits visits, Persons persons, Billing billing, Settling settling, NationalCodes codes, JsonMapper json, CatalogTransactions catalog) {
        this.visits = visits;
        this.persons = persons;
        this.billing = billing;
        this.settling = settling;
        this.codes = codes;
        this.json = json;
        this.catalog = catalog;
    }

    /** 2101 (pre-settle, keeps nothing) / 2102 (settle). */
    JsonNode purchase(Call call, boolean settle) {
        Input data = call.input().object("data");
        String person = data.person("psn_no");
        String medType = data.optional("med_type") == null ? "41" : data.optional("med_type");
        if (!"41".equals(medType)) {
            throw HisException.field("data.med_type", medType + " is not a pharmacy purchase (41)");
        }
        LocalDateTime begins = data.optional("begntime") == null ? NationalTime.now() : data.dateTime("begntime");
        List<Input> details = call.input().list("drugdetail");
        // the purchase as a visit: kept only when it is settled (the whole message is one database transaction)
        Persons.Insured insured = persons.on(person, begins.toLocalDate(), "data.psn_no");
        String number = call.msgid().substring(Math.max(0, call.msgid().length() - 30));   // the purchase's number: its message's
        String mdtrtId = settle ? visits.open(call.institution(), person, Visit.Kind.PHARMACY, "41", data.optional("insutype"),
                number, begins, List.of(), call.msgid(), insured) : null;
        Visit visit = settle ? visits.get(mdtrtId, call.institution(), "data")
                : new Visit(null, call.institution(), person, Visit.Kind.PHARMACY, "41", data.optional("insutype"), call.msgid(),
                begins, null, List.of(), Visit.Status.OPEN, insured.name(), insured.psnType());
        List<FeeLine> lines = FeeDetails.readLines(details, visit, null);
        catalog.requireMapped(call, "drugdetail", details, begins.toLocalDate());
        Billing.Segment segment = new Billing.Segment(lines, begins.toLocalDate(), false);
        // acct_used_flag 1: the person's part paid from the personal account up to its balance (issue 22)
        boolean accountAsked = "1".equals(data.optional("acct_used_flag"));
        if (!settle) {
            SettlementClient.Bill quote = billing.quote(visit, lines, begins.toLocalDate(), call.msgid(), accountAsked);
            requireTotal(data, segment);
            return SettlementOutput.of(quote, visit, null, call.msgid(), false, codes, json);
        }
        visits.addLines(mdtrtId, lines, call.msgid());
        SettlementClient.Bill bill = billing.bill(visit, segment, data.decimal("medfee_sumamt"), call.msgid(), true, accountAsked);
        return settling.settled(visit, segment, bill, call.msgid(), true);
    }

    private static void requireTotal(Input data, Billing.Segment segment) {
        if (data.decimal("medfee_sumamt").compareTo(segment.total()) != 0) {
            throw HisException.field("data.medfee_sumamt", data.decimal("medfee_sumamt").toPlainString()
                    + " is not the sum of drugdetail, " + segment.total().toPlainString());
        }
    }
}
