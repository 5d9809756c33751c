package org.yibao.care;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Long-term care insurance (长期护理保险): applications, disability assessments (失能评估), beneficiaries
 * (享受待遇人员) with validity and reassessment, care institutions (护理服务机构), their monthly bills
 * (护理费用月结) and the home-care monthly payments.
 */
@SpringBootApplication
public class CareServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CareServiceApplication.class, args);
    }
}
