package org.yibao.launcher;

/** One application of the platform as the launcher runs it: its module, port and database. */
record PlatformApp(String name, String module, int port, String database) {

    boolean hasDatabase() {
        return database != null;
    }
}
