/** What works everywhere: help, cancel, and choosing a language. */
package org.tandem.core.basics;
