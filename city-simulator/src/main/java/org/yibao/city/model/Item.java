package org.yibao.city.model;

import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.money.Money;

/**
 * A reimbursement-catalog item the city's bills use, at the price it is billed (the catalog's ceiling
 * for priced items). The codes, classes and price ceilings are those of the platform's catalog (医保目录),
 * as a designated institution knows it; the simulator's own calculation of each bill uses them.
 *
 * @param vbp         a volume-based-procurement product, with the price it replaced
 * @param genericName for VBP products, the generic the batch lists it under
 * @param itemClass   the catalog class (甲/乙/丙 = A/B/C), or null for an item off the catalog (目录外)
 * @param ceiling     the catalog's price ceiling (最高限价), or null when it has none (class C, off the catalog)
 */
public record Item(String code, String name, Money price, boolean vbp, String genericName, Money previousPrice,
                   ItemClass itemClass, Money ceiling) {

    /** An item billed at its ceiling; class C items have none. */
    static Item of(String code, String name, String price, ItemClass itemClass) {
        return new Item(code, name, Money.of(price), false, null, null, itemClass, itemClass == ItemClass.C ? null : Money.of(price));
    }

    static Item vbp(String code, String name, String price, ItemClass itemClass, String genericName, String previousPrice) {
        return new Item(code, name, Money.of(price), true, genericName, Money.of(previousPrice), itemClass, Money.of(price));
    }

    /** An item the catalog does not list. */
    static Item offCatalog(String code, String name, String price) {
        return new Item(code, name, Money.of(price), false, null, null, null, null);
    }

    // drugs
    public static final Item AMLODIPINE = vbp("XC08CAA001A001010100001", "苯磺酸氨氯地平片 5mg", "0.30", ItemClass.A, "氨氯地平", "0.67");
    public static final Item METFORMIN = vbp("XA10BAE045A001010100008", "盐酸二甲双胍片 0.5g", "0.10", ItemClass.A, "二甲双胍", "0.22");
    public static final Item INSULIN = vbp("XA10ABR047B002010100012", "重组人胰岛素注射液 3ml:300IU", "55.00", ItemClass.A, "重组人胰岛素",
            "96.00");
    public static final Item AMOXICILLIN = vbp("XJ01CAA044A001010100014", "阿莫西林胶囊 0.25g", "0.20", ItemClass.A, "阿莫西林", "0.45");
    public static final Item ASPIRIN = vbp("XB01ACA056A001010100016", "阿司匹林肠溶片 100mg", "0.12", ItemClass.A, "阿司匹林", "0.26");
    public static final Item ATORVASTATIN = vbp("XC10AAA198A001010100017", "阿托伐他汀钙片 20mg", "0.30", ItemClass.B, "阿托伐他汀", "0.88");
    public static final Item METOPROLOL = of("XC07ABM070A001010100006", "酒石酸美托洛尔片 25mg", "0.15", ItemClass.A);
    public static final Item PARACETAMOL = of("XN02BEA006A001010100015", "对乙酰氨基酚片 0.5g", "0.08", ItemClass.A);
    /** Not on the reimbursement catalog: the platform settles it as full self-pay (目录外). */
    public static final Item GEFITINIB = offCatalog("XL01XEG001A001010100099", "吉非替尼片 250mg×10片/盒 (目录外)", "1500.00");
    public static final Item THALIDOMIDE = of("XL04AXS001A001010100018", "沙利度胺片 50mg (自费)", "12.00", ItemClass.C);
    // consumables
    public static final Item SYRINGE = of("C0301010000000000000019", "一次性使用无菌注射器 5ml", "0.60", ItemClass.A);
    public static final Item INFUSION_SET = of("C0203020000000000000020", "一次性使用输液器", "3.50", ItemClass.A);
    public static final Item STENT = vbp("C0101010000000000000021", "冠脉药物洗脱支架", "800.00", ItemClass.B, "冠脉支架", "13000.00");
    public static final Item HIP = vbp("C0604010000000000000022", "人工髋关节假体", "7000.00", ItemClass.B, "人工髋关节", "35000.00");
    // services
    public static final Item CONSULTATION = of("S110200001", "普通门诊诊查费", "10.00", ItemClass.A);
    public static final Item SENIOR_CONSULTATION = of("S110200005", "主任医师门诊诊查费", "30.00", ItemClass.A);
    public static final Item BED = of("S120100001", "床位费 (三人间)", "40.00", ItemClass.A);
    public static final Item SPECIAL_BED = of("S120100010", "特需病房床位费", "200.00", ItemClass.C);
    public static final Item BLOOD_TEST = of("S250101001", "血常规", "20.00", ItemClass.A);
    public static final Item HBA1C = of("S250301001", "糖化血红蛋白测定", "60.00", ItemClass.A);
    public static final Item CT = of("S220800001", "CT 平扫 (每部位)", "150.00", ItemClass.B);
    public static final Item PCI = of("S330000001", "冠状动脉介入治疗", "3500.00", ItemClass.B);
    public static final Item DIALYSIS = of("S311201001", "血液透析", "400.00", ItemClass.A);

    // a calibrated city's costs beyond the sample items (issue 28, CareProfile): billed at the amount its profile gives for
    // the level, with no ceiling of their own; not in ALL (the default city bills none, and registers none with the platform)
    /** Nursing, treatment and examinations of class 甲 beyond the sample items, one unit a day of a stay or a visit. */
    public static final Item EXTRA_CLASS_A = new Item("S990000001", "诊疗护理检查 (甲类, 按日/次)", Money.of("1.00"), false, null, null,
            ItemClass.A, null);
    /** Drugs and materials of class 乙 beyond the sample items (the pack's prior self-pay share applies). */
    public static final Item EXTRA_CLASS_B = new Item("X990000002", "药品及耗材 (乙类, 按日/次)", Money.of("1.00"), false, null, null,
            ItemClass.B, null);
    /** What the person pays in full beyond the sample items: class 丙 drugs and materials, services off the catalog. */
    public static final Item EXTRA_CLASS_C = new Item("X990000003", "自费药品及耗材 (丙类, 按日/次)", Money.of("1.00"), false, null, null,
            ItemClass.C, null);

    /** Every item above, in the order written. */
    public static final java.util.List<Item> ALL = java.util.List.of(AMLODIPINE, METFORMIN, INSULIN, AMOXICILLIN, ASPIRIN, ATORVASTATIN,
            METOPROLOL, PARACETAMOL, GEFITINIB, THALIDOMIDE, SYRINGE, INFUSION_SET, STENT, HIP, CONSULTATION, SENIOR_CONSULTATION, BED,
            SPECIAL_BED, BLOOD_TEST, HBA1C, CT, PCI, DIALYSIS);

    public static final java.util.List<Item> VBP_DRUGS = java.util.List.of(AMLODIPINE, METFORMIN, INSULIN, AMOXICILLIN, ASPIRIN,
            ATORVASTATIN);
    public static final java.util.List<Item> VBP_CONSUMABLES = java.util.List.of(STENT, HIP);
}
