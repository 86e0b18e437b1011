/** Matching rounds: a coordinator's preview and confirmation, weights, and approvals. */
package org.tandem.core.rounds;
