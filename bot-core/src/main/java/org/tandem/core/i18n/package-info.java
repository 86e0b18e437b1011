/** Every user-facing sentence, from the English and French message bundles. */
package org.tandem.core.i18n;
