/** The dev clock: system time plus an offset that {@code POST /api/dev/clock} moves forward, to see weeks in minutes. */
package org.tandem.deploy.devclock;
