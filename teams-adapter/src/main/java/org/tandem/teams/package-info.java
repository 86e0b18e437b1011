/** The Microsoft Teams adapter: renders the neutral model as Adaptive Cards and turns Activities into inbound events. */
package org.tandem.teams;
