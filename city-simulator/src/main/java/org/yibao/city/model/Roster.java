package org.yibao.city.model;

import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;

import java.util.List;

/**
 * The simulated city's designated institutions: every level of hospital and a few pharmacies, in
 * Zhumadian's districts and counties. The names are invented. A larger city sends more patients to
 * the same institutions; the gateway knows each one as a client.
 *
 * <p>Coordinates (WGS-84) are near each county's seat (the city centre of 驿城区 at about 32.98 N, 114.02 E; 西平
 * 33.39 N, 114.02 E; 泌阳 32.72 N, 113.33 E; 新蔡 32.75 N, 114.98 E ...), a township hospital some kilometres
 * out: the counties lie 30-160 km apart, as Zhumadian's do. No coordinate is an institution's real address.
 */
public final class Roster {

    public static final String CITY = "411700";
    public static final String CITY_NAME = "驻马店市";

    /** Districts and counties (区县) with their share of the population, per mille. */
    public record County(String code, String name, int perMille) {
    }

    public static final List<County> COUNTIES = List.of(
            new County("411702", "驿城区", 140), new County("411721", "西平县", 90), new County("411722", "上蔡县", 130),
            new County("411723", "平舆县", 100), new County("411724", "正阳县", 90), new County("411725", "确山县", 60),
            new County("411726", "泌阳县", 110), new County("411727", "汝南县", 90), new County("411728", "遂平县", 60),
            new County("411729", "新蔡县", 130));

    public static final List<Institution> INSTITUTIONS = List.of(
            hospital("H41170200001", "驻马店市模拟中心医院", "411702", InstitutionLevel.LEVEL_3, 32.9800, 114.0250),
            hospital("H41170200002", "驻马店市模拟第二人民医院", "411702", InstitutionLevel.LEVEL_3, 33.0050, 114.0450),
            hospital("H41172100001", "西平县模拟人民医院", "411721", InstitutionLevel.LEVEL_2, 33.3850, 114.0200),
            hospital("H41172200001", "上蔡县模拟人民医院", "411722", InstitutionLevel.LEVEL_2, 33.2630, 114.2650),
            hospital("H41172600001", "泌阳县模拟人民医院", "411726", InstitutionLevel.LEVEL_2, 32.7230, 113.3270),
            hospital("H41172400101", "正阳县模拟乡镇卫生院", "411724", InstitutionLevel.LEVEL_1, 32.5300, 114.4500),
            hospital("H41172500101", "确山县模拟乡镇卫生院", "411725", InstitutionLevel.LEVEL_1, 32.7500, 113.9000),
            hospital("H41172700101", "汝南县模拟乡镇卫生院", "411727", InstitutionLevel.LEVEL_1, 33.0500, 114.4500),
            hospital("H41172900101", "新蔡县模拟乡镇卫生院", "411729", InstitutionLevel.LEVEL_1, 32.8000, 115.0600),
            hospital("H41170200201", "驿城区模拟社区卫生服务中心一", "411702", InstitutionLevel.COMMUNITY, 32.9700, 114.0100),
            hospital("H41170200202", "驿城区模拟社区卫生服务中心二", "411702", InstitutionLevel.COMMUNITY, 32.9950, 114.0600),
            hospital("H41172800201", "遂平县模拟社区卫生服务中心", "411728", InstitutionLevel.COMMUNITY, 33.1450, 114.0100),
            pharmacy("P41170200001", "模拟大药房驿城店", "411702", "模拟大药房", 32.9850, 114.0300),
            pharmacy("P41170200002", "模拟大药房中心店", "411702", "模拟大药房", 32.9750, 114.0500),
            pharmacy("P41172100001", "模拟大药房西平店", "411721", "模拟大药房", 33.3900, 114.0300),
            pharmacy("P41172900001", "新蔡县模拟药店", "411729", null, 32.7500, 114.9800));

    private Roster() {
    }

    public static List<Institution> hospitals(InstitutionLevel level) {
        return INSTITUTIONS.stream().filter(i -> i.kind() == InstitutionKind.HOSPITAL && i.level() == level).toList();
    }

    public static List<Institution> pharmacies() {
        return INSTITUTIONS.stream().filter(Institution::isPharmacy).toList();
    }

    public static Institution byCode(String code) {
        return INSTITUTIONS.stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no institution " + code + " in the simulated city"));
    }

    private static Institution hospital(String code, String name, String region, InstitutionLevel level, double latitude,
                                        double longitude) {
        return new Institution(code, name, region, InstitutionKind.HOSPITAL, level, null, latitude, longitude);
    }

    private static Institution pharmacy(String code, String name, String region, String chain, double latitude, double longitude) {
        return new Institution(code, name, region, InstitutionKind.PHARMACY, InstitutionLevel.UNGRADED, chain, latitude, longitude);
    }
}
