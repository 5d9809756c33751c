package org.yibao.launcher;

/**
 * One application of the platform as the launcher runs it: its module, port, database, and the
 * port its actuator answers on (the gateway keeps actuator off its public port).
 */
record PlatformApp(String name, String module, int port, String database, int managementPort) {

    PlatformApp(String name, String module, int port, String database) {
        this(name, module, port, database, port);
    }

    /** The short name the gateway routes by (/api/{route}/), e.g. settlement, his. */
    String route() {
        return name.replaceAll("-(service|interface)$", "");
    }

    /** The environment variable that tells the gateway (and callers) where this app listens, e.g. SETTLEMENT_URL. */
    String urlVariable() {
        return route().toUpperCase() + "_URL";
    }

    boolean hasDatabase() {
        return database != null;
    }
}
