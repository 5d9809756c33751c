package org.yibao.supervision;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import org.yibao.testsupport.spring.ServiceContractTest;

@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SupervisionServiceContractIT extends ServiceContractTest {

    @Override
    protected String apiPrefix() {
        return "/api/supervision";
    }
}
