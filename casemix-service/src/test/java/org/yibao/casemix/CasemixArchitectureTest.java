package org.yibao.casemix;

import org.yibao.testsupport.architecture.ServiceArchitectureTest;

/** The one shape of every service (docs/architecture.md), checked on this service's classes. */
class CasemixArchitectureTest extends ServiceArchitectureTest {
}
