/** The home view: where a person stands in their programmes, what to do next, and buttons to get there. */
package org.tandem.core.home;
