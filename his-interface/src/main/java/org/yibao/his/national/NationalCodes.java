package org.yibao.his.national;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.DeliveryKind;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.VisitType;

import java.util.Map;

/**
 * The platform's own values mapped to the national dictionaries, in one place (issue 17, output 14:
 * internal enum names such as RESIDENT or MINIMUM_LIVING were answered where national codes apply).
 * Every code answered is checked against dictionaries.yml when the interface starts.
 */
@Component
public class NationalCodes {

    /** Assistance categories as 人员身份类别 (see dictionaries.yml for the ASSUMPTION on the newer ones). */
    private static final Map<String, String> IDENTITY = Map.of(
            "EXTREME_POVERTY", "2304", "MINIMUM_LIVING", "2303", "MINIMUM_LIVING_MARGINAL", "2305",
            "LIFTED_UNSTABLE", "2361", "POVERTY_MONITORED", "2362", "EDGE_OF_POVERTY", "2363",
            "SUDDEN_HARDSHIP", "2364", "LIFTED_OUT_OF_POVERTY", "2365");

    /** Item classes as 收费项目等级. */
    private static final Map<ItemClass, String> ITEM_CLASS = Map.of(ItemClass.A, "01", ItemClass.B, "02", ItemClass.C, "03");

    /** Institution levels as 医院等级: ASSUMPTION — the platform keeps the level without its 甲/乙/丙 grade; answered as 乙等. */
    private static final Map<String, String> HOSPITAL_LEVEL = Map.of("LEVEL_3", "03", "LEVEL_2", "06", "LEVEL_1", "09");

    /** 生育类别 (matn_type, 2402) as the kind of delivery: ASSUMPTION, see dictionaries.yml. */
    private static final Map<String, DeliveryKind> DELIVERY_KIND = Map.of("1", DeliveryKind.NATURAL, "2", DeliveryKind.CAESAREAN,
            "3", DeliveryKind.ASSISTED, "4", DeliveryKind.MISCARRIAGE_BEFORE_4_MONTHS, "5", DeliveryKind.MISCARRIAGE_FROM_4_MONTHS);

    private final Declarations declarations;

    public NationalCodes(Declarations declarations) {
        this.declarations = declarations;
        IDENTITY.values().forEach(c -> require("psn_idet_type", c));
        ITEM_CLASS.values().forEach(c -> require("chrgitm_lv", c));
        HOSPITAL_LEVEL.values().forEach(c -> require("hosp_lv", c));
        DELIVERY_KIND.keySet().forEach(c -> require("matn_type", c));
        for (String c : new String[] {"1101", "1201", "14", "1501", "16"}) {
            require("psn_type", c);
        }
    }

    private void require(String table, String code) {
        if (declarations.label(table, code) == null) {
            throw new IllegalStateException("the national code " + code + " is not in dictionary " + table);
        }
    }

    /** The kind of delivery of a 生育类别 code (checked against its dictionary by the layout), or null for another code. */
    public DeliveryKind deliveryKind(String matnType) {
        return DELIVERY_KIND.get(matnType);
    }

    /** 险种类型: 310 employees' basic insurance, 390 residents'. */
    public String insutype(String scheme) {
        return "EMPLOYEE".equals(scheme) ? "310" : "390";
    }

    /** 人员类别 of an enrollment's person type; residents by age (under 18, 18-59, 60 and over). */
    public String personType(String personType, int age) {
        return switch (personType) {
            case "EMPLOYEE_ACTIVE" -> "1101";
            case "EMPLOYEE_RETIRED" -> "1201";
            default -> age < 18 ? "14" : age >= 60 ? "16" : "1501";
        };
    }

    /**
     * The platform's person type (PersonType's name) of a 人员类别 as {@link #personType} answers it: 1101
     * employees in work, 1201 retired employees, any other (14, 1501, 16) residents; null for null.
     */
    public String platformPersonType(String psnType) {
        if (psnType == null) {
            return null;
        }
        return switch (psnType) {
            case "1101" -> "EMPLOYEE_ACTIVE";
            case "1201" -> "EMPLOYEE_RETIRED";
            default -> "RESIDENT";
        };
    }

    /** 人员身份类别 of an assistance category, or null for a category without a code. */
    public String identity(String category) {
        return IDENTITY.get(category);
    }

    public String identityName(String code) {
        return declarations.label("psn_idet_type", code);
    }

    /** 收费项目等级 of the catalog's class A/B/C (丙类 03 when the bill gives none). */
    public String itemClass(ItemClass itemClass) {
        return itemClass == null ? "03" : ITEM_CLASS.get(itemClass);
    }

    /**
     * 医疗收费项目类别 of a catalog item: drugs by the national code's first letter (X 西药 09, Z 中成药 11,
     * T 中药饮片 10), herbal pieces 10, consumables 08; a medical service by its price item's chapter
     * ({@link #serviceFeeCategory}).
     */
    public String feeCategory(ItemCategory category, String itemCode) {
        if (category == ItemCategory.TCM_HERBAL) {
            return "10";
        }
        if (category == ItemCategory.DRUG) {
            return itemCode.startsWith("Z") ? "11" : itemCode.startsWith("T") ? "10" : "09";
        }
        return category == ItemCategory.CONSUMABLE ? "08" : serviceFeeCategory(itemCode);
    }

    /**
     * A medical service's 医疗收费项目类别 by the chapter of its price item code (全国医疗服务价格项目规范; the catalog's code,
     * an initial S set aside): 1101 挂号 13, 1102 诊查 02, 1201 床位 01 (ASSUMPTION: the platform's catalog numbers the bed
     * day so, as its seed and simulated catalogs do), 12 other general care 07 护理, 21-24 imaging 03 检查, 25-26 laboratory
     * and blood typing 04 化验, 27 pathology 03 检查, 31-32 clinical treatment and rehabilitation 05 治疗, 33 surgery 06
     * 手术; anything else 14 其他.
     */
    public static String serviceFeeCategory(String itemCode) {
        String digits = itemCode.length() > 1 && Character.isLetter(itemCode.charAt(0)) ? itemCode.substring(1) : itemCode;
        if (digits.length() < 4 || !digits.substring(0, 4).chars().allMatch(Character::isDigit)) {
            return "14";
        }
        String section = digits.substring(0, 4);
        return switch (section) {
            case "1101" -> "13";
            case "1102" -> "02";
            case "1201" -> "01";
            default -> switch (section.substring(0, 2)) {
                case "12" -> "07";
                case "21", "22", "23", "24", "27" -> "03";
                case "25", "26" -> "04";
                case "31", "32" -> "05";
                case "33" -> "06";
                default -> "14";
            };
        };
    }

    public String hospitalLevel(String level) {
        return HOSPITAL_LEVEL.getOrDefault(level, "11");
    }

    /** 清算类别 of one of the platform's visit types (a settlement-service bill). */
    public String clearingTypeOfVisit(VisitType visitType) {
        // a delivery's stay (生育住院, med_type 52) is cleared as a stay, prenatal care (51) as outpatient care, as
        // clearingType(medType) clears them
        return switch (visitType) {
            case INPATIENT, DELIVERY -> "21";
            case PHARMACY -> "41";
            case GENERAL_OUTPATIENT, CHRONIC_OUTPATIENT, PRENATAL_CARE -> "11";
        };
    }

    /** 清算类别 of a medical type: 41 pharmacy, 21 inpatient (2x), otherwise 11 outpatient. */
    public String clearingType(String medType) {
        return "41".equals(medType) ? "41" : medType.startsWith("2") || "52".equals(medType) ? "21" : "11";
    }
}
