package org.yibao.his.platform;

import org.springframework.stereotype.Component;
import org.yibao.contracts.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * casemix-service's settlement lists (医保结算清单) as the interface calls them for 4101/4101A and 4102, on the
 * institution's own path and with its own token (casemix holds it to its own settlements); answers bound onto the
 * records below, so that a member casemix renames fails here, naming it.
 */
@Component
public class CasemixClient {

    private static final String SERVICE = "casemix";

    private final PlatformApis platform;

    CasemixClient(PlatformApis platform) {
        this.platform = platform;
    }

    /** Uploads (or corrects, version + 1) the institution's list of one of its settlements, checked at once (4101/4101A). */
    public SettlementList upload(String institution, Upload list) {
        return platform.post(SERVICE, "/api/casemix/institutions/" + institution + "/settlement-lists", list,
                platform.type(SettlementList.class));
    }

    /** Submits the institution's passed list of a settlement (已提交, 4102); casemix refuses one not passed (409). */
    public SettlementList submit(String institution, String settlementId) {
        return platform.post(SERVICE, "/api/casemix/institutions/" + institution + "/settlement-lists/" + settlementId + "/submission",
                java.util.Map.of(), platform.type(SettlementList.class));
    }

    /** The institution's list of a settlement, or empty when none was uploaded (4102). */
    public Optional<SettlementList> find(String institution, String settlementId) {
        return platform.find(SERVICE, "/api/casemix/institutions/" + institution + "/settlement-lists/" + settlementId,
                platform.type(SettlementList.class));
    }

    /**
     * A list as casemix takes it (its ListController's UploadList).
     *
     * @param settlementId       settlement-service's id of the bill the list describes
     * @param mainDiagnosis      ICD-10, insurance edition
     * @param secondaryDiagnoses the others, in the order listed
     * @param fees               each of the 14 fee categories at most once, yuan
     * @param ventilatorHours    whole hours
     * @param newbornWeights     grams
     * @param department         the discharging department's code, or null
     */
    public record Upload(String settlementId, LocalDate admissionDate, LocalDate dischargeDate, String mainDiagnosis,
                         List<String> secondaryDiagnoses, List<Procedure> procedures, List<Fee> fees, int ventilatorHours,
                         List<Integer> newbornWeights, String department) {
    }

    /** A procedure (ICD-9-CM-3, insurance edition), its day, whether it is the main one. */
    public record Procedure(String code, LocalDate date, boolean main) {
    }

    /**
     * A fee category's amount.
     *
     * @param category BED, CONSULTATION, EXAMINATION, LABORATORY, TREATMENT, SURGERY, NURSING, MATERIAL, WESTERN_DRUG,
     *                 HERBAL_PIECES, PATENT_CHINESE_DRUG, GENERAL_DIAGNOSIS, REGISTRATION or OTHER
     */
    public record Fee(String category, Money amount) {
    }

    /**
     * A list as casemix answers it.
     *
     * @param version  1 for the first upload, one more for each correction
     * @param state    UNCHECKED (未质控), INCOMPLETE (质控未完成) or PASSED (质控完成)
     * @param findings quality control's findings, each naming casemix's field
     */
    public record SettlementList(String settlementId, String institutionCode, int version, String state, List<Finding> findings) {
    }

    /** A finding: casemix's field ({@code secondaryDiagnoses[1]}, {@code procedures[0].date}) and why. */
    public record Finding(String field, String reason) {
    }
}
