package org.tandem.deploy.web;

import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the JSON error report in Tomcat's host, in place of the HTML one (Spring Boot's included). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReport() {
        return new JsonErrorReport();
    }

    /** Runs after Spring Boot's own customizer, which adds an HTML error report valve to the host. */
    private static final class JsonErrorReport
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                Pipeline pipeline = host.getPipeline();
                for (Valve v : pipeline.getValves()) {
                    if (v instanceof ErrorReportValve) {
                        pipeline.removeValve(v);
                    }
                }
                pipeline.addValve(new JsonErrorReportValve());
                if (host instanceof StandardHost h) {
                    // so that the host does not add its default one when it starts
                    h.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
