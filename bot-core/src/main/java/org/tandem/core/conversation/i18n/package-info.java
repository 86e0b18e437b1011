/**
 * Every user-facing sentence, from the English and French message bundles: part of the conversation API (texts
 * are rendered as the conversation's {@code Rich} spans, and the conversation speaks each person's language).
 */
package org.tandem.core.conversation.i18n;
