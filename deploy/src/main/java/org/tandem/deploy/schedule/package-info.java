/** Quartz, in memory, firing the core's sweep of due items on every replica; what is due lives in MongoDB. */
package org.tandem.deploy.schedule;
