package org.yibao.deploy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every manifest under deploy/kubernetes, loaded into the maintained Kubernetes models — fabric8's for the built-in kinds,
 * Strimzi's own API model for Kafka and its node pools, fabric8's Prometheus Operator model for ServiceMonitor — so a
 * misspelt or misplaced field fails the build: the models keep a field they do not know in "additional properties", and
 * any found there is a failure naming the file, the object and the field. CloudNativePG publishes no Java model: its
 * Cluster is read into {@link CnpgCluster}, the fields of its API reference that the manifest uses, strictly. Then what the
 * platform needs of its manifests: every application probed on its actuator's readiness and liveness, with resource
 * requests and a memory limit, exposed by a Service on its named port, kept by a PodDisruptionBudget and scaled by a
 * HorizontalPodAutoscaler (the gateway's replicas share rate limits, docs/adr/0029), configured from the ConfigMap and the database secret
 * — all but identity-service, the token issuer, which runs exactly one replica with no autoscaler and no database
 * (docs/adr/0030), and which the gateway and every service check tokens against.
 */
class ManifestsTest {

    private static final Path DIR = Path.of("..", "deploy", "kubernetes");
    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", CnpgCluster.class));
    /**
     * The token issuer: one replica (a browser login's session and codes are in its memory, docs/adr/0030), so not kept by a
     * PodDisruptionBudget nor scaled by an autoscaler, and with no database.
     */
    private static final String IDENTITY_SERVICE = "identity-service";
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Every document of every file, bound onto its model: file → documents. */
    private static final Map<String, List<Object>> LOADED = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).sorted().toList()) {
                List<Object> documents = new ArrayList<>();
                for (JsonNode document : YAML.readValues(new YAMLFactory().createParser(file.toFile()), JsonNode.class).readAll()) {
                    if (document == null || document.isNull() || document.isEmpty()) {
                        continue;
                    }
                    documents.add(bind(file.getFileName().toString(), document));
                }
                LOADED.put(file.getFileName().toString(), documents);
            }
        }
    }

    private static Object bind(String file, JsonNode document) {
        String key = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
        Class<?> model = MODELS.get(key);
        if (model == null) {
            throw new AssertionError(file + ": no model for " + key + " (a kind this check does not know: add its model)");
        }
        try {
            return (model == CnpgCluster.class ? STRICT : YAML).treeToValue(document, model);
        } catch (IOException e) {
            throw new AssertionError(file + ": " + key + " " + document.at("/metadata/name").asText() + " does not bind: " + e.getMessage(), e);
        }
    }

    @Test
    void everyFieldOfEveryManifestIsAFieldOfItsKind() {
        List<String> unknown = new ArrayList<>();
        LOADED.forEach((file, documents) -> documents.forEach(d -> unknownFields(d, file + " " + describe(d), unknown,
                java.util.Collections.newSetFromMap(new IdentityHashMap<>()))));

        assertThat(LOADED).isNotEmpty();
        assertThat(unknown).as("fields the Kubernetes models do not know").isEmpty();
    }

    /** A misspelt field is caught: the check itself is checked on a Deployment with "replica" and a probe's "httpget". */
    @Test
    void aMisspeltFieldIsFoundWhereItIs() throws IOException {
        JsonNode wrong = YAML.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replica: 2
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x
                          readinessProbe: {httpget: {path: /, port: 80}}
                """);
        List<String> unknown = new ArrayList<>();

        unknownFields(bind("test.yaml", wrong), "x", unknown, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));

        assertThat(unknown).containsExactlyInAnyOrder("x.spec.replica", "x.spec.template.spec.containers[0].readinessProbe.httpget");
    }

    @Test
    void everyApplicationIsProbedSizedExposedKeptAndScaled() {
        List<Deployment> deployments = all(Deployment.class);
        assertThat(deployments).extracting(d -> d.getMetadata().getName()).containsExactlyInAnyOrder("gateway", "enrollment-service",
                "settlement-service", "assistance-service", "supervision-service", "procurement-service", "his-interface", "care-service",
                "clearing-service", "casemix-service", IDENTITY_SERVICE);
        ConfigMap platform = all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals("yibao-platform")).findFirst()
                .orElseThrow();
        for (Deployment d : deployments) {
            String name = d.getMetadata().getName();
            Map<String, String> labels = d.getSpec().getSelector().getMatchLabels();
            assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).as(name + " pods carry its selector").containsAllEntriesOf(labels);
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(c.getReadinessProbe().getHttpGet().getPath()).as(name).isEqualTo("/actuator/health/readiness");
            assertThat(c.getLivenessProbe().getHttpGet().getPath()).as(name).isEqualTo("/actuator/health/liveness");
            assertThat(c.getResources().getRequests()).as(name + " requests").containsKeys("cpu", "memory");
            assertThat(c.getResources().getLimits()).as(name + " limits").containsKey("memory");
            assertThat(c.getEnvFrom()).as(name).anySatisfy(e -> assertThat(e.getConfigMapRef().getName()).isEqualTo("yibao-platform"));
            Set<String> ports = new java.util.HashSet<>();
            c.getPorts().forEach(p -> ports.add(p.getName()));
            Service service = all(Service.class).stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " has no Service"));
            assertThat(service.getSpec().getSelector()).as(name + "'s Service selects its pods").isEqualTo(labels);
            service.getSpec().getPorts().forEach(p -> assertThat(ports).as(name + "'s Service port " + p.getName()).contains(p.getTargetPort().getStrVal()));
            if (name.equals(IDENTITY_SERVICE)) {
                // the one exception, on purpose: one replica, no autoscaler, no PodDisruptionBudget (for one replica it
                // would either block every node drain or allow everything), no database; checked by
                // oneIdentityServiceIssuesTheTokensEveryApplicationChecks
                continue;
            }
            assertThat(all(PodDisruptionBudget.class)).as(name + " has a PodDisruptionBudget")
                    .anySatisfy(b -> assertThat(b.getSpec().getSelector().getMatchLabels()).isEqualTo(labels));
            {
                // the autoscaler owns the count (Kubernetes' autoscaling docs: a Deployment's replicas would be reset by
                // every apply); it keeps two at least
                assertThat(d.getSpec().getReplicas()).as(name + "'s replicas left to its autoscaler").isNull();
                HorizontalPodAutoscaler hpa = all(HorizontalPodAutoscaler.class).stream()
                        .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(name)).findFirst()
                        .orElseThrow(() -> new AssertionError(name + " has no HorizontalPodAutoscaler"));
                assertThat(hpa.getSpec().getMinReplicas()).as(name).isGreaterThanOrEqualTo(2);
                assertThat(hpa.getSpec().getMetrics()).as(name + " scales on CPU").anySatisfy(m -> assertThat(m.getType()).isEqualTo("Resource"));
                assertThat(c.getEnv()).as(name + " reads its database from the cluster's secret")
                        .filteredOn(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                        .extracting(e -> e.getValueFrom().getSecretKeyRef().getName()).containsOnly("yibao-postgres-app").hasSize(2);
            }
        }
        // every service's address in the ConfigMap names a Service on its port
        platform.getData().forEach((key, value) -> {
            if (key.endsWith("_URL")) {
                String host = value.replaceFirst("^http://", "").replaceFirst(":.*$", "");
                int port = Integer.parseInt(value.replaceFirst("^.*:", ""));
                assertThat(all(Service.class)).as(key).anySatisfy(s -> {
                    assertThat(s.getMetadata().getName()).isEqualTo(host);
                    assertThat(s.getSpec().getPorts()).anySatisfy(p -> assertThat(p.getPort()).isEqualTo(port));
                });
            }
        });
    }

    /**
     * Kafka keeps an event on two replicas before it is acknowledged, and the topics the applications create have the
     * replicas for it (their replication factor comes from the ConfigMap: the applications' default of 1 would make every
     * acks=all send fail against min.insync.replicas 2) and a partition for every consumer pod; PostgreSQL commits to a
     * replica, every service's DB_URL names the cluster's read-write Service, and the pods' connection pools fit within
     * its max_connections.
     */
    @Test
    void kafkaKeepsEveryEventOnTwoReplicasAndTheDatabaseCommitsToAReplica() {
        Kafka kafka = all(Kafka.class).get(0);
        int minInSync = ((Number) kafka.getSpec().getKafka().getConfig().get("min.insync.replicas")).intValue();
        assertThat(minInSync).isEqualTo(2);
        int brokers = all(KafkaNodePool.class).get(0).getSpec().getReplicas();
        Map<String, String> platform = configMap().getData();
        int replicas = Integer.parseInt(platform.get("YIBAO_MESSAGING_TOPICS_REPLICATIONFACTOR"));
        int partitions = Integer.parseInt(platform.get("YIBAO_MESSAGING_TOPICS_PARTITIONS"));
        assertThat(replicas).as("the topics' replicas").isGreaterThan(minInSync).isLessThanOrEqualTo(brokers);
        all(HorizontalPodAutoscaler.class).forEach(h -> assertThat(h.getSpec().getMaxReplicas())
                .as(h.getMetadata().getName() + "'s pods at most, each a consumer of a partition").isLessThanOrEqualTo(partitions));

        CnpgCluster postgres = all(CnpgCluster.class).get(0);
        assertThat(postgres.spec().instances()).isGreaterThanOrEqualTo(3);
        assertThat(postgres.spec().minSyncReplicas()).isGreaterThanOrEqualTo(1);
        int pool = Integer.parseInt(platform.get("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE"));
        int connections = 0;
        for (Deployment d : all(Deployment.class)) {
            java.util.Optional<String> url = d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .filter(e -> e.getName().equals("DB_URL")).map(io.fabric8.kubernetes.api.model.EnvVar::getValue).findFirst();
            if (url.isPresent()) {
                assertThat(url.get()).as(d.getMetadata().getName() + "'s DB_URL").startsWith("jdbc:postgresql://" + postgres.metadata().name() + "-rw:5432/");
                int most = all(HorizontalPodAutoscaler.class).stream().filter(h -> h.getSpec().getScaleTargetRef().getName()
                        .equals(d.getMetadata().getName())).mapToInt(h -> h.getSpec().getMaxReplicas()).findFirst().orElseThrow();
                connections += most * pool;
            }
        }
        assertThat(connections).as("the pools of every pod at the autoscalers' most, against max_connections less the superuser's reserve")
                .isLessThanOrEqualTo(Integer.parseInt(postgres.spec().postgresql().parameters().get("max_connections")) - 10);
    }

    /** Settlement runs supervision's real-time audit; the gateway is given the bureau's clients, never the demo ones. */
    @Test
    void settlementAuditsInRealTimeAndTheGatewayReadsTheBureausClients() {
        assertThat(env("settlement-service")).containsEntry("PRECHECK_ENABLED", "true");
        // a Spring resource location: a bare path would be read as a resource of the web context and not found
        assertThat(env("gateway").get("YIBAO_CLIENTS_FILE")).as("the gateway's clients file").startsWith("file:/");
    }

    /**
     * identity-service (docs/adr/0030): exactly one replica, replaced by Recreate (a rolling update would run two behind its
     * Service and fail the logins begun in the other), never autoscaled, with no PodDisruptionBudget and no database; it
     * signs with the bureau's keys mounted read-only and reads the bureau's clients file; the gateway passes the identity
     * routes to its Service, and the gateway and every service check tokens against its key set, on its Service's port.
     */
    @Test
    void oneIdentityServiceIssuesTheTokensEveryApplicationChecks() {
        Deployment identity = deployment(IDENTITY_SERVICE);
        assertThat(identity.getSpec().getReplicas()).as("identity-service's replicas").isEqualTo(1);
        assertThat(identity.getSpec().getStrategy()).as("identity-service's update strategy").isNotNull();
        assertThat(identity.getSpec().getStrategy().getType()).as("identity-service's update strategy").isEqualTo("Recreate");
        assertThat(all(HorizontalPodAutoscaler.class)).as("no autoscaler scales identity-service")
                .noneMatch(h -> h.getSpec().getScaleTargetRef().getName().equals(IDENTITY_SERVICE));
        Map<String, String> labels = identity.getSpec().getSelector().getMatchLabels();
        assertThat(all(PodDisruptionBudget.class)).as("no PodDisruptionBudget holds identity-service's one pod")
                .noneMatch(b -> b.getSpec().getSelector() != null && labels.equals(b.getSpec().getSelector().getMatchLabels()));

        Map<String, String> env = env(IDENTITY_SERVICE);
        assertThat(env).as("identity-service has no database").doesNotContainKeys("DB_URL", "DB_USER", "DB_PASSWORD");
        // a Spring resource location: a bare path would be read as a resource of the web context and not found
        assertThat(env.get("YIBAO_CLIENTS_FILE")).as("identity-service's clients file").startsWith("file:/")
                .isEqualTo(env("gateway").get("YIBAO_CLIENTS_FILE"));
        Container container = identity.getSpec().getTemplate().getSpec().getContainers().get(0);
        VolumeMount keys = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(env.get("YIBAO_KEYS_DIR")))
                .findFirst().orElseThrow(() -> new AssertionError("identity-service's YIBAO_KEYS_DIR is not a mounted volume"));
        assertThat(keys.getReadOnly()).as("identity-service's keys mounted read-only").isTrue();
        Volume keysVolume = identity.getSpec().getTemplate().getSpec().getVolumes().stream().filter(v -> v.getName().equals(keys.getName()))
                .findFirst().orElseThrow();
        assertThat(keysVolume.getSecret().getSecretName()).as("identity-service's keys").isEqualTo("yibao-identity-keys");
        assertThat(env("gateway")).as("the gateway signs no token").doesNotContainKey("YIBAO_KEYS_DIR");

        Service service = all(Service.class).stream().filter(s -> s.getMetadata().getName().equals(IDENTITY_SERVICE)).findFirst()
                .orElseThrow(() -> new AssertionError("identity-service has no Service"));
        List<Integer> ports = service.getSpec().getPorts().stream().map(ServicePort::getPort).toList();
        for (Deployment d : all(Deployment.class)) {
            String name = d.getMetadata().getName();
            if (name.equals(IDENTITY_SERVICE)) {
                continue;
            }
            String jwks = effectiveEnv(d).get("YIBAO_SECURITY_JWT_JWK_SET_URI");
            assertThat(jwks).as(name + "'s key set: identity-service's, directly").isNotNull()
                    .startsWith("http://" + IDENTITY_SERVICE + ":").endsWith("/oauth2/jwks");
            assertThat(ports).as(name + "'s key set on a port of identity-service's Service")
                    .contains(Integer.parseInt(jwks.replaceFirst("^http://[^:]+:", "").replaceFirst("/.*$", "")));
        }
        String identityUrl = effectiveEnv(deployment("gateway")).get("IDENTITY_URL");
        assertThat(identityUrl).as("the gateway's IDENTITY_URL: one address, identity-service's Service").isNotNull()
                .matches("http://" + IDENTITY_SERVICE + ":\\d+");
        assertThat(ports).as("the gateway's IDENTITY_URL on a port of identity-service's Service")
                .contains(Integer.parseInt(identityUrl.replaceFirst("^.*:", "")));
    }

    private static Deployment deployment(String name) {
        return all(Deployment.class).stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + name));
    }

    /** A container's environment as it runs: the ConfigMaps it reads whole (envFrom), then its own variables over them. */
    private static Map<String, String> effectiveEnv(Deployment deployment) {
        Container c = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = new java.util.HashMap<>();
        if (c.getEnvFrom() != null) {
            c.getEnvFrom().stream().filter(e -> e.getConfigMapRef() != null).forEach(e -> all(ConfigMap.class).stream()
                    .filter(m -> m.getMetadata().getName().equals(e.getConfigMapRef().getName()))
                    .forEach(m -> env.putAll(m.getData())));
        }
        if (c.getEnv() != null) {
            c.getEnv().forEach(e -> env.put(e.getName(), e.getValue()));
        }
        return env;
    }

    private static ConfigMap configMap() {
        return all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals("yibao-platform")).findFirst().orElseThrow();
    }

    private static Map<String, String> env(String deployment) {
        Map<String, String> env = new java.util.HashMap<>();
        all(Deployment.class).stream().filter(d -> d.getMetadata().getName().equals(deployment)).findFirst().orElseThrow()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().forEach(e -> env.put(e.getName(), e.getValue()));
        return env;
    }

    @Test
    void theKustomizationListsEveryManifest() throws IOException {
        JsonNode kustomization = YAML.readTree(DIR.resolve("kustomization.yaml").toFile());
        List<String> listed = new ArrayList<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));

        assertThat(listed).containsExactlyInAnyOrderElementsOf(LOADED.keySet());
    }

    // --- the walk

    private static <T> List<T> all(Class<T> type) {
        return LOADED.values().stream().flatMap(Collection::stream).filter(type::isInstance).map(type::cast).toList();
    }

    private static String describe(Object document) {
        return document instanceof HasMetadata m ? m.getKind() + "/" + m.getMetadata().getName() : document.getClass().getSimpleName();
    }

    /** Collects each field a model kept as unknown ("additional properties"), with its path. */
    private static void unknownFields(Object node, String path, List<String> unknown, Set<Object> seen) {
        if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean || node instanceof Enum<?>
                || !seen.add(node)) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown, seen));
            return;
        }
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                unknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        String pkg = node.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi")) {
            return;
        }
        for (Method m : node.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class
                    || !(m.getName().startsWith("get") || m.getName().startsWith("is"))) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(node);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(k -> unknown.add(path + "." + k));
                }
                continue;
            }
            String property = Character.toLowerCase(m.getName().charAt(m.getName().startsWith("is") ? 2 : 3))
                    + m.getName().substring(m.getName().startsWith("is") ? 3 : 4);
            unknownFields(value, path + "." + property, unknown, seen);
        }
    }

    /**
     * The fields of CloudNativePG's Cluster (postgresql.cnpg.io/v1, its API reference) that deploy/kubernetes uses, read
     * strictly: any other field is a failure to bind, naming it.
     */
    @JsonIgnoreProperties(value = {"apiVersion", "kind"})
    record CnpgCluster(Metadata metadata, Spec spec) {

        record Metadata(String name, String namespace) {
        }

        record Spec(int instances, String imageName, Integer minSyncReplicas, Integer maxSyncReplicas, Storage storage,
                    Map<String, Map<String, String>> resources, Postgresql postgresql, Bootstrap bootstrap, Monitoring monitoring) {
        }

        record Storage(String size, String storageClass) {
        }

        record Postgresql(Map<String, String> parameters) {
        }

        record Bootstrap(InitDb initdb) {
        }

        record InitDb(String database, String owner, SecretRef secret, List<String> postInitApplicationSQL) {
        }

        record SecretRef(String name) {
        }

        record Monitoring(Boolean enablePodMonitor) {
        }
    }
}
