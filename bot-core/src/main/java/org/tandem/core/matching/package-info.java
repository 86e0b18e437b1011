/**
 * Matching supply and demand: scores mentee-mentor pairs with explainable reasons and finds the exactly optimal
 * plan for a whole programme (most mentees matched, then the fewest of their needs failed, then the best total
 * score less the load cost the programme's policy sets), for tens of thousands of people. Pure computation: no storage, no
 * messages; {@link org.tandem.core.matching.Matcher} is the entry point.
 */
package org.tandem.core.matching;
