package org.yibao.contracts.region;

/**
 * Administrative division codes (行政区划代码, six digits): two for the province, two for the city,
 * two for the district. A code ending in zeros stands for everything under it.
 */
public final class Regions {

    private Regions() {
    }

    /** Whether {@code place} lies in {@code area}: 440000 contains 441700 and 441702; 441700 contains 441702. */
    public static boolean contains(String area, String place) {
        if (area.equals(place)) {
            return true;
        }
        return place.startsWith(prefix(area));
    }

    /** The SQL LIKE pattern of the codes in {@code area}: 441700 gives 4417%. */
    public static String likePattern(String area) {
        return prefix(area) + "%";
    }

    private static String prefix(String area) {
        return area.endsWith("0000") ? area.substring(0, 2) : area.endsWith("00") ? area.substring(0, 4) : area;
    }
}
