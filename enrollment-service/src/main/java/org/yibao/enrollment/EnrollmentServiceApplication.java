package org.yibao.enrollment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Persons, enrollments per scheme and year, contributions and premium subsidies, remote-treatment filings, chronic-disease certifications, e-vouchers. */
@SpringBootApplication
public class EnrollmentServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(EnrollmentServiceApplication.class, args);
    }
}
