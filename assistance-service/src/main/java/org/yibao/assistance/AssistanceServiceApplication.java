package org.yibao.assistance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Identity feeds from other departments, de-duplication, medical assistance tracking, illness-poverty early warning. */
@SpringBootApplication
public class AssistanceServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AssistanceServiceApplication.class, args);
    }
}
