package org.yibao.web.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * When the local launcher starts an application it passes its own pid in {@code YIBAO_PARENT_PID};
 * the application then closes itself if the launcher disappears (killed rather than stopped), so
 * no service outlives the platform it belonged to. Without the variable this does nothing.
 */
public class ParentProcessWatchdog implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ParentProcessWatchdog.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String parentPid = event.getApplicationContext().getEnvironment().getProperty("YIBAO_PARENT_PID");
        if (parentPid == null || parentPid.isBlank()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(parentPid.trim())).ifPresentOrElse(parent -> {
            ConfigurableApplicationContext context = event.getApplicationContext();
            Thread watchdog = new Thread(() -> {
                parent.onExit().join();
                log.warn("the launcher (pid {}) is gone; shutting down", parentPid);
                context.close();
                System.exit(0);
            }, "parent-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }, () -> {
            log.warn("the launcher (pid {}) is already gone; shutting down", parentPid);
            event.getApplicationContext().close();
        });
    }
}
