package org.yibao.city.catalog;

import org.yibao.contracts.events.ItemClass;

import java.util.List;
import java.util.Map;

/**
 * The name pools the synthetic catalog is drawn from: groups of medicines by therapeutic class (the ATC
 * group for western medicines, the function group for patent medicines), herbal pieces, service items by
 * chapter and consumables by kind. Generic names, indications and price ranges are common knowledge of
 * Chinese practice; every product made from them (strength, package, maker, price) is invented, and the
 * makers are named as simulated ("模拟制药NN厂").
 */
final class Families {

    private Families() {
    }

    /** How a medicine is given, which sets its strengths, unit and price factor. */
    enum Form {
        TABLET("片", "A001", "片", 1.0, Route.ORAL),
        CAPSULE("胶囊", "A002", "粒", 1.1, Route.ORAL),
        SUSTAINED_RELEASE("缓释片", "A003", "片", 2.2, Route.ORAL),
        GRANULES("颗粒", "A004", "袋", 1.6, Route.ORAL),
        ORAL_SOLUTION("口服溶液", "A005", "瓶", 6.0, Route.ORAL),
        PILLS("丸", "A006", "袋", 1.4, Route.ORAL),
        DROP_PILLS("滴丸", "A007", "丸", 0.4, Route.ORAL),
        ORAL_LIQUID("口服液", "A008", "支", 2.0, Route.ORAL),
        INJECTION("注射液", "B001", "支", 8.0, Route.INJECTION),
        POWDER_FOR_INJECTION("注射用", "B002", "瓶", 14.0, Route.INJECTION),
        EYE_DROPS("滴眼液", "C001", "支", 12.0, Route.TOPICAL),
        CREAM("乳膏", "C002", "支", 10.0, Route.TOPICAL),
        INHALER("吸入剂", "C003", "瓶", 40.0, Route.TOPICAL),
        PLASTER("贴膏", "C004", "贴", 1.5, Route.TOPICAL);

        final String suffix;
        final String code;
        final String unit;
        final double priceFactor;
        final Route route;

        Form(String suffix, String code, String unit, double priceFactor, Route route) {
            this.suffix = suffix;
            this.code = code;
            this.unit = unit;
            this.priceFactor = priceFactor;
            this.route = route;
        }

        /** A western medicine's name in this form ("注射用头孢曲松钠", "阿莫西林胶囊"). */
        String name(String generic) {
            return this == POWDER_FOR_INJECTION ? suffix + generic : generic + suffix;
        }

        /** A patent medicine's form, read from its name ("连花清瘟胶囊" is a capsule). */
        static Form ofPatent(String name) {
            if (name.startsWith("注射用")) {
                return POWDER_FOR_INJECTION;
            }
            for (Form f : List.of(INJECTION, DROP_PILLS, SUSTAINED_RELEASE, ORAL_LIQUID, GRANULES, CAPSULE, PLASTER, PILLS, TABLET)) {
                if (name.endsWith(f.suffix)) {
                    return f;
                }
            }
            if (name.endsWith("膏")) {
                return CREAM;
            }
            throw new IllegalArgumentException("no form in " + name);
        }
    }

    enum Route {
        ORAL(List.of("5mg", "10mg", "25mg", "50mg", "0.1g", "0.25g", "0.5g")),
        INJECTION(List.of("1ml:10mg", "2ml:20mg", "2ml:0.1g", "5ml:0.25g", "0.5g", "1.0g")),
        TOPICAL(List.of("5ml:15mg", "10g:0.1g", "15g", "200揿"));

        final List<String> strengths;

        Route(List<String> strengths) {
            this.strengths = strengths;
        }
    }

    /**
     * A group of medicines.
     *
     * @param group           the class part of the national code (an ATC level-4/5 group for X, a function group for Z)
     * @param indicationLabel the indication as a condition names it ("高血压")
     * @param indications     ICD-10 prefixes of the indication; empty when the group is not restricted by diagnosis
     * @param forms           the forms of each western generic (patent medicines carry theirs in the name)
     * @param low             the lowest price of a unit (yuan): of a tablet for a western group (its other forms cost
     *                        {@link Form#priceFactor} times as much), of the named form for a patent medicine
     * @param high            the highest
     * @param unitsPerDay     a day's use
     * @param vbp             whether batches have procured some of its products
     * @param classWeights    the group's own class shares, or null for the category's
     */
    record DrugFamily(String group, String indicationLabel, List<String> indications, List<Form> forms, List<String> generics,
                      double low, double high, int unitsPerDay, boolean vbp, Map<ItemClass, Double> classWeights) {
    }

    private static final Map<ItemClass, Double> MOSTLY_B = Map.of(ItemClass.A, 0.0, ItemClass.B, 0.85, ItemClass.C, 0.15);
    private static final Map<ItemClass, Double> MOSTLY_A = Map.of(ItemClass.A, 0.70, ItemClass.B, 0.25, ItemClass.C, 0.05);
    private static final Map<ItemClass, Double> MOSTLY_C = Map.of(ItemClass.A, 0.0, ItemClass.B, 0.0, ItemClass.C, 1.0);
    private static final List<String> CANCERS = List.of("C15", "C16", "C18", "C20", "C22", "C34", "C50", "C56", "C61");
    private static final List<String> HYPERTENSION = List.of("I10", "I11", "I12", "I13", "I15");
    private static final List<String> DIABETES = List.of("E10", "E11", "E13", "E14");
    private static final List<String> CORONARY = List.of("I20", "I21", "I24", "I25");

    private static DrugFamily western(String group, String label, List<String> indications, List<Form> forms, double low, double high,
                                      int perDay, boolean vbp, Map<ItemClass, Double> weights, String... generics) {
        return new DrugFamily(group, label, indications, forms, List.of(generics), low, high, perDay, vbp, weights);
    }

    private static DrugFamily patent(String group, String label, List<String> indications, double low, double high, int perDay,
                                     Map<ItemClass, Double> weights, String... names) {
        return new DrugFamily(group, label, indications, List.of(), List.of(names), low, high, perDay, false, weights);
    }

    private static final Form T = Form.TABLET;
    private static final Form CAP = Form.CAPSULE;
    private static final Form SR = Form.SUSTAINED_RELEASE;
    private static final Form GRA = Form.GRANULES;
    private static final Form SOL = Form.ORAL_SOLUTION;
    private static final Form INJ = Form.INJECTION;
    private static final Form PWD = Form.POWDER_FOR_INJECTION;

    /** 西药, by ATC group. */
    static final List<DrugFamily> WESTERN = List.of(
            western("C08CA", "高血压", HYPERTENSION, List.of(T, SR, CAP), 0.05, 2.5, 1, true, null,
                    "硝苯地平", "苯磺酸氨氯地平", "非洛地平", "尼群地平", "拉西地平", "苯磺酸左氨氯地平"),
            western("C09CA", "高血压", HYPERTENSION, List.of(T, CAP), 0.10, 4.0, 1, true, null,
                    "氯沙坦钾", "缬沙坦", "厄贝沙坦", "替米沙坦", "坎地沙坦酯", "奥美沙坦酯"),
            western("C09AA", "高血压", HYPERTENSION, List.of(T), 0.03, 2.5, 1, true, null,
                    "卡托普利", "马来酸依那普利", "盐酸贝那普利", "培哚普利叔丁胺", "福辛普利钠"),
            western("C07AB", "高血压或冠心病", List.of("I10", "I11", "I20", "I25", "I48"), List.of(T, SR), 0.05, 3.5, 2, false, null,
                    "酒石酸美托洛尔", "富马酸比索洛尔", "阿替洛尔", "琥珀酸美托洛尔"),
            western("C10AA", "高脂血症或动脉粥样硬化性心脑血管病", List.of("E78", "I20", "I25", "I63"), List.of(T, CAP), 0.10, 5.0, 1,
                    true, null, "辛伐他汀", "普伐他汀钠", "氟伐他汀钠", "瑞舒伐他汀钙", "匹伐他汀钙"),
            western("A10BA", "糖尿病", DIABETES, List.of(T, SR, CAP), 0.05, 6.0, 2, true, null,
                    "盐酸二甲双胍", "格列齐特", "格列吡嗪", "磷酸西格列汀", "沙格列汀", "利格列汀", "维格列汀", "阿卡波糖",
                    "达格列净", "恩格列净"),
            western("A10AB", "糖尿病", List.of("E10", "E11", "E13", "E14", "O24"), List.of(INJ), 4.0, 20.0, 1, true, null,
                    "门冬胰岛素", "赖脯胰岛素", "甘精胰岛素", "地特胰岛素", "德谷胰岛素", "精蛋白锌重组人胰岛素"),
            western("A02BC", "消化性溃疡或胃食管反流病", List.of("K21", "K25", "K26", "K27", "K29", "K92"), List.of(CAP, T, PWD),
                    0.30, 5.0, 1, true, null, "奥美拉唑", "兰索拉唑", "泮托拉唑钠", "雷贝拉唑钠", "艾司奥美拉唑镁"),
            western("J01CA", "细菌感染", List.of("J01", "J02", "J03", "J06", "J15", "J18", "J20", "N39"), List.of(CAP, T, GRA, PWD),
                    0.05, 3.0, 3, true, null, "阿莫西林", "氨苄西林", "阿莫西林克拉维酸钾", "哌拉西林钠他唑巴坦钠", "青霉素V钾"),
            western("J01DC", "中重度细菌感染", List.of("J15", "J18", "A41", "N39", "K35"), List.of(T, CAP, GRA, PWD), 0.30, 6.0, 2,
                    true, null, "头孢呋辛酯", "头孢克洛", "头孢丙烯", "头孢克肟", "头孢曲松钠", "头孢他啶", "头孢哌酮钠舒巴坦钠"),
            western("J01FA", "细菌或支原体感染", List.of("J02", "J03", "J15", "J18", "J20", "A49"), List.of(T, CAP, GRA, PWD), 0.20,
                    5.0, 1, false, null, "阿奇霉素", "克拉霉素", "罗红霉素", "红霉素"),
            western("J01MA", "细菌感染", List.of("J15", "J18", "J20", "N30", "N39"), List.of(T, INJ, Form.EYE_DROPS), 0.20, 4.0, 1,
                    true, null, "左氧氟沙星", "盐酸莫西沙星", "环丙沙星"),
            western("M01AE", "关节炎或疼痛", List.of("M05", "M06", "M15", "M16", "M17", "M54", "M79"),
                    List.of(T, CAP, SR, GRA, Form.CREAM), 0.05, 3.0, 2, true, null,
                    "布洛芬", "双氯芬酸钠", "塞来昔布", "洛索洛芬钠", "美洛昔康", "对乙酰氨基酚"),
            western("B01AC", "冠心病、心房颤动或缺血性卒中", List.of("I20", "I21", "I25", "I48", "I63", "I74", "I80", "I26"),
                    List.of(T, CAP), 0.10, 12.0, 1, true, null,
                    "硫酸氢氯吡格雷", "替格瑞洛", "利伐沙班", "达比加群酯", "华法林钠", "吲哚布芬"),
            western("R03AC", "哮喘或慢性阻塞性肺疾病", List.of("J44", "J45", "J46"), List.of(Form.INHALER, T, GRA), 0.50, 4.0, 2,
                    false, null, "硫酸沙丁胺醇", "布地奈德", "噻托溴铵", "沙美特罗替卡松", "孟鲁司特钠"),
            western("L01XE", "恶性肿瘤", CANCERS, List.of(T, CAP), 30.0, 600.0, 1, false, MOSTLY_B,
                    "甲磺酸伊马替尼", "盐酸埃克替尼", "盐酸厄洛替尼", "甲磺酸奥希替尼", "马来酸阿法替尼", "盐酸安罗替尼", "甲磺酸阿帕替尼",
                    "甲苯磺酸索拉非尼"),
            western("L01CD", "恶性肿瘤", CANCERS, List.of(PWD, INJ, T), 2.0, 120.0, 1, false, MOSTLY_B,
                    "紫杉醇", "多西他赛", "盐酸吉西他滨", "奥沙利铂", "顺铂", "卡培他滨", "培美曲塞二钠"),
            western("L04AB", "类风湿关节炎、强直性脊柱炎、银屑病或炎症性肠病", List.of("M05", "M06", "M45", "L40", "K50", "K51"),
                    List.of(INJ, PWD), 40.0, 400.0, 1, false, MOSTLY_B,
                    "阿达木单抗", "英夫利西单抗", "托珠单抗", "依那西普", "司库奇尤单抗"),
            western("N05AH", "精神分裂症或双相障碍", List.of("F20", "F25", "F31"), List.of(T, SOL), 0.20, 15.0, 2, false, null,
                    "奥氮平", "富马酸喹硫平", "利培酮", "阿立哌唑", "盐酸齐拉西酮"),
            western("N06AB", "抑郁症或焦虑障碍", List.of("F32", "F33", "F41"), List.of(T, CAP), 0.50, 7.0, 1, false, null,
                    "盐酸舍曲林", "盐酸帕罗西汀", "草酸艾司西酞普兰", "盐酸氟西汀", "盐酸度洛西汀"),
            western("J05AF", "慢性乙型肝炎或病毒感染", List.of("B18", "B00", "B02", "J10", "J11"), List.of(T, CAP, GRA, PWD), 0.20,
                    20.0, 1, true, null, "恩替卡韦", "富马酸替诺福韦二吡呋酯", "阿德福韦酯", "磷酸奥司他韦", "阿昔洛韦"),
            western("M05BA", "骨质疏松", List.of("M80", "M81", "M82"), List.of(T, CAP, INJ), 0.30, 15.0, 1, false, null,
                    "阿仑膦酸钠", "唑来膦酸", "利塞膦酸钠", "阿法骨化醇", "骨化三醇"),
            western("H02AB", "", List.of(), List.of(T, INJ, PWD, Form.CREAM), 0.05, 4.0, 2, false, MOSTLY_A,
                    "醋酸泼尼松", "甲泼尼龙", "地塞米松磷酸钠", "氢化可的松"),
            western("A11DA", "", List.of(), List.of(T, INJ, GRA), 0.01, 1.5, 3, false,
                    Map.of(ItemClass.A, 0.30, ItemClass.B, 0.30, ItemClass.C, 0.40),
                    "维生素B1", "维生素B6", "维生素C", "复合维生素B", "碳酸钙D3", "葡萄糖酸钙"),
            western("G04CA", "良性前列腺增生", List.of("N40"), List.of(CAP, T, SR), 0.30, 4.0, 1, false, null,
                    "盐酸坦索罗辛", "非那雄胺", "甲磺酸多沙唑嗪", "赛洛多辛"),
            western("S01XA", "眼部疾病", List.of("H04", "H10", "H16", "H40"), List.of(Form.EYE_DROPS), 0.50, 6.0, 1, false, null,
                    "玻璃酸钠", "妥布霉素", "普拉洛芬", "拉坦前列素", "左氧氟沙星"),
            western("B03XA", "肾性贫血或缺铁性贫血", List.of("N18", "D50", "D63"), List.of(INJ, T), 0.05, 25.0, 1, false, null,
                    "重组人促红素", "蔗糖铁", "琥珀酸亚铁", "叶酸"),
            western("B05BB", "", List.of(), List.of(INJ), 0.25, 2.5, 2, false, MOSTLY_A,
                    "氯化钠", "葡萄糖", "复方氯化钠", "乳酸钠林格", "葡萄糖氯化钠"),
            western("R05CB", "急慢性支气管炎", List.of("J20", "J40", "J41", "J42", "J44"), List.of(T, SOL, GRA, INJ), 0.05, 3.0, 3,
                    false, null, "盐酸氨溴索", "氢溴酸右美沙芬", "羧甲司坦", "乙酰半胱氨酸"),
            western("A03FA", "消化不良或胃肠功能紊乱", List.of("K29", "K30", "K52", "K58", "K59"), List.of(T, CAP, GRA), 0.05, 2.5,
                    3, false, null, "多潘立酮", "枸橼酸莫沙必利", "铝碳酸镁", "双歧杆菌三联活菌", "蒙脱石"),
            western("N03AX", "癫痫", List.of("G40", "G41"), List.of(T, SR, SOL, INJ), 0.10, 8.0, 2, false, null,
                    "丙戊酸钠", "左乙拉西坦", "卡马西平", "拉莫三嗪", "奥卡西平"),
            western("C01DA", "冠心病或心力衰竭", List.of("I20", "I21", "I25", "I48", "I50"), List.of(T, SR, INJ), 0.05, 3.0, 2,
                    false, null, "硝酸甘油", "单硝酸异山梨酯", "地高辛", "盐酸胺碘酮", "盐酸曲美他嗪"),
            western("C03CA", "高血压、心力衰竭或水肿", List.of("I10", "I50", "N18", "R60"), List.of(T, INJ), 0.02, 2.0, 1, false,
                    null, "氢氯噻嗪", "呋塞米", "螺内酯", "托拉塞米", "吲达帕胺"),
            western("L02BG", "乳腺癌或前列腺癌", List.of("C50", "C61"), List.of(T, INJ), 1.00, 60.0, 1, false, MOSTLY_B,
                    "枸橼酸他莫昔芬", "来曲唑", "阿那曲唑", "比卡鲁胺", "醋酸戈舍瑞林"));

    /** 中成药, by function group; each name carries its form. */
    static final List<DrugFamily> PATENT = List.of(
            patent("A01AA", "外感发热或上呼吸道感染", List.of("J00", "J01", "J02", "J03", "J06", "J10", "J11"), 0.15, 2.5, 3, null,
                    "感冒清热颗粒", "银翘解毒片", "连花清瘟胶囊", "疏风解毒胶囊", "九味羌活丸", "桑菊感冒片", "小柴胡颗粒"),
            patent("A04AA", "咽喉肿痛或上呼吸道感染", List.of("J02", "J03", "J06", "K05", "K12"), 0.10, 2.0, 3, null,
                    "板蓝根颗粒", "牛黄解毒片", "蓝芩口服液", "双黄连口服液", "清开灵颗粒", "蒲地蓝消炎口服液", "银黄颗粒"),
            patent("A04BA", "重症感染或肺炎", List.of("J15", "J18", "J20", "A41"), 8.0, 60.0, 2, MOSTLY_B,
                    "热毒宁注射液", "喜炎平注射液", "痰热清注射液", "血必净注射液", "注射用炎琥宁"),
            patent("A09AA", "", List.of(), 0.10, 3.0, 3, Map.of(ItemClass.A, 0.20, ItemClass.B, 0.45, ItemClass.C, 0.35),
                    "六味地黄丸", "补中益气丸", "归脾丸", "金匮肾气丸", "生脉饮口服液", "百令胶囊", "参苓白术颗粒"),
            patent("A09BA", "休克、冠心病或心力衰竭", List.of("I20", "I25", "I50", "R57"), 10.0, 80.0, 2, MOSTLY_B,
                    "参麦注射液", "黄芪注射液", "生脉注射液", "参附注射液"),
            patent("A12AA", "冠心病或缺血性脑血管病", List.of("I20", "I25", "I63", "I67"), 0.10, 3.0, 3, null,
                    "复方丹参滴丸", "通心络胶囊", "脑心通胶囊", "麝香保心丸", "银杏叶片", "血塞通软胶囊", "丹七片"),
            patent("A12BA", "缺血性心脑血管病急性期", List.of("I20", "I21", "I25", "I63"), 10.0, 90.0, 1, MOSTLY_B,
                    "丹红注射液", "血栓通注射液", "注射用血塞通", "注射用丹参多酚酸盐", "舒血宁注射液"),
            patent("A13AA", "慢性胃炎或功能性消化不良", List.of("K29", "K30"), 0.10, 2.0, 3, null,
                    "逍遥丸", "气滞胃痛颗粒", "保和丸", "香砂养胃丸", "胃苏颗粒", "摩罗丹浓缩丸"),
            patent("A15AA", "高血压或头痛", List.of("I10", "G43", "G44", "R51"), 0.15, 3.0, 3, null,
                    "天麻钩藤颗粒", "松龄血脉康胶囊", "正天丸", "全天麻胶囊", "养血清脑颗粒"),
            patent("A16AA", "泌尿系感染、关节炎或前列腺增生", List.of("N30", "N39", "M06", "M15", "M17", "N40"), 0.15, 3.0, 3, null,
                    "三金片", "尪痹片", "独活寄生丸", "癃清片", "前列舒通胶囊", "风湿骨痛胶囊"),
            patent("B01AA", "骨折、骨质疏松或软组织损伤", List.of("M80", "M81", "S72", "S82", "T14", "K64"), 0.30, 6.0, 2, null,
                    "云南白药胶囊", "活血止痛贴膏", "仙灵骨葆胶囊", "伤科接骨片", "马应龙麝香痔疮膏", "消痛贴膏"),
            patent("B02AA", "妇科炎症或月经不调", List.of("N70", "N73", "N94", "D25"), 0.15, 3.0, 3, null,
                    "乌鸡白凤丸", "桂枝茯苓胶囊", "益母草颗粒", "妇科千金片", "坤泰胶囊"),
            patent("C01AA", "眼、鼻或咽喉疾病", List.of("H10", "J30", "J31", "J37", "J38"), 0.10, 2.5, 3, null,
                    "明目地黄丸", "鼻炎康片", "黄氏响声丸", "金嗓散结丸", "辛芩颗粒"));

    /** 中药饮片: pieces the fund pays. */
    static final List<String> HERBS = List.of("黄芪", "当归", "党参", "白术", "茯苓", "甘草", "川芎", "白芍", "熟地黄", "生地黄", "枸杞子",
            "菊花", "金银花", "连翘", "黄芩", "黄连", "黄柏", "柴胡", "半夏", "陈皮", "丹参", "三七", "红花", "桃仁", "山药", "薏苡仁",
            "麦冬", "五味子", "山茱萸", "牡丹皮", "泽泻", "杜仲", "牛膝", "续断", "桑寄生", "独活", "羌活", "防风", "荆芥", "薄荷",
            "桔梗", "杏仁", "枳壳", "厚朴", "木香", "砂仁", "香附", "延胡索", "郁金", "赤芍", "鸡血藤", "益母草", "酸枣仁", "远志",
            "石菖蒲", "天麻", "钩藤", "葛根", "知母", "石膏", "栀子", "淡竹叶", "芦根", "板蓝根", "蒲公英", "鱼腥草", "白花蛇舌草",
            "车前子", "茵陈", "大黄", "火麻仁", "神曲", "山楂", "麦芽", "鸡内金", "乌梅", "白芷", "细辛", "桂枝", "麻黄", "附子",
            "干姜", "肉桂", "吴茱萸", "女贞子", "墨旱莲", "龟甲", "鳖甲", "太子参", "北沙参");

    /**
     * Pieces the fund never pays (the NRDL's list of pieces excluded from payment, e.g. 冬虫夏草, 鹿茸, 西洋参):
     * class 丙 here.
     */
    static final List<String> PRECIOUS_HERBS = List.of("冬虫夏草", "鹿茸", "西洋参", "阿胶", "海马", "燕窝", "玛咖", "西红花", "哈蟆油",
            "野山参", "天山雪莲", "珊瑚");

    /** How a piece is processed (炮制), as its name states it. */
    static final List<String> PROCESSING = List.of("", "炒", "炙", "酒", "醋", "盐", "麸炒", "姜", "炭");

    static final List<String> CUTS = List.of("片", "段", "丝", "块", "粉", "颗粒");

    /**
     * A chapter of the medical service items (医疗服务项目).
     *
     * @param chapter the code's two-digit chapter
     * @param low     its cheapest item (yuan a unit)
     * @param high    its dearest
     */
    record ServiceChapter(String chapter, List<String> items, double low, double high, Map<ItemClass, Double> classWeights) {
    }

    private static final List<String> BODY = List.of("头颅", "颈部", "胸部", "腹部", "盆腔", "颈椎", "胸椎", "腰椎", "肩关节", "肘关节",
            "腕关节", "髋关节", "膝关节", "踝关节", "心脏", "肝胆胰脾", "泌尿系", "甲状腺", "乳腺", "四肢血管");
    private static final List<String> MODALITY = List.of("X线摄影", "数字化摄影(DR)", "CT平扫", "CT增强扫描", "磁共振平扫",
            "磁共振增强扫描", "彩色多普勒超声检查", "B超常规检查");
    private static final List<String> ANALYTES = List.of("血常规", "尿常规", "粪便常规", "丙氨酸氨基转移酶", "天门冬氨酸氨基转移酶",
            "总胆红素", "直接胆红素", "白蛋白", "肌酐", "尿素", "尿酸", "葡萄糖", "糖化血红蛋白", "甘油三酯", "总胆固醇",
            "高密度脂蛋白胆固醇", "低密度脂蛋白胆固醇", "钾", "钠", "氯", "钙", "镁", "C反应蛋白", "降钙素原", "血清淀粉酶",
            "肌酸激酶", "肌酸激酶同工酶", "肌钙蛋白I", "B型钠尿肽", "D-二聚体", "凝血酶原时间", "活化部分凝血活酶时间", "纤维蛋白原",
            "乙型肝炎表面抗原", "乙型肝炎e抗原", "丙型肝炎抗体", "人免疫缺陷病毒抗体", "梅毒螺旋体抗体", "甲胎蛋白", "癌胚抗原",
            "糖类抗原125", "糖类抗原199", "前列腺特异性抗原", "促甲状腺激素", "游离甲状腺素", "游离三碘甲状腺原氨酸", "胰岛素",
            "C肽", "铁蛋白", "维生素B12", "叶酸", "同型半胱氨酸", "血沉", "类风湿因子", "抗链球菌溶血素O", "尿微量白蛋白",
            "血气分析", "乳酸", "细菌培养及鉴定", "药物敏感试验");
    private static final List<String> METHODS = List.of("(化学法)", "(免疫比浊法)", "(化学发光法)");
    private static final List<String> SURGERY = List.of("阑尾切除术", "胆囊切除术", "腹股沟疝修补术", "胃大部切除术", "结肠部分切除术",
            "肝部分切除术", "甲状腺部分切除术", "乳腺癌改良根治术", "肺叶切除术", "食管癌根治术", "全髋关节置换术", "全膝关节置换术",
            "股骨颈骨折闭合复位内固定术", "胫骨骨折切开复位内固定术", "腰椎间盘髓核摘除术", "椎间融合术", "经皮冠状动脉支架植入术",
            "冠状动脉旁路移植术", "永久起搏器植入术", "射频消融术", "颅内血肿清除术", "脑动脉瘤夹闭术", "白内障超声乳化摘除术",
            "人工晶体植入术", "扁桃体切除术", "鼻中隔矫正术", "剖宫产术", "子宫肌瘤剔除术", "经尿道前列腺电切术", "输尿管镜碎石术",
            "经皮肾镜取石术", "膀胱肿瘤电切术", "肾部分切除术", "痔切除术", "肛瘘切除术", "静脉曲张高位结扎术", "清创缝合术",
            "皮肤肿物切除术", "脓肿切开引流术", "腱鞘囊肿切除术");
    private static final List<String> APPROACH = List.of("", "(腹腔镜)", "(内镜下)", "(经皮)", "(机器人辅助)", "(开放)");
    private static final List<String> CLINICAL = List.of("常规心电图检查", "动态心电图", "动态血压监测", "平板运动试验", "心脏彩超",
            "胃镜检查", "结肠镜检查", "支气管镜检查", "肺功能检查", "脑电图", "肌电图", "血液透析", "血液滤过", "腹膜透析", "血浆置换",
            "骨髓穿刺术", "腰椎穿刺术", "胸腔穿刺术", "腹腔穿刺术", "心脏电复律", "呼吸机辅助呼吸", "无创辅助通气", "康复评定",
            "运动疗法", "作业疗法", "言语训练", "吞咽功能训练", "红外线治疗", "超短波治疗", "中频脉冲电治疗", "高压氧舱治疗",
            "体外冲击波碎石", "睡眠呼吸监测", "听力检查", "眼底检查", "眼压测量", "视野检查", "骨密度测定", "心理咨询", "心理测验");
    private static final List<String> GENERAL = List.of("副主任医师门诊诊查费", "急诊诊查费", "住院诊查费", "特级护理", "一级护理",
            "二级护理", "三级护理", "肌肉注射", "静脉注射", "静脉输液", "皮下注射", "小换药", "中换药", "大换药", "吸氧", "雾化吸入",
            "导尿", "灌肠", "鼻饲管置管", "吸痰护理", "会诊", "院前急救", "救护车费", "静脉采血", "动脉采血", "引流管冲洗",
            "口腔护理", "压疮护理", "血糖监测", "心电监测");
    private static final List<String> BEDS = List.of("普通病房床位费(双人间)", "普通病房床位费(单人间)", "监护病床床位费",
            "重症监护病房床位费", "层流洁净病房床位费", "急诊观察床位费", "新生儿床位费", "家庭病床建床费", "日间病房床位费",
            "隔离病房床位费");
    private static final List<String> TCM = List.of("普通针刺", "电针", "温针", "艾灸", "隔物灸", "拔罐", "刮痧", "颈椎推拿",
            "腰椎推拿", "小儿推拿", "中药熏洗", "穴位贴敷", "中药封包", "耳穴压豆", "中医辨证论治", "穴位注射", "火针", "放血疗法",
            "中药灌肠", "中药塌渍", "针刀治疗", "督灸", "腹针", "头针", "眼针");
    private static final List<String> RADIOTHERAPY = List.of("常规放射治疗", "适形放射治疗", "调强放射治疗", "立体定向放射治疗",
            "图像引导放射治疗", "后装治疗", "放疗计划设计", "模拟定位", "体表标记", "放疗剂量验证");
    private static final List<String> PATHOLOGY = List.of("常规病理检查", "术中冰冻切片检查", "免疫组织化学染色", "细胞学检查",
            "液基薄层细胞学检查", "特殊染色", "分子病理检测", "骨髓活检", "穿刺组织病理检查", "荧光原位杂交");

    /** Variants of an item, as a price list adds them. */
    static final List<String> SERVICE_VARIANTS = List.of("", "(每增加一个部位)", "(儿童)", "(急诊)", "(床旁)", "(术中)", "(加急)",
            "(复查)", "(双侧)", "(每增加一次)", "(夜间)", "(计算机辅助)", "(远程)", "(院外会诊)");

    private static List<String> cross(List<String> a, List<String> b) {
        return a.stream().flatMap(x -> b.stream().map(y -> x + y)).toList();
    }

    static final List<ServiceChapter> SERVICES = List.of(
            new ServiceChapter("11", GENERAL, 2.0, 60.0, Map.of(ItemClass.A, 0.85, ItemClass.B, 0.12, ItemClass.C, 0.03)),
            new ServiceChapter("12", BEDS, 15.0, 300.0, Map.of(ItemClass.A, 0.60, ItemClass.B, 0.20, ItemClass.C, 0.20)),
            new ServiceChapter("21", cross(MODALITY, BODY), 20.0, 900.0, Map.of(ItemClass.A, 0.45, ItemClass.B, 0.45, ItemClass.C, 0.10)),
            new ServiceChapter("25", cross(ANALYTES, METHODS), 3.0, 150.0, null),
            new ServiceChapter("27", PATHOLOGY, 50.0, 600.0, null),
            new ServiceChapter("31", CLINICAL, 10.0, 800.0, null),
            new ServiceChapter("33", cross(SURGERY, APPROACH), 300.0, 9000.0, Map.of(ItemClass.A, 0.50, ItemClass.B, 0.40, ItemClass.C, 0.10)),
            new ServiceChapter("41", TCM, 8.0, 120.0, Map.of(ItemClass.A, 0.75, ItemClass.B, 0.20, ItemClass.C, 0.05)),
            new ServiceChapter("24", RADIOTHERAPY, 200.0, 3000.0, Map.of(ItemClass.A, 0.20, ItemClass.B, 0.75, ItemClass.C, 0.05)));

    /**
     * A kind of consumable.
     *
     * @param group     the code's six-digit class (first, second and third level)
     * @param materials what its products are made of
     * @param vbp       whether batches have procured some of its products (stents, joints)
     */
    record ConsumableKind(String group, String name, List<String> materials, double low, double high, boolean vbp,
                          Map<ItemClass, Double> classWeights) {
    }

    private static final Map<ItemClass, Double> LOW_VALUE = Map.of(ItemClass.A, 0.75, ItemClass.B, 0.20, ItemClass.C, 0.05);
    private static final Map<ItemClass, Double> HIGH_VALUE = Map.of(ItemClass.A, 0.05, ItemClass.B, 0.80, ItemClass.C, 0.15);

    private static ConsumableKind kind(String group, String name, double low, double high, boolean vbp, Map<ItemClass, Double> weights,
                                       String... materials) {
        return new ConsumableKind(group, name, List.of(materials), low, high, vbp, weights);
    }

    static final List<ConsumableKind> CONSUMABLES = List.of(
            kind("010101", "冠脉药物洗脱支架", 500, 6000, true, HIGH_VALUE, "钴铬合金", "铂铬合金", "不锈钢"),
            kind("010102", "冠脉球囊扩张导管", 200, 3000, true, HIGH_VALUE, "聚酰胺", "聚乙烯"),
            kind("010103", "导引导丝", 80, 800, false, HIGH_VALUE, "镍钛合金", "不锈钢"),
            kind("010104", "导引导管", 150, 1200, false, HIGH_VALUE, "聚氨酯", "尼龙"),
            kind("010105", "血管鞘", 60, 600, false, HIGH_VALUE, "聚乙烯", "聚四氟乙烯"),
            kind("010106", "外周血管支架", 2000, 12000, false, HIGH_VALUE, "镍钛合金", "钴铬合金"),
            kind("010107", "栓塞弹簧圈", 1500, 9000, false, HIGH_VALUE, "铂钨合金"),
            kind("020101", "胆道支架", 800, 8000, false, HIGH_VALUE, "镍钛合金", "聚乙烯"),
            kind("020102", "输尿管支架", 100, 1500, false, HIGH_VALUE, "硅胶", "聚氨酯"),
            kind("030101", "人工髋关节假体", 3000, 25000, true, HIGH_VALUE, "钛合金", "钴铬钼合金", "陶瓷"),
            kind("030102", "人工膝关节假体", 3000, 25000, true, HIGH_VALUE, "钛合金", "钴铬钼合金"),
            kind("030201", "锁定接骨板", 500, 6000, false, HIGH_VALUE, "钛合金", "不锈钢"),
            kind("030202", "接骨螺钉", 50, 1200, false, HIGH_VALUE, "钛合金", "不锈钢", "可吸收材料"),
            kind("030203", "髓内钉", 1500, 9000, false, HIGH_VALUE, "钛合金", "不锈钢"),
            kind("030301", "椎弓根螺钉", 300, 3500, false, HIGH_VALUE, "钛合金"),
            kind("030302", "椎间融合器", 1000, 9000, false, HIGH_VALUE, "聚醚醚酮", "钛合金"),
            kind("030401", "人工骨", 500, 6000, false, HIGH_VALUE, "羟基磷灰石", "硫酸钙"),
            kind("040101", "颅骨修补钛网", 2000, 15000, false, HIGH_VALUE, "钛合金"),
            kind("040102", "脑脊液分流管", 2000, 12000, false, HIGH_VALUE, "硅胶"),
            kind("050101", "心脏起搏器", 8000, 60000, false, HIGH_VALUE, "钛合金"),
            kind("050102", "起搏电极导线", 1500, 8000, false, HIGH_VALUE, "硅胶", "聚氨酯"),
            kind("060101", "血液透析器", 60, 400, false, LOW_VALUE, "聚砜膜", "聚醚砜膜", "三醋酸纤维素膜"),
            kind("060102", "血液透析管路", 20, 150, false, LOW_VALUE, "聚氯乙烯"),
            kind("060103", "血液灌流器", 300, 1500, false, HIGH_VALUE, "树脂"),
            kind("070101", "人工晶体", 500, 8000, false, HIGH_VALUE, "疏水性丙烯酸酯", "亲水性丙烯酸酯", "硅凝胶"),
            kind("080101", "牙种植体", 800, 6000, false, MOSTLY_C, "纯钛", "钛锆合金"),
            kind("080102", "正畸托槽", 50, 800, false, MOSTLY_C, "不锈钢", "陶瓷"),
            kind("090101", "一次性使用无菌注射器", 0.20, 3.0, false, LOW_VALUE, "聚丙烯"),
            kind("090102", "一次性使用输液器", 1.5, 12.0, false, LOW_VALUE, "聚氯乙烯", "热塑性弹性体"),
            kind("090103", "静脉留置针", 5.0, 40.0, false, LOW_VALUE, "聚氨酯", "聚四氟乙烯"),
            kind("090104", "一次性使用采血针", 0.2, 2.0, false, LOW_VALUE, "不锈钢"),
            kind("090105", "一次性使用输血器", 3.0, 20.0, false, LOW_VALUE, "聚氯乙烯"),
            kind("100101", "医用纱布块", 0.2, 3.0, false, LOW_VALUE, "脱脂棉纱"),
            kind("100102", "透明敷贴", 1.0, 20.0, false, LOW_VALUE, "聚氨酯"),
            kind("100103", "水胶体敷料", 10.0, 150.0, false, Map.of(ItemClass.A, 0.10, ItemClass.B, 0.60, ItemClass.C, 0.30), "水胶体"),
            kind("100104", "医用绷带", 0.5, 15.0, false, LOW_VALUE, "棉", "弹性纤维"),
            kind("110101", "一次性使用导尿管", 3.0, 60.0, false, LOW_VALUE, "乳胶", "硅胶"),
            kind("110102", "一次性使用吸痰管", 0.5, 8.0, false, LOW_VALUE, "聚氯乙烯"),
            kind("110103", "胃管", 2.0, 40.0, false, LOW_VALUE, "硅胶", "聚氯乙烯"),
            kind("110104", "胸腔引流管", 10.0, 120.0, false, LOW_VALUE, "硅胶", "聚氯乙烯"),
            kind("120101", "一次性使用吻合器", 800, 6000, false, HIGH_VALUE, "不锈钢", "钛合金"),
            kind("120102", "腔镜切割闭合器", 1500, 8000, false, HIGH_VALUE, "不锈钢"),
            kind("120103", "可吸收缝合线", 20, 300, false, Map.of(ItemClass.A, 0.30, ItemClass.B, 0.60, ItemClass.C, 0.10),
                    "聚乙醇酸", "聚对二氧环己酮"),
            kind("120104", "疝修补补片", 500, 8000, false, HIGH_VALUE, "聚丙烯", "聚酯"),
            kind("130101", "血糖试纸", 0.5, 4.0, false, Map.of(ItemClass.A, 0.20, ItemClass.B, 0.60, ItemClass.C, 0.20), "葡萄糖氧化酶",
                    "葡萄糖脱氢酶"));
}
