package fr.avec.server.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the gateway that are not components of their own. */
@Configuration
public class GatewayConfiguration {

    @Bean
    UpstreamClient upstreamClient() {
        return new UpstreamClient();
    }
}
