package org.yibao.identity;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.yibao.security.CallerIdentity;
import org.yibao.security.ClientKind;
import org.yibao.security.Role;
import org.yibao.security.token.CallerAuthentication;
import org.yibao.security.token.JwtProperties;
import org.yibao.security.token.JwtVerification;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity service as its callers use it: a hospital's client credentials (HTTP Basic or form fields) give a token
 * the platform's verifiers accept, naming the hospital; a staff member signs in to the console by the authorization code
 * with PKCE and gets a token naming them and their roles; guessing is throttled; what may not sign in does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "yibao.identity.console-redirect-uris=http://127.0.0.1:8080/console/callback")
class IdentityServiceTest {

    private static final String REDIRECT = "http://127.0.0.1:8080/console/callback";

    @LocalServerPort
    private int port;

    private final ListAppender<ILoggingEvent> audit = new ListAppender<>();

    @BeforeEach
    void listen() {
        audit.start();
        ((Logger) LoggerFactory.getLogger("org.yibao.identity.audit")).addAppender(audit);
    }

    @AfterEach
    void detach() {
        ((Logger) LoggerFactory.getLogger("org.yibao.identity.audit")).detachAppender(audit);
    }

    @Test
    void aHospitalGetsATokenThePlatformAcceptsByBasicOrFormAndWrongCredentialsAreRefused() throws Exception {
        HttpResponse<String> basic = token("his-H44170000003", "local-his-secret", "client_credentials", "10.0.0.1");
        HttpResponse<String> form = post("/oauth2/token", Map.of("grant_type", "client_credentials",
                "client_id", "pharmacy-P44170000001", "client_secret", "local-pharmacy-secret"), null, null);
        HttpResponse<String> wrongSecret = token("his-H44170000003", "guess", "client_credentials", "10.0.0.1");
        HttpResponse<String> unknown = token("nobody", "local-his-secret", "client_credentials", "10.0.0.1");
        HttpResponse<String> password = token("his-H44170000003", "local-his-secret", "password", "10.0.0.1");

        assertThat(basic.statusCode()).as(basic.body()).isEqualTo(200);
        assertThat(basic.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(basic.body()).contains("\"token_type\":\"Bearer\"").containsPattern("\"expires_in\":(899|900)");
        CallerIdentity hospital = verified(field(basic.body(), "access_token"));
        assertThat(hospital).isEqualTo(CallerIdentity.his("his-H44170000003", "H44170000003"));
        assertThat(verified(field(form.body(), "access_token")).kind()).isEqualTo(ClientKind.PHARMACY);
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.body()).contains("invalid_client");
        // RFC 6749 §5.2: a client that tried HTTP Basic is told the scheme again
        assertThat(wrongSecret.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"yibao\"");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).contains("invalid_client");
        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(password.body()).contains("unsupported_grant_type");
        assertThat(get("/oauth2/jwks", null).body()).contains("\"kty\":\"RSA\"").doesNotContain("\"d\":");
    }

    /** Finding 4 of the security review (issue 16), now at the identity service: 50 wrong secrets are not all checked. */
    @Test
    void guessingAClientsSecretIsThrottledWhereItComesFromAndOtherClientsAreNot() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 20; i++) {
            last = token("dept-veterans-affairs", "guess-" + i, "client_credentials", "10.9.9.9");
            statuses.add(last.statusCode());
        }
        HttpResponse<String> rightSecretWhileThrottled = token("dept-veterans-affairs", "local-department-secret", "client_credentials",
                "10.9.9.9");
        HttpResponse<String> sameClientElsewhere = token("dept-veterans-affairs", "local-department-secret", "client_credentials",
                "10.1.1.1");
        HttpResponse<String> anotherClient = token("dept-civil-affairs", "local-department-secret", "client_credentials", "10.9.9.9");

        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.subList(5, 20)).containsOnly(429);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 12L));
        assertThat(last.body()).contains("too many failed attempts");
        assertThat(rightSecretWhileThrottled.statusCode()).as("no secret is checked while throttled (from that address)").isEqualTo(429);
        assertThat(sameClientElsewhere.statusCode()).as("the department itself, at its own address, is not locked out").isEqualTo(200);
        assertThat(anotherClient.statusCode()).isEqualTo(200);
        assertThat(audited()).anySatisfy(line -> assertThat(line).contains("dept-veterans-affairs").contains("too many failed attempts"));
        assertThat(get("/actuator/prometheus", null).body()).as("refusals and throttled attempts are counted")
                .containsPattern("yibao_identity_tokens_total\\{[^}]*outcome=\"refused\"")
                .containsPattern("yibao_identity_tokens_total\\{[^}]*outcome=\"throttled\"");
    }

    @Test
    void aStaffMemberSignsInToTheConsoleWithPkceAndGetsATokenNamingThemAndTheirRoles() throws Exception {
        Browser browser = new Browser();
        String verifier = "verifier-" + "x".repeat(50);
        String authorize = authorizeUrl(challenge(verifier), "state-1");

        HttpResponse<String> first = browser.get(authorize);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        HttpResponse<String> page = browser.get("/login");
        assertThat(page.body()).contains("<label for=\"username\">用户名</label>").contains("<label for=\"password\">密码</label>")
                .contains("lang=\"zh-CN\"");
        HttpResponse<String> signedIn = browser.post("/login", Map.of("username", "clerk-local", "password", "local-staff-secret",
                "_csrf", csrf(page.body())));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> back = browser.get(signedIn.headers().firstValue("Location").orElseThrow());
        String callback = back.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(REDIRECT + "?code=").contains("state=state-1");
        String code = URLDecoder.decode(callback.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);

        HttpResponse<String> wrongVerifier = post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "client_id", PlatformClients.CONSOLE, "code_verifier", "another-" + "y".repeat(50)), null, null);
        assertThat(wrongVerifier.statusCode()).as("a code without its verifier is worthless").isEqualTo(400);

        // the same code again, now with its verifier: a refused exchange does not leave it usable (code is spent or stays)
        HttpResponse<String> fresh = freshCode(browser, verifier);
        assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(200);
        CallerIdentity clerk = verified(field(fresh.body(), "access_token"));
        assertThat(clerk).isEqualTo(CallerIdentity.staff("clerk-local", Role.ENROLLMENT_CLERK));
        String idToken = field(fresh.body(), "id_token");
        String idClaims = new String(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(idClaims).contains("\"roles\":[\"ENROLLMENT_CLERK\"]").contains("\"sub\":\"clerk-local\"");
        assertThat(audited()).anySatisfy(line -> assertThat(line).contains("login of clerk-local"));
    }

    @Test
    void withoutPkceOrToAnUnregisteredAddressNoCodeIsGiven() throws Exception {
        Browser browser = signedIn("decider-local");
        HttpResponse<String> noChallenge = browser.get("/oauth2/authorize?response_type=code&client_id=" + PlatformClients.CONSOLE
                + "&scope=openid&state=s&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8));
        HttpResponse<String> elsewhere = browser.get("/oauth2/authorize?response_type=code&client_id=" + PlatformClients.CONSOLE
                + "&scope=openid&state=s&code_challenge_method=S256&code_challenge=" + challenge("v".repeat(60))
                + "&redirect_uri=" + URLEncoder.encode("https://attacker.example/callback", StandardCharsets.UTF_8));

        assertThat(noChallenge.headers().firstValue("Location").orElse("")).doesNotContain("code=").contains("error=invalid_request");
        assertThat(elsewhere.statusCode()).as("never sent to an address not registered").isEqualTo(400);
        assertThat(elsewhere.headers().firstValue("Location")).isEmpty();
    }

    /**
     * From an independent tester's cases (RFC 6749 §5.2, RFC 7636 §4.6): a program at the token endpoint without client
     * authentication gets the RFC's JSON error, 401 invalid_client with a challenge, never a redirect to the login form —
     * the console's public client asking for a grant it may not use, or redeeming a code without its PKCE verifier.
     */
    @Test
    void aProgramWithoutClientAuthenticationGetsInvalidClientNotTheLoginForm() throws Exception {
        HttpResponse<String> publicClientCredentials = post("/oauth2/token", Map.of("grant_type", "client_credentials",
                "client_id", PlatformClients.CONSOLE), null, null);
        HttpResponse<String> noVerifier = post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", "some-code",
                "redirect_uri", REDIRECT, "client_id", PlatformClients.CONSOLE), null, null);
        HttpResponse<String> nothing = post("/oauth2/token", Map.of("grant_type", "client_credentials"), null, null);

        // the same from a browser signed in to the login (its session authenticates a person, not the client)
        HttpResponse<String> noVerifierWithSession = signedIn("clerk-local").post("/oauth2/token", Map.of("grant_type",
                "authorization_code", "code", "some-code", "redirect_uri", REDIRECT, "client_id", PlatformClients.CONSOLE));

        for (HttpResponse<String> refused : List.of(publicClientCredentials, noVerifier, nothing, noVerifierWithSession)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Location")).isEmpty();
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(refused.body()).contains("\"error\":\"invalid_client\"");
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"yibao\"");
        }
        // the authorization endpoint is a person's: whatever the caller accepts, an unauthenticated one goes to the form
        HttpResponse<String> authorize = get(authorizeUrl(challenge("w".repeat(60)), "s"), null);
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(authorize.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    /**
     * From an independent tester's cases (RFC 9700 §2.1, §4.1.3): the console's address is matched exactly. The library
     * lets a loopback address come back on any port (RFC 8252 §7.3, for native applications); the console is a browser
     * application, so another port — or none — on 127.0.0.1 is refused with 400 and no redirect.
     */
    @Test
    void theConsolesAddressIsMatchedExactlyEvenOnLoopback() throws Exception {
        Browser browser = signedIn("auditor-local");
        for (String other : List.of("http://127.0.0.1:8081/console/callback", "http://127.0.0.1/console/callback",
                "http://127.0.0.1:8080/console/callback/", "http://127.0.0.1:8080/console/callback?x=1")) {
            HttpResponse<String> refused = browser.get("/oauth2/authorize?response_type=code&client_id=" + PlatformClients.CONSOLE
                    + "&scope=openid&state=s&code_challenge_method=S256&code_challenge=" + challenge("v".repeat(60))
                    + "&redirect_uri=" + URLEncoder.encode(other, StandardCharsets.UTF_8));
            assertThat(refused.statusCode()).as(other).isEqualTo(400);
            assertThat(refused.headers().firstValue("Location")).as(other).isEmpty();
        }
        HttpResponse<String> registered = browser.get(authorizeUrl(challenge("v".repeat(60)), "s"));
        assertThat(registered.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith(REDIRECT + "?code="));
    }

    @Test
    void aHospitalsClientCannotSignInToTheConsoleAndGuessingPasswordsIsThrottled() throws Exception {
        Browser hospital = new Browser();
        HttpResponse<String> page = hospital.get("/login");
        HttpResponse<String> refused = hospital.post("/login", Map.of("username", "his-H44170000003", "password", "local-his-secret",
                "_csrf", csrf(page.body())));
        assertThat(refused.headers().firstValue("Location")).hasValue("/login?error");

        Browser guesser = new Browser("10.7.7.7");
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            HttpResponse<String> form = guesser.get("/login");
            answers.add(guesser.post("/login", Map.of("username", "manager-local", "password", "guess-" + i, "_csrf", csrf(form.body())))
                    .headers().firstValue("Location").orElse(""));
        }
        assertThat(answers.subList(0, 5)).containsOnly("/login?error");
        assertThat(answers.get(6)).startsWith("/login?throttled=");
        HttpResponse<String> wait = guesser.get(answers.get(6));
        assertThat(wait.body()).contains("role=\"alert\"").contains("秒后重试");
        assertThat(signedIn("manager-local")).as("the manager at their own address still signs in").isNotNull();
    }

    @Test
    void theMetadataNamesTheEndpointsAndPkce() throws Exception {
        String metadata = get("/.well-known/openid-configuration", null).body();
        assertThat(metadata).contains("\"authorization_endpoint\":\"http://localhost:" + port + "/oauth2/authorize\"")
                .contains("\"token_endpoint\"").contains("\"jwks_uri\"").contains("S256");
    }

    // ---- helpers

    private HttpResponse<String> freshCode(Browser browser, String verifier) throws Exception {
        HttpResponse<String> again = browser.get(authorizeUrl(challenge(verifier), "state-2"));
        String callback = again.headers().firstValue("Location").orElseThrow();
        String code = URLDecoder.decode(callback.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        return post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT,
                "client_id", PlatformClients.CONSOLE, "code_verifier", verifier), null, null);
    }

    private Browser signedIn(String user) throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get("/login");
        HttpResponse<String> answer = browser.post("/login", Map.of("username", user, "password", "local-staff-secret",
                "_csrf", csrf(page.body())));
        assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    private static String authorizeUrl(String challenge, String state) {
        return "/oauth2/authorize?response_type=code&client_id=" + PlatformClients.CONSOLE + "&scope=openid%20profile&state=" + state
                + "&code_challenge_method=S256&code_challenge=" + challenge + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8);
    }

    private static String challenge(String verifier) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    private static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("the form carries its CSRF token").isTrue();
        return m.group(1);
    }

    private CallerIdentity verified(String token) throws Exception {
        JWKSet keys = JWKSet.parse(get("/oauth2/jwks", null).body());
        JwtProperties properties = new JwtProperties();
        properties.setJwkSet(keys.toString());
        Jwt jwt = JwtVerification.decoder(properties).decode(token);
        return CallerAuthentication.of(jwt).caller();
    }

    private List<String> audited() {
        synchronized (audit) {
            return audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> token(String clientId, String secret, String grantType, String address) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return post("/oauth2/token", Map.of("grant_type", grantType), "Basic " + basic, address);
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String authorization, String address)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (address != null) {
            request.header(ClientAddress.HEADER, address);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(Map<String, String> form) {
        return new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A browser: keeps its cookies, does not follow redirects (the test reads each one). */
    private final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final String address;

        Browser() {
            this("10.0.0." + (int) (2 + Math.random() * 200));
        }

        Browser(String address) {
            this.address = address;
        }

        HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept", "text/html").header(ClientAddress.HEADER, address).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html").header(ClientAddress.HEADER, address)
                    .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(), HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String pathOrUrl) {
            return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : "http://localhost:" + port + pathOrUrl);
        }
    }
}
