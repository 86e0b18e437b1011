/** The Slack adapter: Bolt for Java in, Block Kit out, over HTTP or Socket Mode, for one or many workspaces. */
package org.tandem.slack;
