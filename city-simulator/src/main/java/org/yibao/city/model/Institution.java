package org.yibao.city.model;

import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;

/**
 * A designated hospital or pharmacy of the simulated city, and the gateway client it calls with
 * (registered in the local platform's clients file, secret {@code local-city-secret}).
 */
public record Institution(String code, String name, String regionCode, InstitutionKind kind, InstitutionLevel level,
                          String chain) {

    public String clientId() {
        return (kind == InstitutionKind.PHARMACY ? "city-pharmacy-" : "city-his-") + code;
    }

    public boolean isPharmacy() {
        return kind == InstitutionKind.PHARMACY;
    }
}
