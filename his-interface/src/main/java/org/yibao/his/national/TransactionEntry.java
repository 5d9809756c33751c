package org.yibao.his.national;

import java.util.Map;

/**
 * One transaction of {@code national-interface/transactions.yml} as it is written (YAML), bound by
 * Jackson with the file's own key names once anchors, aliases and merge keys are resolved
 * ({@link AnchoredYaml}). Shapes only: each declaration line becomes a {@link FieldSpec}, and its
 * dictionary and its parent are checked, when {@link DeclarationsReader} turns it into a
 * {@link Declarations.Declared}.
 *
 * @param name   the transaction's name in the national interface (e.g. 门诊结算); its number when absent
 * @param input  field path to declaration line ({@code feedetail[].cnt: num 16,4 !}); none when absent
 * @param output the same for the answer
 */
record TransactionEntry(String name, Map<String, String> input, Map<String, String> output) {
}
