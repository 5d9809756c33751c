package org.yibao.casemix.rules;

import java.util.Map;

/** A rules file ({@code casemix-rules/<region>-<year>.yml}) as written; decimals as text. {@link CasemixRule} validates it. */
record RulesFile(String region, Integer fromYear, String pointScale, Integer minCasesPerGroup, String highOutlierRatio,
                 String lowOutlierRatio, String provisionalPointValue, Map<String, String> institutionCoefficients, String defaultMethod) {
}
