/**
 * The core's settings, read once from the application's configuration and handed to the features that need them
 * (the admin channel's language and digest time, the weekly cap of nudges, the retention of closed programmes).
 * It depends on nothing else of the core, so that every feature may read it without tying the packages in a knot.
 */
package org.tandem.core.settings;
