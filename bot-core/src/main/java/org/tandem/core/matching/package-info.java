/**
 * Matching supply and demand: scores mentee-mentor pairs with explainable reasons and finds the exactly optimal
 * plan for a whole programme (most mentees matched, then the best total score). Pure computation: no storage, no
 * messages; {@link org.tandem.core.matching.Matcher} is the entry point.
 */
package org.tandem.core.matching;
