/** Tandem's platform-neutral core; {@link org.tandem.core.TandemCore} assembles it. */
package org.tandem.core;
