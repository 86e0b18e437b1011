/** People as the bot knows them: identity, display name, language and time zone. */
package org.tandem.core.people;
