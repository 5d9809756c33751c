package org.yibao.gateway.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.time.Duration;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * The staff console (the {@code console} module's built files, issue 25) at {@code /console/}: its files as they are,
 * those under {@code assets/} (named by their content's hash) cached for a year, and every other path under
 * {@code /console/} answered with the application's page, whose own router shows the page the path names (a
 * bookmarked {@code /console/persons/42} opens that person). The page is never cached, so a new build is seen at once.
 */
@Configuration
class ConsoleFiles {

    private static final String ROOT = "static/console/";

    /**
     * @param dir a folder holding a console build to serve instead of the one in this jar ({@code YIBAO_CONSOLE_DIR}: a
     *            developer's {@code npm run build} output, seen at once without rebuilding the gateway); empty: the jar's
     */
    @Bean
    RouterFunction<ServerResponse> consoleRoutes(@org.springframework.beans.factory.annotation.Value("${yibao.console.dir:${YIBAO_CONSOLE_DIR:}}") String dir)
            throws java.io.IOException {
        Resource root = dir.isBlank() ? new ClassPathResource(ROOT) : new org.springframework.core.io.FileSystemResource(dir.endsWith("/") ? dir : dir + "/");
        Resource page = root.createRelative("index.html");
        return RouterFunctions.resources("/console/**", root, (resource, headers) ->
                        headers.setCacheControl(isHashed(resource)
                                ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()
                                : CacheControl.noCache()))
                .and(RouterFunctions.route(GET("/console").or(GET("/console/**")), request -> page.exists()
                        ? ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache())
                                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY).bodyValue(page)
                        : ServerResponse.notFound().build()));
    }

    /** The console loads only its own scripts and styles and talks only to this address. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private static boolean isHashed(Resource resource) {
        try {
            return resource.getURL().getPath().contains("/assets/");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
