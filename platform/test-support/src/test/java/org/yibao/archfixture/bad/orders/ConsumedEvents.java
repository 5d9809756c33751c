package org.yibao.archfixture.bad.orders;

/** The consumed-events file, but down in a feature package instead of the service's root. */
class ConsumedEvents {
}
