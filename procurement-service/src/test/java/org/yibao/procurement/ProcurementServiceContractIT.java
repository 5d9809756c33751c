package org.yibao.procurement;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import org.yibao.testsupport.spring.ServiceContractTest;

@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ProcurementServiceContractIT extends ServiceContractTest {

    @Override
    protected String apiPrefix() {
        return "/api/procurement";
    }

    /** Finding 3 of the security review: a batch name over 200 characters and a winning price of 1e20 were answered 500. */
    @Test
    void anOverlongBatchNameAndAnImpossiblePriceAreRefusedNamingTheField() throws Exception {
        String batch = """
                {"batchId":"SR-%s","name":"%s","level":"NATIONAL","kind":"DRUG","startsOn":"2026-01-01","endsOn":"2027-12-31",
                 "products":[{"itemCode":"XSR%s","genericName":"氨氯地平","specification":"5mg*28","manufacturer":"某药业",
                 "winningPrice":%s,"previousPrice":"20.00"}]}""";

        assertRefusedNamingField(TestCallers.PROCUREMENT_OFFICER, "POST", "/api/procurement/batches",
                batch.formatted("1", "集".repeat(201), "1", "\"1.00\""), "name");
        assertRefusedNamingField(TestCallers.PROCUREMENT_OFFICER, "POST", "/api/procurement/batches",
                batch.formatted("2", "第九批", "2", "1e20"), "winningPrice");
    }
}
