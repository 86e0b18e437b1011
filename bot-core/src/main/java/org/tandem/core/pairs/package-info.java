/** Pairs: a mentee and a mentor from request to introduction, the "did it click?" check, and beyond. */
package org.tandem.core.pairs;
