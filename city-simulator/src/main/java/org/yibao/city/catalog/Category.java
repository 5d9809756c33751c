package org.yibao.city.catalog;

import org.yibao.contracts.events.ItemClass;

import java.util.Map;

/**
 * The parts of the synthetic catalog, each with the first letter of its national codes and the catalog
 * type (目录类别, {@code list_type}) its rows carry in the 1312 item file.
 *
 * @param letter       the national code's first letter: X 西药, Z 中成药, T 中药饮片, S 医疗服务项目, C 医用耗材
 * @param listType     101 西药中成药, 102 中药饮片, 201 医疗服务项目, 301 医用耗材
 * @param share        the part's share of the catalog's codes
 * @param classWeights the shares of class 甲/乙/丙 the part's class keys are drawn with, unless a family states its own
 */
public enum Category {

    /**
     * 西药: product codes (one per generic, dosage form, strength, package and maker) of the chemical and
     * biological medicines, the largest part of a bureau's code list.
     */
    WESTERN_MEDICINE('X', "101", 0.46, Map.of(ItemClass.A, 0.25, ItemClass.B, 0.56, ItemClass.C, 0.19)),
    /** 中成药: Chinese patent medicines; the NRDL lists fewer of them as class 甲 than western medicines. */
    CHINESE_PATENT_MEDICINE('Z', "101", 0.24, Map.of(ItemClass.A, 0.15, ItemClass.B, 0.61, ItemClass.C, 0.24)),
    /** 中药饮片: Chinese herbal pieces, billed by the gram. */
    HERBAL_PIECES('T', "102", 0.04, Map.of(ItemClass.A, 0.60, ItemClass.B, 0.25, ItemClass.C, 0.15)),
    /** 医疗服务项目: medical service items, priced by the government and often by institution level. */
    MEDICAL_SERVICE('S', "201", 0.17, Map.of(ItemClass.A, 0.60, ItemClass.B, 0.30, ItemClass.C, 0.10)),
    /** 医用耗材: medical consumables, from syringes to joint implants. */
    CONSUMABLE('C', "301", 0.09, Map.of(ItemClass.A, 0.30, ItemClass.B, 0.55, ItemClass.C, 0.15));

    private final char letter;
    private final String listType;
    private final double share;
    private final Map<ItemClass, Double> classWeights;

    Category(char letter, String listType, double share, Map<ItemClass, Double> classWeights) {
        this.letter = letter;
        this.listType = listType;
        this.share = share;
        this.classWeights = classWeights;
    }

    public char letter() {
        return letter;
    }

    public String listType() {
        return listType;
    }

    public double share() {
        return share;
    }

    public Map<ItemClass, Double> classWeights() {
        return classWeights;
    }

    /** Whether its items are medicines, the part of the catalog restricted-payment conditions are written for. */
    public boolean isDrug() {
        return this == WESTERN_MEDICINE || this == CHINESE_PATENT_MEDICINE;
    }
}
