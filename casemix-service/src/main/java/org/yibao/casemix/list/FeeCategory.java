package org.yibao.casemix.list;

/** The settlement list's fee categories (医保结算清单 住院医疗收费项目类别). */
public enum FeeCategory {
    /** 床位费 */ BED,
    /** 诊察费 */ CONSULTATION,
    /** 检查费 */ EXAMINATION,
    /** 化验费 */ LABORATORY,
    /** 治疗费 */ TREATMENT,
    /** 手术费 */ SURGERY,
    /** 护理费 */ NURSING,
    /** 卫生材料费 */ MATERIAL,
    /** 西药费 */ WESTERN_DRUG,
    /** 中药饮片费 */ HERBAL_PIECES,
    /** 中成药费 */ PATENT_CHINESE_DRUG,
    /** 一般诊疗费 */ GENERAL_DIAGNOSIS,
    /** 挂号费 */ REGISTRATION,
    /** 其他费 */ OTHER
}
