package io.hubwarden;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Hubwarden application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Hubwarden {

    public static void main(String[] args) {
        SpringApplication.run(Hubwarden.class, args);
    }
}
