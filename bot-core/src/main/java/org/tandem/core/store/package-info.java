/** Small MongoDB helpers the repositories share. */
package org.tandem.core.store;
