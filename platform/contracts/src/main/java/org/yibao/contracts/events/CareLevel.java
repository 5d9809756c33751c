package org.yibao.contracts.events;

/**
 * A long-term care level (长期护理失能等级), the six levels of the national standard
 * 《长期护理失能等级评估标准(试行)》(医保办发〔2021〕37号): 0 基本正常 (basically normal), 1 轻度失能 (mild),
 * 2 中度失能 (moderate), 3 重度失能一级, 4 重度失能二级, 5 重度失能三级 (severe, grades I to III).
 * Which score of which scale gives which level is data (care-service's scale files).
 */
public enum CareLevel {
    /** 基本正常 */
    LEVEL_0,
    /** 轻度失能 */
    LEVEL_1,
    /** 中度失能 */
    LEVEL_2,
    /** 重度失能一级 */
    LEVEL_3,
    /** 重度失能二级 */
    LEVEL_4,
    /** 重度失能三级 */
    LEVEL_5
}
