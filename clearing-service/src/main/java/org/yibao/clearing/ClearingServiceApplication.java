package org.yibao.clearing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Fund clearing (基金结算清算): what the funds owe each designated institution per month and fund (应付),
 * the deductions (扣款) and recoveries (追回) netted from its payments, the budget rules per region and year,
 * and the pure calculation of the monthly payment (月度拨付).
 */
@SpringBootApplication
public class ClearingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClearingServiceApplication.class, args);
    }
}
