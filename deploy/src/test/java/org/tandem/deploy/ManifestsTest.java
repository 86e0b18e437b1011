package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment files, read as Kubernetes and Compose would read them (no cluster and no Docker engine here):
 * every manifest parses, the probes and the scrape ask paths and ports the application serves, the grace period
 * covers the shutdown, every secret and setting is one the README names, and Kustomize renders both overlays
 * where kubectl is installed.
 */
class ManifestsTest {

    static final Path K8S = Path.of("k8s");
    static final int SHUTDOWN_PHASES = 3;

    @Test
    void everyManifestParsesAndNamesWhatItIs() throws IOException {
        List<Map<String, Object>> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                if (!f.getFileName().toString().equals("kustomization.yaml")) {
                    all.addAll(read(f));
                }
            }
        }
        assertThat(all).extracting(m -> (String) m.get("kind")).contains("Deployment", "Service", "ConfigMap",
                "PodDisruptionBudget", "HorizontalPodAutoscaler", "ServiceMonitor", "Ingress");
        for (Map<String, Object> m : all) {
            assertThat(m).as("a manifest").containsKeys("apiVersion", "kind", "metadata");
            assertThat(map(m, "metadata")).containsKey("name");
        }
    }

    @Test
    void theProbesAndTheScrapeAskWhatTheApplicationServesOnItsPorts() throws IOException {
        Properties app = applicationProperties();
        int http = Integer.parseInt(app.getProperty("server.port").replaceAll("\\$\\{PORT:(\\d+)}", "$1"));
        int management = Integer.parseInt(app.getProperty("management.server.port"));
        assertThat(app.getProperty("management.endpoint.health.probes.add-additional-paths")).isEqualTo("true");
        assertThat(app.getProperty("management.endpoints.web.exposure.include")).contains("prometheus", "health");

        Map<String, Object> container = container(one("Deployment"));
        Map<String, Integer> ports = new java.util.HashMap<>();
        for (Map<String, Object> p : list(container, "ports")) {
            ports.put((String) p.get("name"), (Integer) p.get("containerPort"));
        }
        assertThat(ports).containsEntry("http", http).containsEntry("management", management);
        assertThat(probe(container, "livenessProbe")).isEqualTo("/livez@" + http);
        assertThat(probe(container, "startupProbe")).isEqualTo("/livez@" + http);
        assertThat(probe(container, "readinessProbe")).isEqualTo("/readyz@" + http);

        Map<String, Object> service = one("Service");
        Map<String, Object> servicePorts = new java.util.HashMap<>();
        for (Map<String, Object> p : list(map(service, "spec"), "ports")) {
            assertThat(ports).as("the Service's targetPort").containsKey((String) p.get("targetPort"));
            servicePorts.put((String) p.get("name"), p.get("targetPort"));
        }
        Map<String, Object> scrape = list(map(one("ServiceMonitor"), "spec"), "endpoints").get(0);
        assertThat(scrape).containsEntry("path", "/actuator/prometheus");
        assertThat(ports.get((String) servicePorts.get((String) scrape.get("port")))).isEqualTo(management);
    }

    @Test
    void theIngressOfEachPlatformRoutesOnlyItsPathsToTheApplicationsPort() throws IOException {
        Map<String, Set<String>> allowed = Map.of("slack", Set.of("/slack/events", "/slack/install",
                "/slack/oauth_redirect"), "teams", Set.of("/api/messages", "/api/teams/files/"));
        for (String overlay : allowed.keySet()) {
            Map<String, Object> ingress = read(K8S.resolve("overlays").resolve(overlay).resolve("ingress.yaml")).get(0);
            Set<String> paths = new TreeSet<>();
            for (Map<String, Object> rule : list(map(ingress, "spec"), "rules")) {
                for (Map<String, Object> p : list(map(rule, "http"), "paths")) {
                    paths.add((String) p.get("path"));
                    Map<String, Object> backend = map(map(p, "backend"), "service");
                    assertThat(backend).containsEntry("name", "tandem");
                    assertThat(map(backend, "port")).containsEntry("name", "http");
                }
            }
            assertThat(paths).as(overlay).isEqualTo(allowed.get(overlay));
        }
    }

    @Test
    void theGracePeriodCoversThePreStopPauseAndEveryShutdownPhase() throws IOException {
        Map<String, Object> pod = map(map(one("Deployment"), "spec"), "template");
        int grace = (Integer) map(pod, "spec").get("terminationGracePeriodSeconds");
        int pause = (Integer) map(map(map(container(one("Deployment")), "lifecycle"), "preStop"), "sleep")
                .get("seconds");
        String phase = applicationProperties().getProperty("spring.lifecycle.timeout-per-shutdown-phase");
        int perPhase = Integer.parseInt(phase.replace("s", ""));
        assertThat(grace).isGreaterThanOrEqualTo(pause + SHUTDOWN_PHASES * perPhase);
        assertThat(map(one("Deployment"), "spec")).containsEntry("replicas", 2);
        assertThat(map(map(one("PodDisruptionBudget"), "spec"), "selector")).isNotNull();
    }

    @Test
    void everySecretAndSettingIsOneTheReadmeNames() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String production = readme.substring(readme.indexOf("## Run in production"));
        Set<String> secretKeys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Matcher m = Pattern.compile("key: (\\S+)").matcher(Files.readString(f));
                while (m.find()) {
                    secretKeys.add(m.group(1));
                }
            }
        }
        assertThat(secretKeys).contains("MONGODB_URI", "TANDEM_SLACK_BOT_TOKEN", "TANDEM_TEAMS_APP_PASSWORD");
        for (String key : secretKeys) {
            assertThat(production).as("the README's \"Run in production\" names the secret %s", key).contains(key);
        }
        // each setting of the ConfigMap is the environment form of a property of the README's configuration table
        Set<String> known = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z][a-z0-9.-]+)`").matcher(readme);
        while (row.find()) {
            known.add(row.group(1).replace(".", "_").replace("-", "_").toUpperCase(Locale.ROOT));
        }
        Map<String, Object> data = map(one("ConfigMap"), "data");
        assertThat(data).isNotEmpty();
        for (String key : data.keySet()) {
            assertThat(known).as("the ConfigMap's %s is a documented property", key).contains(key);
        }
        assertThat(data).containsEntry("TANDEM_WEBCHAT_ENABLED", "false");
    }

    @Test
    void kustomizationsListOnlyFilesThatExist() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path k : files.filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList()) {
                Map<String, Object> kustomization = read(k).get(0);
                List<String> named = new ArrayList<>();
                named.addAll(strings(kustomization, "resources"));
                if (kustomization.containsKey("patches")) {
                    for (Map<String, Object> p : list(kustomization, "patches")) {
                        named.add((String) p.get("path"));
                    }
                }
                for (String n : named) {
                    assertThat(k.getParent().resolve(n)).as("%s names %s", k, n).exists();
                }
            }
        }
    }

    @Test
    void composeRunsTwoReplicasOnAThreeMemberReplicaSetItInitiates() throws IOException {
        Map<String, Object> compose = read(Path.of("compose.yaml")).get(0);
        Map<String, Object> services = map(compose, "services");
        assertThat(services).containsKeys("tandem1", "tandem2", "mongo1", "mongo2", "mongo3", "mongo-init");
        for (String tandem : List.of("tandem1", "tandem2")) {
            Map<String, Object> s = map(services, tandem);
            String uri = (String) map(s, "environment").get("MONGODB_URI");
            assertThat(uri).contains("mongo1:27017", "mongo2:27017", "mongo3:27017", "replicaSet=rs0");
            assertThat(map(map(s, "depends_on"), "mongo-init"))
                    .containsEntry("condition", "service_completed_successfully");
        }
        for (String mongo : List.of("mongo1", "mongo2", "mongo3")) {
            assertThat(strings(map(services, mongo), "command")).contains("--replSet", "rs0");
        }
        assertThat(String.valueOf(map(services, "mongo-init").get("command"))).contains("rs.initiate");
    }

    @Test
    void theImageRunsAsNobodyInParticularAndChecksTheLivenessPath() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile).contains("FROM eclipse-temurin:17-jdk AS build", "FROM eclipse-temurin:17-jre",
                "USER 10001", "EXPOSE 8080 8081", "MaxRAMPercentage", "MANAGEMENT_SERVER_ADDRESS=0.0.0.0");
        assertThat(dockerfile).containsPattern("HEALTHCHECK[^\\n]*\\n[^\\n]*http://127.0.0.1:8080/livez");
        String finalStage = dockerfile.substring(dockerfile.indexOf("FROM eclipse-temurin:17-jre"));
        assertThat(finalStage).as("no build tools in the final image").doesNotContain("mvnw", "COPY . .");
        Map<String, Object> pod = map(map(map(one("Deployment"), "spec"), "template"), "spec");
        assertThat(map(pod, "securityContext")).containsEntry("runAsUser", 10001).containsEntry("runAsNonRoot", true);
    }

    @Test
    void kustomizeRendersBothOverlaysWhereKubectlIsInstalled() throws Exception {
        Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not installed here: the overlays were parsed, not "
                + "rendered (Debian's kubectl package, or any kubectl, renders them)");
        for (String overlay : List.of("slack", "teams")) {
            Process p = new ProcessBuilder("kubectl", "kustomize", K8S.resolve("overlays").resolve(overlay).toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            List<Map<String, Object>> rendered = new ArrayList<>();
            for (Object d : yaml().loadAll(out)) {
                rendered.add(cast(d));
            }
            assertThat(rendered).extracting(m -> (String) m.get("kind")).contains("Deployment", "Service",
                    "Ingress", "ServiceMonitor", "ConfigMap", "HorizontalPodAutoscaler", "PodDisruptionBudget");
            assertThat(out).contains("tandem-" + overlay, "tandem-mongodb");
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d,
                command)));
    }

    private static String probe(Map<String, Object> container, String name) {
        Map<String, Object> get = map(map(container, name), "httpGet");
        Object port = get.get("port");
        if (port instanceof Integer) {
            return get.get("path") + "@" + port;
        }
        int number = list(container, "ports").stream().filter(p -> port.equals(p.get("name")))
                .map(p -> (Integer) p.get("containerPort")).findFirst().orElseThrow();
        return get.get("path") + "@" + number;
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        return list(map(map(map(deployment, "spec"), "template"), "spec"), "containers").get(0);
    }

    private static Map<String, Object> one(String kind) throws IOException {
        return manifests().stream().filter(m -> kind.equals(m.get("kind"))).findFirst().orElseThrow();
    }

    private static List<Map<String, Object>> manifests() throws IOException {
        List<Map<String, Object>> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(K8S.resolve("base"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                if (!f.getFileName().toString().equals("kustomization.yaml")) {
                    all.addAll(read(f));
                }
            }
        }
        return all;
    }

    private static List<Map<String, Object>> read(Path file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Object d : yaml().loadAll(in)) {
                docs.add(cast(d));
            }
        }
        assertThat(docs).as("%s holds a document", file).isNotEmpty();
        return docs;
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    private static Properties applicationProperties() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src", "main", "resources", "application.properties"))) {
            p.load(in);
        }
        return p;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> map(Map<String, Object> m, String key) {
        assertThat(m).as("has " + key).containsKey(key);
        return cast(m.get(key));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        assertThat(m).as("has " + key).containsKey(key);
        return (List<Map<String, Object>>) m.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> m, String key) {
        assertThat(m).as("has " + key).containsKey(key);
        return (List<String>) m.get(key);
    }
}
