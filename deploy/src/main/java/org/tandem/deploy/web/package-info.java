/** The HTTP edge: every error, whoever raises it (Tomcat, Spring, a controller), answers JSON. */
package org.tandem.deploy.web;
