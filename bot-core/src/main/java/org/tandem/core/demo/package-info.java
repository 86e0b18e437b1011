/** Sample data so that a new user sees matching, shortlists and an introduction within minutes. */
package org.tandem.core.demo;
