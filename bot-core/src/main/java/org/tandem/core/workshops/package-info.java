/**
 * Workshops: a coordinator announces one to a programme's participants, who answer with a button; those who said
 * yes are reminded the day before; {@code workshops} lists who is coming.
 */
package org.tandem.core.workshops;
