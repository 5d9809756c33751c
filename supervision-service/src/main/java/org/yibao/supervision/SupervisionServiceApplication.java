package org.yibao.supervision;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Designated institutions and agreements, smart audit, real-time pre-check, clues, cases and sanctions. */
@SpringBootApplication
public class SupervisionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SupervisionServiceApplication.class, args);
    }
}
