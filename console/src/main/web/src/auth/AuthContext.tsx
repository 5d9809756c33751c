import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { User } from 'oidc-client-ts';
import { rolesOf, userManager, type Role } from './auth';

export interface AuthState {
  user: User | null;
  roles: Role[];
  loading: boolean;
  hasAnyRole: (roles: readonly Role[]) => boolean;
}

const AuthContext = createContext<AuthState>({ user: null, roles: [], loading: true, hasAnyRole: () => false });

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let alive = true;
    userManager
      .getUser()
      .then((u) => alive && setUser(u && !u.expired ? u : null))
      .finally(() => alive && setLoading(false));
    const loaded = (u: User) => setUser(u);
    const unloaded = () => setUser(null);
    userManager.events.addUserLoaded(loaded);
    userManager.events.addUserUnloaded(unloaded);
    return () => {
      alive = false;
      userManager.events.removeUserLoaded(loaded);
      userManager.events.removeUserUnloaded(unloaded);
    };
  }, []);

  const value = useMemo<AuthState>(() => {
    const roles = rolesOf(user);
    return { user, roles, loading, hasAnyRole: (wanted) => wanted.some((r) => roles.includes(r)) };
  }, [user, loading]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  return useContext(AuthContext);
}
