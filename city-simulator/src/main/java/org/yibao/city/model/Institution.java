package org.yibao.city.model;

import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;

/**
 * A designated hospital or pharmacy of the simulated city, and the gateway client it calls with
 * (registered in the local platform's clients file, secret {@code local-city-secret}).
 *
 * @param latitude  where it is, decimal degrees (WGS-84): plausible for its county, not a real address
 * @param longitude likewise
 */
public record Institution(String code, String name, String regionCode, InstitutionKind kind, InstitutionLevel level,
                          String chain, double latitude, double longitude) {

    private static final double EARTH_RADIUS_KM = 6371.0;

    public String clientId() {
        return (kind == InstitutionKind.PHARMACY ? "city-pharmacy-" : "city-his-") + code;
    }

    public boolean isPharmacy() {
        return kind == InstitutionKind.PHARMACY;
    }

    /** The great-circle distance to another institution, in km (haversine). */
    public double kmTo(Institution other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(other.latitude))
                * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
    }
}
