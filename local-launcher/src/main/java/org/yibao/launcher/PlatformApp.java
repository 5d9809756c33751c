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
        return baseRoute().toUpperCase() + "_URL";
    }

    /**
     * The {@code n}th instance (1-based) of this app under {@code --instances}: the first is the app itself; the others
     * listen 100 ports further each (settlement 8082, 8182, 8282; the gateway 8080/8090, 8180/8190) and are named
     * {@code settlement-service-2}. They share the database and the consumer group.
     */
    PlatformApp instance(int n) {
        if (n == 1) {
            return this;
        }
        int shift = 100 * (n - 1);
        return new PlatformApp(name + "-" + n, module, port + shift, database, managementPort + shift);
    }

    /** The short name the gateway routes by, without an instance's suffix. */
    String baseRoute() {
        return route().replaceAll("-\\d+$", "").replaceAll("-(service|interface)$", "");
    }

    /** Whether every settlement passes through this application (gateway, settlement, supervision's pre-check). */
    boolean settlePath() {
        return switch (baseRoute()) {
            case "gateway", "settlement", "supervision" -> true;
            default -> false;
        };
    }

    boolean hasDatabase() {
        return database != null;
    }
}
