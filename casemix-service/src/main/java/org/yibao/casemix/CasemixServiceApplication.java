package org.yibao.casemix;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Paying inpatient care by group (按病种分值付费 DIP, 按疾病诊断相关分组付费 DRG): the settlement list (医保结算清单) each
 * hospital uploads after an inpatient settlement, its quality control (质控), the grouper with its tables as data, and
 * what each case is worth to the fund.
 */
@SpringBootApplication
public class CasemixServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CasemixServiceApplication.class, args);
    }
}
