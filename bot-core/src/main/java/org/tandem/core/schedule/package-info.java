/** Scheduled work: due items in MongoDB, claimed with an atomic lease and performed by handlers of their kind. */
package org.tandem.core.schedule;
