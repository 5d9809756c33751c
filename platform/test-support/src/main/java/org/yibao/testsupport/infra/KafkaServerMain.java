package org.yibao.testsupport.infra;

/**
 * Entry point of a broker child process: runs Apache Kafka's own {@code kafka.Kafka} main, and
 * exits when the process that started it is gone, so that a killed test run or launcher never
 * leaves an orphan broker holding its ports.
 */
public final class KafkaServerMain {

    private KafkaServerMain() {
    }

    public static void main(String[] args) throws Exception {
        ProcessHandle.current().parent().ifPresent(parent -> {
            Thread watchdog = new Thread(() -> {
                parent.onExit().join();
                System.err.println("parent process ended; stopping the broker");
                System.exit(0);
            }, "parent-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        });
        kafka.Kafka.main(args);
    }
}
