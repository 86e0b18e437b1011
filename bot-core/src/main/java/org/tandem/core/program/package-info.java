/** Programmes: what coordinators create, open and close, and what people enrol into. */
package org.tandem.core.program;
