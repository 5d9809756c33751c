package org.yibao.care.institution;

import org.yibao.contracts.events.CareSetting;

import java.util.Set;

/**
 * A care institution (护理服务机构, 定点长期护理服务机构) the fund pays: its code, name and region, and
 * the settings it provides. It calls the platform as an HIS client of its own institution code.
 *
 * @param settings HOME (居家上门护理) and/or INSTITUTION (机构护理)
 */
public record CareInstitution(String institutionCode, String name, String regionCode, Set<CareSetting> settings,
                              String registeredBy) {

    public CareInstitution {
        settings = Set.copyOf(settings);
    }

    public boolean provides(CareSetting setting) {
        return settings.contains(setting);
    }
}
