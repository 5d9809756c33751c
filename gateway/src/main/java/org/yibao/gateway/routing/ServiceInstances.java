package org.yibao.gateway.routing;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.net.URI;
import java.util.List;

/**
 * The services' instances as configured ({@code yibao.gateway.services.<name>.uri}, comma-separated), for Spring Cloud
 * LoadBalancer's {@code lb://<name>} routes. On Kubernetes a service is one address (its Service balances the pods);
 * the local platform's {@code --instances} lists each instance (docs/adr/0029).
 */
@Component
public class ServiceInstances implements ReactiveDiscoveryClient {

    private final GatewayProperties properties;

    public ServiceInstances(GatewayProperties properties) {
        this.properties = properties;
    }

    @Override
    public String description() {
        return "the services' instances of yibao.gateway.services";
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        GatewayProperties.Service service = properties.getServices().get(serviceId);
        if (service == null) {
            return Flux.empty();
        }
        List<URI> uris = service.getUri();
        return Flux.range(0, uris.size()).map(i -> {
            URI uri = uris.get(i);
            return new DefaultServiceInstance(serviceId + "-" + (i + 1), serviceId, uri.getHost(), uri.getPort(),
                    "https".equals(uri.getScheme()));
        });
    }

    @Override
    public Flux<String> getServices() {
        return Flux.fromIterable(properties.getServices().keySet());
    }
}
