/** What an operator measures: the names and tags of Tandem's meters, recorded through Micrometer. */
package org.tandem.core.telemetry;
