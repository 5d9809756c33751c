package org.yibao.procurement;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import org.yibao.testsupport.spring.ServiceContractTest;

@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ProcurementServiceContractIT extends ServiceContractTest {

    @Override
    protected String apiPrefix() {
        return "/api/procurement";
    }
}
