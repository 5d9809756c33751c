package org.yibao.web.servlet;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;
import org.yibao.web.text.PlainTextDeserializer;

/** Problem answers and request ids for every servlet service. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
public class ServletWebSupportAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** A JSON call's body is bounded in size, and large ones in number at once (RequestBodyLimitFilter). */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter() {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Every JSON text value is plain text (no NUL or other control characters); see {@link PlainTextDeserializer}. */
    @Bean
    tools.jackson.databind.JacksonModule plainTextModule() {
        return PlainTextDeserializer.module();
    }

    /** What reaches {@code /error} (no controller answered) is problem+json too. */
    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    org.springframework.web.servlet.handler.SimpleUrlHandlerMapping problemErrorMapping(ProblemErrorController errors,
            @org.springframework.beans.factory.annotation.Value("${server.error.path:/error}") String errorPath) {
        return new org.springframework.web.servlet.handler.SimpleUrlHandlerMapping(java.util.Map.of(errorPath, errors), Ordered.HIGHEST_PRECEDENCE);
    }

    /** What Tomcat refuses before the application (an encoded NUL in a URL) is problem+json, not Tomcat's HTML page. */
    @Bean
    org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory>
            problemErrorReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }
}
