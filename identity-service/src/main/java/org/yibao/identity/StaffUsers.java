package org.yibao.identity;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.yibao.security.ClientKind;
import org.yibao.security.clients.ClientRegistry;
import org.yibao.security.clients.RegisteredClient;

/**
 * The bureau's staff who log in to the console with a browser, for the local platform: the {@code STAFF} clients of the
 * clients file (user name = client id, password = its secret, roles = its roles). A hospital's or department's client
 * cannot log in here. A bureau's staff come from its own identity provider in production (docs/adr/0030).
 */
final class StaffUsers implements UserDetailsService {

    private final ClientRegistry clients;

    StaffUsers(ClientRegistry clients) {
        this.clients = clients;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        RegisteredClient staff = clients.find(username).filter(c -> c.identity().kind() == ClientKind.STAFF)
                .orElseThrow(() -> new UsernameNotFoundException("no staff member " + username));
        return User.withUsername(staff.clientId())
                .password(staff.secretHash())
                .authorities(staff.identity().roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList())
                .build();
    }
}
