package org.yibao.his;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The national platform's interface for designated institutions, in front of the platform's own
 * services: an anti-corruption layer that speaks the envelope a hospital's HIS already sends.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HisInterfaceApplication {

    public static void main(String[] args) {
        SpringApplication.run(HisInterfaceApplication.class, args);
    }
}
