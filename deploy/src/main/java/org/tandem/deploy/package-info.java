/** The Spring Boot application: configuration, the MongoDB connection (embedded or real), and assembly. */
package org.tandem.deploy;
