package org.yibao.launcher;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstancesTest {

    @Test
    void instancesAreOneToFour() {
        assertThat(LocalPlatform.instances(List.of())).isEqualTo(1);
        assertThat(LocalPlatform.instances(List.of("--instances", "2"))).isEqualTo(2);
        assertThat(LocalPlatform.instances(List.of("--unsafe-fast-demo", "--instances=4"))).isEqualTo(4);
        assertThatThrownBy(() -> LocalPlatform.instances(List.of("--instances", "5"))).hasMessageContaining("1 to 4");
        assertThatThrownBy(() -> LocalPlatform.instances(List.of("--instances", "two"))).hasMessageContaining("not two");
    }

    @Test
    void anotherInstanceListensAHundredPortsFurtherAndKeepsItsRouteAndDatabase() {
        PlatformApp settlement = LocalPlatform.SERVICES.get(1);
        PlatformApp second = settlement.instance(2);

        assertThat(settlement.instance(1)).isSameAs(settlement);
        assertThat(second.name()).isEqualTo("settlement-service-2");
        assertThat(second.port()).isEqualTo(8182);
        assertThat(second.database()).isEqualTo(settlement.database());
        assertThat(second.urlVariable()).isEqualTo("SETTLEMENT_URL");
        assertThat(LocalPlatform.GATEWAY.instance(3)).satisfies(g -> {
            assertThat(g.port()).isEqualTo(8280);
            assertThat(g.managementPort()).isEqualTo(8290);
        });
        // no instance's port is another app's
        List<Integer> ports = new java.util.ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            for (PlatformApp app : LocalPlatform.SERVICES) {
                ports.add(app.instance(n).port());
            }
            ports.add(LocalPlatform.GATEWAY.instance(n).port());
            ports.add(LocalPlatform.GATEWAY.instance(n).managementPort());
        }
        assertThat(ports).doesNotHaveDuplicates();
    }
}
