/** The Slack adapter: renders the neutral model as Block Kit and turns Slack payloads into inbound events. */
package org.tandem.slack;
