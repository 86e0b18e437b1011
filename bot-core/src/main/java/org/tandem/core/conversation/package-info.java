/** The neutral conversation model: what people do (inbound), what the bot says (blocks), and the port to reach them. */
package org.tandem.core.conversation;
