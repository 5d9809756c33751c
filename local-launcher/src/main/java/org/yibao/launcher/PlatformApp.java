package org.yibao.launcher;

/**
 * One application of the platform as the launcher runs it: its module, port, database, and the
 * port its actuator answers on (the gateway keeps actuator off its public port).
 */
record PlatformApp(String name, String module, int port, String database, int managementPort) {

    PlatformApp(String name, String module, int port, String database) {
        this(name, module, port, database, port);
    }

    boolean hasDatabase() {
        return database != null;
    }
}
