package org.yibao.launcher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Finding 7 of the security review: the local platform listened on every interface. */
class GatewayAddressTest {

    @Test
    void theGatewayListensOnLoopbackUnlessOpenedOnPurpose() {
        assertThat(LocalPlatform.gatewayAddress(null).getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(LocalPlatform.gatewayAddress(" ").isLoopbackAddress()).isTrue();
        assertThat(LocalPlatform.gatewayAddress("0.0.0.0").isAnyLocalAddress()).isTrue();
    }

    @Test
    void anAddressThatIsNotThisMachinesIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> LocalPlatform.gatewayAddress("203.0.113.7")) // TEST-NET-3, never a local address
                .hasMessageContaining("YIBAO_GATEWAY_ADDRESS=203.0.113.7").hasMessageContaining("not an address of this machine");
    }

    @Test
    void everyServiceAndManagementPortIsOnLoopback() {
        assertThat(LocalPlatform.LOOPBACK).isEqualTo("127.0.0.1");
        assertThat(LocalPlatform.SERVICES).allSatisfy(app -> assertThat(app.managementPort()).isEqualTo(app.port()));
        assertThat(LocalPlatform.GATEWAY.managementPort()).isNotEqualTo(LocalPlatform.GATEWAY.port());
    }
}
