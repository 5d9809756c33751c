package org.yibao.care;

import org.yibao.testsupport.architecture.ServiceArchitectureTest;

/** The one shape of every service (docs/architecture.md), checked on this service's classes. */
class CareArchitectureTest extends ServiceArchitectureTest {
}
