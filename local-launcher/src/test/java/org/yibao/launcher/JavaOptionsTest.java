package org.yibao.launcher;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which JVM options each application starts with: the defaults, the settle path's own, or everyone's override. */
class JavaOptionsTest {

    private static final PlatformApp SETTLEMENT = new PlatformApp("settlement-service", "settlement-service", 8082, "settlement");
    private static final PlatformApp ENROLLMENT = new PlatformApp("enrollment-service", "enrollment-service", 8081, "enrollment");

    @Test
    void theSettlePathIsTheGatewaySettlementAndSupervisionInEveryInstance() {
        assertThat(LocalPlatform.GATEWAY.settlePath()).isTrue();
        assertThat(SETTLEMENT.settlePath()).isTrue();
        assertThat(SETTLEMENT.instance(2).settlePath()).isTrue();
        assertThat(new PlatformApp("supervision-service", "supervision-service", 8084, "supervision").settlePath()).isTrue();
        assertThat(ENROLLMENT.settlePath()).isFalse();
        assertThat(LocalPlatform.IDENTITY.settlePath()).isFalse();
        assertThat(new PlatformApp("his-interface", "his-interface", 8086, "his").settlePath()).isFalse();
    }

    @Test
    void everyApplicationHasTheDefaultsUnlessTheEnvironmentSays() {
        assertThat(AppProcess.javaOpts(SETTLEMENT, Map.of())).isEqualTo(AppProcess.DEFAULT_JAVA_OPTS);
        assertThat(AppProcess.javaOpts(ENROLLMENT, Map.of())).isEqualTo(AppProcess.DEFAULT_JAVA_OPTS);

        Map<String, String> settlePath = Map.of("YIBAO_SETTLE_PATH_JAVA_OPTS", "-Xmx512m");
        assertThat(AppProcess.javaOpts(SETTLEMENT, settlePath)).isEqualTo("-Xmx512m");
        assertThat(AppProcess.javaOpts(ENROLLMENT, settlePath)).isEqualTo(AppProcess.DEFAULT_JAVA_OPTS);

        Map<String, String> both = Map.of("YIBAO_SETTLE_PATH_JAVA_OPTS", "-Xmx512m", "YIBAO_SERVICE_JAVA_OPTS", "-Xmx1g");
        assertThat(AppProcess.javaOpts(SETTLEMENT, both)).isEqualTo("-Xmx1g");
        assertThat(AppProcess.javaOpts(ENROLLMENT, both)).isEqualTo("-Xmx1g");
    }
}
