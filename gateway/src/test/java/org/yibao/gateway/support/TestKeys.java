package org.yibao.gateway.support;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.yibao.testsupport.security.TestCallers;

import java.util.Map;

/**
 * The gateway under test checks tokens against the test key set (TestCallers signs them), not the identity service's
 * /oauth2/jwks: the identity service is tested on its own (identity-service), and together in the launcher's tests.
 */
public final class TestKeys implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addLast(new MapPropertySource("test-keys",
                Map.of("yibao.security.jwt.jwk-set", TestCallers.publicKeySet())));
    }
}
