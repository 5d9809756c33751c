package org.yibao.his.platform;

import org.springframework.stereotype.Component;
import org.yibao.contracts.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * clearing-service's clearing applications (清算申请) as the interface calls them for 3203 and 3204, on the
 * institution's own path and with its own token (clearing holds it to its own applications); answers bound
 * onto the records below, so that a member clearing renames fails here, naming it.
 */
@Component
public class ClearingClient {

    private static final String SERVICE = "clearing";

    private final PlatformApis platform;

    ClearingClient(PlatformApis platform) {
        this.platform = platform;
    }

    /** Files the institution's application for a month (3203); the same messageId again gets the same application. */
    public Application file(String institution, Statement statement) {
        return platform.post(SERVICE, "/api/clearing/institutions/" + institution + "/applications", statement,
                platform.type(Application.class));
    }

    /** Cancels the institution's application (3204); a cancelled one is answered as it is. */
    public Application cancel(String institution, String applicationId) {
        return platform.post(SERVICE, "/api/clearing/institutions/" + institution + "/applications/" + applicationId + "/cancellation",
                java.util.Map.of(), platform.type(Application.class));
    }

    /**
     * A month's clearing as the institution states it, amounts in yuan as text with two decimals.
     *
     * @param messageId     the message's msgid (clearing's idempotency key)
     * @param period        yyyy-MM
     * @param clearingType  OUTPATIENT, INPATIENT or PHARMACY (clr_type 11, 21, 41)
     * @param clearingWay   clr_way as stated, or null
     */
    public record Statement(String messageId, String period, String clearingType, String clearingWay, LocalDate beginDate,
                            LocalDate endDate, int visits, String medicalFeeTotal, String eligibleFeeTotal, String fundAmount,
                            String cashAmount, String accountAmount) {
    }

    /**
     * An application as clearing answers it.
     *
     * @param applicationId clr_appy_evt_id, 30 digits
     * @param state         IN_FORCE or CANCELLED
     */
    public record Application(String applicationId, String state, Reconciliation reconciliation) {
    }

    /**
     * The application against what the platform owed the month when it was filed, in yuan.
     *
     * @param monthFundStated     fund_appy_sum of the month's applications in force, this one included
     * @param monthAccountStated  acct_pay likewise
     * @param platformFundOwed    what the funds other than the personal account owed the month
     * @param platformAccountOwed what the personal accounts owed the month
     */
    public record Reconciliation(boolean agrees, Money monthFundStated, Money monthAccountStated, Money platformFundOwed,
                                 Money platformAccountOwed, List<Difference> differences) {
    }

    /** One amount that differs ({@code fundAmount} or {@code accountAmount}): stated less platform. */
    public record Difference(String amount, Money stated, Money platform, Money difference) {
    }
}
